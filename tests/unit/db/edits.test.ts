import { describe, expect, it } from 'vitest';
import { browseEntities, getEntityDetail } from '../../../lib/db/browse';
import { deleteEntity, revertEntity, saveEntity } from '../../../lib/db/entity-edits';
import { importText } from '../../../lib/db/import';
import * as repo from '../../../lib/db/repository';
import { loadSnapshot } from '../../../lib/db/snapshot-store';
import type { Entity } from '../../../lib/schema/dataset';
import { generateDataset, generateEntity } from '../../fixtures/datasets/generate';
import { freshDb, DS, entitiesOf } from './setup';

const v1 = generateDataset({ count: 12 });
const withSummary = (entity: Entity, summary: string): Entity => ({ ...entity, summary });

describe('the edit layer', () => {
  it('edits an entity: readers see the new version, marked as edited, and the snapshot version changes', async () => {
    const db = await freshDb(v1);
    const before = (await loadSnapshot(db, DS)).version;
    const result = await saveEntity(db, DS, withSummary(v1.entities[0]!, 'A corrected summary.'), 'update');
    expect(result).toMatchObject({ ok: true });
    expect((await entitiesOf(db, ['person-0'])).entities[0]!.summary).toBe('A corrected summary.');
    expect((await loadSnapshot(db, DS)).version).not.toBe(before);
    const page = await browseEntities(db, { dataset: DS, query: '', filter: 'edited', offset: 0, limit: 10 });
    expect(page.items).toEqual([expect.objectContaining({ id: 'person-0', edit: 'changed' })]);
  });

  it('renames an entity: search and the matcher snapshot find the new name', async () => {
    const db = await freshDb(v1);
    const renamed = { ...v1.entities[0]!, name: 'Zephyrine Okonkwo', aliases: [{ text: 'Zephyrine Okonkwo' }] };
    expect(await saveEntity(db, DS, renamed, 'update')).toMatchObject({ ok: true });
    const hits = await browseEntities(db, { dataset: DS, query: 'zephyr', filter: 'all', offset: 0, limit: 10 });
    expect(hits.items.map((item) => item.id)).toEqual(['person-0']);
    expect((await loadSnapshot(db, DS)).aliases.some(([key]) => key === 'zephyrine okonkwo')).toBe(true);
  });

  it('adds an entity, and deleting it leaves no edit behind', async () => {
    const db = await freshDb(v1);
    const added = generateEntity(40);
    expect(await saveEntity(db, DS, added, 'create')).toMatchObject({ ok: true });
    expect((await repo.readDatasetInfo(db, DS)).entityCount).toBe(13);
    expect((await getEntityDetail(db, DS, added.id)).edit?.status).toBe('added');
    expect(await deleteEntity(db, DS, added.id)).toMatchObject({ ok: true });
    expect((await repo.readDatasetInfo(db, DS)).entityCount).toBe(12);
    expect((await browseEntities(db, { dataset: DS, query: '', filter: 'edited', offset: 0, limit: 10 })).total).toBe(0);
  });

  it('deletes an imported entity and reverts the deletion', async () => {
    const db = await freshDb(v1);
    expect(await deleteEntity(db, DS, 'organization-1')).toMatchObject({ ok: true });
    expect((await entitiesOf(db, ['organization-1'])).entities).toEqual([]);
    expect((await getEntityDetail(db, DS, 'organization-1')).edit?.status).toBe('deleted');
    expect(await revertEntity(db, DS, 'organization-1')).toMatchObject({ ok: true });
    expect((await entitiesOf(db, ['organization-1'])).entities[0]).toEqual(v1.entities[1]);
  });

  it('reverts an edit to the imported version', async () => {
    const db = await freshDb(v1);
    await saveEntity(db, DS, withSummary(v1.entities[0]!, 'Mine.'), 'update');
    expect(await revertEntity(db, DS, 'person-0')).toMatchObject({ ok: true });
    expect((await entitiesOf(db, ['person-0'])).entities[0]).toEqual(v1.entities[0]);
    expect((await getEntityDetail(db, DS, 'person-0')).edit).toBeNull();
  });

  it('saving the imported version again is not an edit', async () => {
    const db = await freshDb(v1);
    await saveEntity(db, DS, withSummary(v1.entities[0]!, 'Mine.'), 'update');
    await saveEntity(db, DS, v1.entities[0]!, 'update');
    expect((await getEntityDetail(db, DS, 'person-0')).edit).toBeNull();
  });

  it.each([
    ['an invalid entity', () => withSummary(v1.entities[0]!, '<b>bold</b>'), 'update', '$.summary'],
    ['a reference to an unknown entity', () => ({ ...v1.entities[3]!, place: 'nowhere' }), 'update', '$.place'],
    [
      'an alias another entity has',
      () => ({ ...v1.entities[0]!, aliases: [{ text: v1.entities[1]!.name }] }),
      'update',
      '$.aliases[0].text',
    ],
    ['a new entity with an existing id', () => v1.entities[0]!, 'create', '$.id'],
  ] as const)('refuses %s, with the path, and changes nothing', async (_label, make, mode, path) => {
    const db = await freshDb(v1);
    const version = (await loadSnapshot(db, DS)).version;
    const result = await saveEntity(db, DS, make(), mode);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.path)).toContain(path);
    expect((await loadSnapshot(db, DS)).version).toBe(version);
    expect((await entitiesOf(db, [v1.entities[0]!.id])).entities[0]).toEqual(v1.entities[0]);
  });

  it('refuses to delete an entity others refer to, naming them', async () => {
    const db = await freshDb(v1);
    const result = await deleteEntity(db, DS, 'place-2');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entityId: 'event-3', path: '$.place', message: expect.stringContaining('place-2') }),
      ]),
    );
  });

  it('keeps an edit when a new version of the dataset does not touch the entity', async () => {
    const db = await freshDb(v1);
    await saveEntity(db, DS, withSummary(v1.entities[0]!, 'Mine.'), 'update');
    const v2 = generateDataset({ count: 14, version: '1.1.0', changed: [1] });
    expect(await importText(db, JSON.stringify(v2))).toMatchObject({ ok: true, editsKept: 1 });
    const entities = (await entitiesOf(db, ['person-0', 'organization-1'])).entities;
    expect(entities.map((x) => x.summary)).toEqual(['Mine.', v2.entities[1]!.summary]);
    expect((await getEntityDetail(db, DS, 'person-0')).edit?.status).toBe('changed');
  });

  it('reverting after an update gives the new imported version', async () => {
    const db = await freshDb(v1);
    await saveEntity(db, DS, withSummary(v1.entities[0]!, 'Mine.'), 'update');
    const v2 = generateDataset({ count: 12, version: '1.1.0', changed: [0] });
    expect(await importText(db, JSON.stringify(v2), { 'person-0': 'mine' })).toMatchObject({ ok: true });
    await revertEntity(db, DS, 'person-0');
    expect((await entitiesOf(db, ['person-0'])).entities[0]).toEqual(v2.entities[0]);
  });
});

