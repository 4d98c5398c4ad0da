import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { bucketOf, BUCKETS, readAllEntities, readEntities, toBuckets } from '../../../lib/db/buckets';
import { Catalog } from '../../../lib/db/catalog';
import { openDatabase } from '../../../lib/db/database';
import { deleteEntity, revertEntity, saveEntity } from '../../../lib/db/entity-edits';
import { importText } from '../../../lib/db/import';
import * as repo from '../../../lib/db/repository';
import { loadSnapshot } from '../../../lib/db/snapshot-store';
import { compileSnapshot } from '../../../lib/match/snapshot';
import { generateDataset, generateEntity } from '../../fixtures/datasets/generate';
import { freshDb, DS, entitiesOf } from './setup';

const v1 = generateDataset({ count: 40 });

describe('entity buckets', () => {
  it('puts every id in a stable bucket and reads entities back by id', async () => {
    expect(bucketOf('person-0')).toBe(bucketOf('person-0'));
    expect(new Set(v1.entities.map((e) => bucketOf(e.id))).size).toBeGreaterThan(30);
    for (const entity of v1.entities) expect(bucketOf(entity.id)).toBeLessThan(BUCKETS);
    const db = await freshDb(v1);
    const found = await readEntities(db, DS, ['person-0', 'event-39', 'nobody']);
    expect([...found.keys()].sort()).toEqual(['event-39', 'person-0']);
    expect((await readAllEntities(db, DS)).length).toBe(40);
  });

  it('writes a bucket as sorted JSON, so the same entities give the same rows', () => {
    expect(toBuckets(DS, [...v1.entities].reverse())).toEqual(toBuckets(DS, v1.entities));
  });
});

describe('the catalog (lists and search)', () => {
  const catalog = new Catalog(compileSnapshot('v', v1.entities));

  it('pages in name order', () => {
    const names = catalog.page(0, 40).map((e) => e.nameKey);
    expect(names).toEqual([...names].sort());
    expect(catalog.page(38, 10)).toHaveLength(2);
  });

  it.each([
    ['an exact name first', 'Lo Union', 'organization-1'],
    ['a name prefix', 'lon', 'organization-13'],
    ['a later word', 'vexra', 'person-0'],
    ['an alias', 'lo1', 'organization-1'],
  ])('finds %s', (_label, query, id) => {
    expect(catalog.search(query).map((m) => m.entry.id)).toContain(id);
  });

  it('ranks the exact name above prefixes and inner words', () => {
    expect(catalog.search('Lo Union')[0]?.entry.id).toBe('organization-1');
  });
});

describe('the snapshot version', () => {
  it('changes with every import, edit, deletion, revert and reset', async () => {
    const db = await freshDb(v1);
    const seen = new Set([(await loadSnapshot(db, DS)).version]);
    const step = async (label: string, work: () => Promise<unknown>) => {
      await work();
      const version = (await loadSnapshot(db, DS)).version;
      expect(seen.has(version), label).toBe(false);
      seen.add(version);
    };
    await step('edit', () => saveEntity(db, DS, { ...v1.entities[0]!, summary: 'Changed.' }, 'update'));
    await step('add', () => saveEntity(db, DS, generateEntity(90), 'create'));
    await step('delete', () => deleteEntity(db, DS, 'organization-5'));
    await step('revert', () => revertEntity(db, DS, 'organization-5'));
    await step('import', () => importText(db, JSON.stringify(generateDataset({ count: 40, version: '1.0.1' }))));
    await step('reset', () => repo.replaceDataset(db, v1, 'bundled'));
    expect(seen.size).toBe(7);
    expect([...seen].at(-1)).toMatch(/^test-gazette@1\.0\.0#\d+$/);
  });
});

describe('upgrading a version-1 database', () => {
  it('moves the entity rows and the snapshot into the new storage, and keeps them readable', async () => {
    const name = `v1-${Date.now()}`;
    const old = new Dexie(name);
    old.version(1).stores({ entities: '&id, kind, nameKey, *searchKeys', meta: '&key' });
    const snapshot = compileSnapshot('test-gazette@1.0.0', v1.entities);
    const { entities, ...header } = v1;
    await old
      .table('entities')
      .bulkAdd(
        entities.map((entity) => ({ id: entity.id, kind: entity.kind, nameKey: entity.name.toLowerCase(), searchKeys: [], entity })),
      );
    await old.table('meta').bulkPut([
      { key: 'dataset', value: { ...header, origin: 'import', loadedAt: '2024-05-01T00:00:00.000Z' } },
      { key: 'snapshot', value: snapshot },
    ]);
    old.close();

    const db = openDatabase(name);
    try {
      expect(await loadSnapshot(db, DS)).toEqual(snapshot);
      expect((await entitiesOf(db, ['person-0'])).entities[0]).toEqual(v1.entities[0]);
      expect(await repo.readDatasetInfo(db, DS)).toMatchObject({ entityCount: 40, counts: { person: 10 } });
      expect(db.tables.map((t) => t.name)).not.toContain('entities');
      expect(await saveEntity(db, DS, { ...v1.entities[0]!, summary: 'Edited after the upgrade.' }, 'update')).toMatchObject({ ok: true });
    } finally {
      await db.delete();
    }
  });
});
