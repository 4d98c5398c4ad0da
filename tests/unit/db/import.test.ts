import { describe, expect, it } from 'vitest';
import { getEntityDetail } from '../../../lib/db/browse';
import { deleteEntity, saveEntity } from '../../../lib/db/entity-edits';
import { exportData } from '../../../lib/db/export';
import { applyPrepared, importText, parseImportText, prepareImport, validateImport, type Validated } from '../../../lib/db/import';
import { loadSnapshot } from '../../../lib/db/snapshot-store';
import type { Entity } from '../../../lib/schema/dataset';
import { generateDataset, generateEntity } from '../../fixtures/datasets/generate';
import { exportBoth, freshDb, DS, entitiesOf } from './setup';

const v1 = generateDataset({ count: 12 });
const withSummary = (entity: Entity, summary: string): Entity => ({ ...entity, summary });

function validated(text: string): Validated {
  const parsed = parseImportText(text);
  if (!parsed.ok) throw new Error('parse');
  const result = validateImport(parsed.value);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('importing a dataset', () => {
  it('shows a dry run with the right counts, and applies it', async () => {
    const db = await freshDb(v1);
    const v2 = generateDataset({ count: 14, version: '2.0.0', changed: [0, 5], removed: [7] });
    const prepared = await prepareImport(db, validated(JSON.stringify(v2)));
    expect(prepared.diff.added.map((x) => x.id)).toEqual(['person-12', 'organization-13']);
    expect(prepared.diff.changed.map((x) => x.id)).toEqual(['person-0', 'organization-5']);
    expect(prepared.diff.removed.map((x) => x.id)).toEqual(['event-7']);
    expect(prepared.diff.unchanged).toBe(9);
    expect(await applyPrepared(db, prepared, {})).toMatchObject({ ok: true, info: { version: '2.0.0', entityCount: 13 } });
  });

  it('resolves a conflict by keeping mine', async () => {
    const db = await freshDb(v1);
    await saveEntity(db, DS, withSummary(v1.entities[0]!, 'Mine.'), 'update');
    const v2 = generateDataset({ count: 12, version: '2.0.0', changed: [0] });
    const prepared = await prepareImport(db, validated(JSON.stringify(v2)));
    expect(prepared.diff.conflicts.map((c) => [c.id, c.upstream, c.local])).toEqual([['person-0', 'changed', 'changed']]);
    expect(await applyPrepared(db, prepared, {})).toMatchObject({ ok: false, reason: 'unresolved', ids: ['person-0'] });
    expect(await applyPrepared(db, prepared, { 'person-0': 'mine' })).toMatchObject({ ok: true });
    expect((await entitiesOf(db, ['person-0'])).entities[0]!.summary).toBe('Mine.');
    expect((await getEntityDetail(db, DS, 'person-0')).edit?.base).toEqual(v2.entities[0]);
  });

  it('resolves a conflict by taking theirs', async () => {
    const db = await freshDb(v1);
    await deleteEntity(db, DS, 'person-0');
    const v2 = generateDataset({ count: 12, version: '2.0.0', changed: [0] });
    expect(await importText(db, JSON.stringify(v2), { 'person-0': 'theirs' })).toMatchObject({ ok: true, editsKept: 0 });
    expect((await entitiesOf(db, ['person-0'])).entities[0]).toEqual(v2.entities[0]);
    expect((await getEntityDetail(db, DS, 'person-0')).edit).toBeNull();
  });

  it('refuses to keep an edit that would point at an entity the new version removes', async () => {
    const db = await freshDb(v1);
    const person = { ...v1.entities[0]!, relations: [{ type: 'member-of' as const, target: 'organization-1' }] };
    await saveEntity(db, DS, person, 'update');
    const before = await exportBoth(db);
    const v2 = generateDataset({ count: 12, version: '2.0.0', removed: [1] });
    const result = await importText(db, JSON.stringify(v2));
    expect(result).toMatchObject({
      ok: false,
      reason: 'problems',
      problems: [expect.objectContaining({ entityId: 'person-0', path: '$.relations[0].target' })],
    });
    expect(await exportBoth(db)).toBe(before);
  });

  it('is atomic: a failure in the middle of the transaction leaves the data exactly as it was', async () => {
    const db = await freshDb(v1);
    await saveEntity(db, DS, withSummary(v1.entities[0]!, 'Mine.'), 'update');
    const before = await exportBoth(db);
    const snapshot = await loadSnapshot(db, DS);
    const v2 = generateDataset({ count: 30, version: '2.0.0', changed: [1] });
    const prepared = await prepareImport(db, validated(JSON.stringify(v2)));
    // The stored entities are cleared and half the new buckets written when the failure strikes.
    let created = 0;
    const failHalfWay = () => {
      if (++created === 15) throw new Error('disk full (injected)');
    };
    db.entityBuckets.hook('creating', failHalfWay);
    await expect(applyPrepared(db, prepared, {})).rejects.toThrow('disk full');
    db.entityBuckets.hook('creating').unsubscribe(failHalfWay);
    expect(created).toBe(15);
    expect(await exportBoth(db)).toBe(before);
    expect(await loadSnapshot(db, DS)).toEqual(snapshot);
  });

  it('refuses a plan made from data that has changed since (an edit in between)', async () => {
    const db = await freshDb(v1);
    const prepared = await prepareImport(db, validated(JSON.stringify(generateDataset({ count: 12, version: '2.0.0' }))));
    await saveEntity(db, DS, withSummary(v1.entities[0]!, 'Made while the import was being reviewed.'), 'update');
    const before = await exportBoth(db);
    expect(await applyPrepared(db, prepared, {})).toMatchObject({ ok: false, reason: 'stale' });
    expect(await exportBoth(db)).toBe(before);
  });
});

describe('export and import', () => {
  it('round-trips the full dataset byte for byte', async () => {
    const db = await freshDb(v1);
    await saveEntity(db, DS, withSummary(v1.entities[0]!, 'Mine.'), 'update');
    await saveEntity(db, DS, generateEntity(50), 'create');
    await deleteEntity(db, DS, 'organization-5');
    const first = await exportData(db, DS, 'full');
    expect(first.filename).toBe('test-gazette-1.0.0.json');
    const other = await freshDb(generateDataset({ count: 3, id: 'another', version: '9.0.0' }));
    expect(await importText(other, first.text)).toMatchObject({ ok: true });
    expect((await exportData(other, DS, 'full')).text).toBe(first.text);
    // Importing it back where it came from absorbs the edits into the data: same bytes again.
    expect(await importText(db, first.text)).toMatchObject({ ok: true });
    expect((await exportData(db, DS, 'full')).text).toBe(first.text);
  });

  it('round-trips the local edits byte for byte', async () => {
    const db = await freshDb(v1);
    await saveEntity(db, DS, withSummary(v1.entities[0]!, 'Mine.'), 'update');
    await saveEntity(db, DS, generateEntity(50), 'create');
    await deleteEntity(db, DS, 'organization-5');
    const edits = await exportData(db, DS, 'edits');
    expect(JSON.parse(edits.text)).toMatchObject({
      format: 'backstory-edits',
      edits: [{ id: 'organization-5', deleted: true }, { id: 'person-0' }, { id: 'place-50' }],
    });

    const other = await freshDb(v1);
    const prepared = await prepareImport(other, validated(edits.text));
    expect(prepared.diff).toMatchObject({
      added: [{ id: 'place-50' }],
      changed: [{ id: 'person-0' }],
      removed: [{ id: 'organization-5' }],
    });
    expect(await applyPrepared(other, prepared, {})).toMatchObject({ ok: true });
    expect((await exportData(other, DS, 'edits')).text).toBe(edits.text);
    expect((await exportData(other, DS, 'full')).text).toBe((await exportData(db, DS, 'full')).text);
  });

  it('an edits file meeting a different local edit of the same entity is a conflict', async () => {
    const db = await freshDb(v1);
    await saveEntity(db, DS, withSummary(v1.entities[0]!, 'Theirs.'), 'update');
    const file = (await exportData(db, DS, 'edits')).text;
    const other = await freshDb(v1);
    await saveEntity(other, DS, withSummary(v1.entities[0]!, 'Mine.'), 'update');
    const prepared = await prepareImport(other, validated(file));
    expect(prepared.diff.conflicts.map((c) => c.id)).toEqual(['person-0']);
    expect(await applyPrepared(other, prepared, { 'person-0': 'theirs' })).toMatchObject({ ok: true });
    expect((await entitiesOf(other, ['person-0'])).entities[0]!.summary).toBe('Theirs.');
  });
});