describe('an edit from a stale options tab', () => {
  it('is refused when the entity changed since the form was loaded, and never written over the newer edit', async () => {
    const db = await freshDb(generateDataset({ count: 8 }));
    const loaded = await getEntityDetail(db, DS, 'person-0');
    // Another tab saves first.
    const other = await getEntityDetail(db, DS, 'person-0');
    expect(await saveEntity(db, DS, { ...other.entity!, summary: 'From the other tab.' }, 'update', other.stamp)).toMatchObject({
      ok: true,
    });
    // The first tab, still showing the old version, saves now.
    const stale = await saveEntity(db, DS, { ...loaded.entity!, summary: 'From the stale tab.' }, 'update', loaded.stamp);
    expect(stale).toMatchObject({ ok: false, stale: true, problems: [{ message: expect.stringContaining('changed elsewhere') }] });
    expect(await deleteEntity(db, DS, 'person-0', loaded.stamp)).toMatchObject({ ok: false, stale: true });
    expect((await entitiesOf(db, ['person-0'])).entities[0]!.summary).toBe('From the other tab.');
    // With the stamp of what it now shows, the change goes through.
    const fresh = await getEntityDetail(db, DS, 'person-0');
    expect(await saveEntity(db, DS, { ...fresh.entity!, summary: 'Third.' }, 'update', fresh.stamp)).toMatchObject({ ok: true });
  });
});
