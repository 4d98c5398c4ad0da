import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { bucketOf } from '../../../lib/db/buckets';
import { detectEviction, ensureBundled, restoreBundled } from '../../../lib/db/bundled';
import { openDatabase } from '../../../lib/db/database';
import { saveEntity } from '../../../lib/db/entity-edits';
import { importText, prepareImport, targetOf, validateImport } from '../../../lib/db/import';
import { getLibrary, moveDataset, removeDataset, setDatasetEnabled } from '../../../lib/db/library';
import { getPageEntities, loadPageSnapshot, loadSearchSnapshot } from '../../../lib/db/pages';
import { loadSnapshot } from '../../../lib/db/snapshot-store';
import { readEdits } from '../../../lib/db/state';
import { compileSnapshot } from '../../../lib/match/snapshot';
import type { Dataset, Entity } from '../../../lib/schema/dataset';
import { generateDataset, generateEntity } from '../../fixtures/datasets/generate';
import { DS, entitiesOf, exportBoth, freshDb } from './setup';

const gazette = generateDataset({ count: 12 });
// Entities 100–102 (no events: those need the gazette's place 2), names of their own.
const courier = generateDataset({ count: 3, start: 100, id: 'test-courier', title: 'Test Courier' });

function validated(dataset: Dataset) {
  const result = validateImport(JSON.parse(JSON.stringify(dataset)));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** An entity of another dataset under another id, with the same name as `entity`. */
function twin(entity: Entity, id: string): Entity {
  return { ...generateEntity(104), id, name: entity.name, aliases: [{ text: entity.name }], summary: `Another ${entity.name}.` };
}

describe('upgrading a version-3 database (one dataset, its edits and its subscription) to the library', () => {
  it('keeps everything: entities, snapshot, edits, the subscription and its pending update', async () => {
    const name = `v3-${Date.now()}`;
    const old = new Dexie(name);
    old.version(3).stores({ buckets: '&key', meta: '&key', edits: '&id, editedAt', subscriptions: '&id, url', pending: '&subscriptionId' });
    const { entities, ...header } = gazette;
    const edited = { ...entities[0]!, summary: 'Edited before the upgrade.' };
    const effective = [edited, ...entities.slice(1)];
    const groups = new Map<number, Entity[]>();
    for (const entity of effective) groups.set(bucketOf(entity.id), [...(groups.get(bucketOf(entity.id)) ?? []), entity]);
    const byId = (a: Entity, b: Entity) => (a.id < b.id ? -1 : 1);
    await old.table('buckets').bulkAdd([...groups].map(([key, group]) => ({ key, json: JSON.stringify(group.sort(byId)) })));
    const snapshot = compileSnapshot('test-gazette@1.0.0#4', effective);
    const counts = { person: 3, organization: 3, place: 3, event: 3 };
    const meta = { ...header, origin: 'import', loadedAt: '2024-05-01T00:00:00.000Z', revision: 4, counts };
    await old.table('meta').bulkPut([
      { key: 'dataset', value: meta },
      { key: 'snapshot', json: JSON.stringify(snapshot) },
    ]);
    const edit = { id: edited.id, entity: edited, base: entities[0], editedAt: '2024-05-02T00:00:00.000Z' };
    await old.table('edits').add(edit);
    const sub = {
      id: 'sub-1',
      url: 'https://data.example/g.json',
      addedAt: '2024-05-01',
      status: 'updated',
      etag: '"e"',
      version: '1.0.0',
    };
    await old.table('subscriptions').add(sub);
    await old.table('pending').add({ subscriptionId: 'sub-1', text: '{}', receivedAt: '2024-05-03' });
    old.close();

    const db = openDatabase(name);
    try {
      const library = await getLibrary(db);
      expect(library.datasets).toHaveLength(1);
      expect(library.datasets[0]).toMatchObject({
        info: { id: DS, title: gazette.title, version: '1.0.0', source: 'url', enabled: true, order: 0, entityCount: 12, counts },
        edits: { changed: 1, added: 0, deleted: 0 },
        pendingUpdates: 1,
        subscriptionId: 'sub-1',
      });
      expect(await loadSnapshot(db, DS)).toEqual(snapshot);
      expect(
        (
          await entitiesOf(
            db,
            entities.map((e) => e.id),
          )
        ).entities,
      ).toEqual(effective);
      expect(await readEdits(db, DS)).toEqual([edit]);
      expect(await db.subscriptions.get('sub-1')).toEqual({ ...sub, datasetId: DS });
      expect(await db.pending.get('sub-1')).toMatchObject({ text: '{}' });
      expect(db.tables.map((t) => t.name)).not.toContain('buckets');
      // The user had replaced the bundled dataset: it comes back, switched off.
      expect(await ensureBundled(db, generateDataset({ count: 3, id: 'backstory-bundled' }))).toBe('loaded');
      expect((await getLibrary(db)).datasets.map((e) => [e.info.id, e.info.enabled])).toEqual([
        [DS, true],
        ['backstory-bundled', false],
      ]);
      // Still editable after the upgrade, on top of the migrated edit layer.
      expect(await saveEntity(db, DS, { ...entities[1]!, summary: 'After.' }, 'update')).toMatchObject({ ok: true });
    } finally {
      await db.delete();
    }
  });
});

describe('the library', () => {
  it('adds a dataset with a new id, and updates the one with a known id (the dry run against it)', async () => {
    const db = await freshDb(gazette);
    const adding = await prepareImport(db, validated(courier));
    expect(targetOf(adding)).toEqual({ id: 'test-courier', title: 'Test Courier', isNew: true });
    expect(adding.diff.added).toHaveLength(3);
    expect(await importText(db, JSON.stringify(courier))).toMatchObject({ ok: true });

    const next = generateDataset({ count: 13, version: '1.1.0', changed: [0] });
    const updating = await prepareImport(db, validated(next));
    expect(targetOf(updating)).toEqual({ id: DS, title: gazette.title, isNew: false });
    expect(updating.diff).toMatchObject({ added: [{ id: expect.any(String) }], changed: [{ id: gazette.entities[0]!.id }] });
    expect(await importText(db, JSON.stringify(next))).toMatchObject({ ok: true });
    const library = await getLibrary(db);
    expect(library.datasets.map((e) => [e.info.id, e.info.version, e.info.entityCount])).toEqual([
      [DS, '1.1.0', 13],
      ['test-courier', '1.0.0', 3],
    ]);
  });

  it('removes a dataset with its edits; the other is untouched', async () => {
    const db = await freshDb(gazette);
    await importText(db, JSON.stringify(courier));
    await saveEntity(db, 'test-courier', { ...courier.entities[0]!, summary: 'Mine.' }, 'update');
    const before = await exportBoth(db);
    await removeDataset(db, 'test-courier');
    expect((await getLibrary(db)).datasets.map((e) => e.info.id)).toEqual([DS]);
    expect(await readEdits(db, 'test-courier')).toEqual([]);
    expect(await db.entityBuckets.where('dataset').equals('test-courier').count()).toBe(0);
    expect(await exportBoth(db)).toBe(before);
  });

  it('lets the bundled dataset be removed and restored, and does not load it again at start once removed', async () => {
    const db = await freshDb();
    const bundled = generateDataset({ count: 5, id: 'backstory-bundled', title: 'Bundled' });
    expect(await ensureBundled(db, bundled)).toBe('loaded');
    await removeDataset(db, 'backstory-bundled');
    expect(await getLibrary(db)).toMatchObject({ datasets: [], bundledRemoved: true });
    expect(await ensureBundled(db, bundled)).toBe('removed');
    await restoreBundled(db, bundled);
    expect(await getLibrary(db)).toMatchObject({ datasets: [{ info: { id: 'backstory-bundled', enabled: true } }], bundledRemoved: false });
  });
});

describe('what pages see: every enabled dataset, ids scoped', () => {
  async function twoDatasets() {
    const db = await freshDb(gazette);
    const shared = gazette.entities[0]!;
    const other: Dataset = { ...courier, entities: [...courier.entities, twin(shared, 'the-twin')] };
    expect(await importText(db, JSON.stringify(other))).toMatchObject({ ok: true });
    return { db, shared };
  }

  it('joins the datasets, and a shared alias marks the entity of the dataset higher in the order', async () => {
    const { db, shared } = await twoDatasets();
    const snapshot = await loadPageSnapshot(db);
    expect(snapshot.entities).toHaveLength(12 + 4);
    const key = compileSnapshot('x', [shared]).aliases[0]![0];
    const owners = snapshot.aliases.filter(([k]) => k === key).map(([, i]) => snapshot.entities[i]!.id);
    expect(owners).toEqual([`${DS}/${shared.id}`]);
    // Search still finds both.
    const search = await loadSearchSnapshot(db);
    expect(search.aliases.filter(([k]) => k === key).map(([, i]) => search.entities[i]!.id)).toEqual([
      `${DS}/${shared.id}`,
      'test-courier/the-twin',
    ]);
    // Each names the other, with its dataset.
    const bundle = await getPageEntities(db, [`${DS}/${shared.id}`, 'test-courier/the-twin']);
    expect(bundle.entities.map((e) => [e.id, e.also])).toEqual([
      [`${DS}/${shared.id}`, [{ id: 'test-courier/the-twin', name: shared.name, dataset: 'Test Courier' }]],
      ['test-courier/the-twin', [{ id: `${DS}/${shared.id}`, name: shared.name, dataset: gazette.title }]],
    ]);

    // Moving the second dataset up gives it the alias.
    await moveDataset(db, 'test-courier', 'up');
    const moved = await loadPageSnapshot(db);
    expect(moved.aliases.filter(([k]) => k === key).map(([, i]) => moved.entities[i]!.id)).toEqual(['test-courier/the-twin']);
  });

  it('leaves a switched-off dataset out of the snapshot and of the entities, and brings it back when on', async () => {
    const { db } = await twoDatasets();
    const before = (await loadPageSnapshot(db)).version;
    await setDatasetEnabled(db, 'test-courier', false);
    const off = await loadPageSnapshot(db);
    expect(off.version).not.toBe(before);
    expect(off.entities.every((e) => e.id.startsWith(`${DS}/`))).toBe(true);
    expect((await getPageEntities(db, ['test-courier/the-twin'])).entities).toEqual([]);
    await setDatasetEnabled(db, 'test-courier', true);
    expect((await getPageEntities(db, ['test-courier/the-twin'])).entities).toHaveLength(1);
  });
});

describe('ids that name what every object has', () => {
  it('"constructor" as a dataset id and an entity id behaves as any other id: import, edit, conflicts, pages', async () => {
    const rename = (dataset: Dataset): Dataset => ({
      ...dataset,
      id: 'constructor',
      entities: dataset.entities.map((entity) => (entity.id === 'person-0' ? { ...entity, id: 'constructor' } : entity)),
    });
    const db = await freshDb(rename(generateDataset({ count: 8 })));
    const entity = (await entitiesOf(db, ['constructor'], 'constructor')).entities[0]!;
    expect(await saveEntity(db, 'constructor', { ...entity, summary: 'Mine.' }, 'update')).toMatchObject({ ok: true });

    const next = rename(generateDataset({ count: 8, version: '1.1.0', changed: [0] }));
    const prepared = await prepareImport(db, validated(next));
    expect(prepared.diff.conflicts.map((c) => c.id)).toEqual(['constructor']);
    // No choice made: the conflict is unresolved (not mistaken for Object.prototype.constructor).
    expect(await importText(db, JSON.stringify(next))).toMatchObject({ ok: false, reason: 'unresolved', ids: ['constructor'] });
    expect(await importText(db, JSON.stringify(next), { constructor: 'mine' as const })).toMatchObject({ ok: true, editsKept: 1 });

    const library = await getLibrary(db);
    expect(library.datasets.map((e) => [e.info.id, e.edits.changed])).toEqual([['constructor', 1]]);
    const bundle = await getPageEntities(db, ['constructor/constructor', 'constructor/__proto__', 'constructor/tostring']);
    expect(bundle.entities.map((e) => [e.id, e.summary])).toEqual([['constructor/constructor', 'Mine.']]);
  });
});

describe('a database the browser cleared', () => {
  const remembered = [
    { id: DS, title: 'Test Gazette dataset' },
    { id: 'backstory-bundled', title: 'Bundled' },
  ];

  it('is noticed: the datasets remembered outside it were lost, and the bundled one comes back', async () => {
    const db = await freshDb();
    expect(await detectEviction(db, remembered)).toEqual(remembered);
    expect(await ensureBundled(db, generateDataset({ count: 3, id: 'backstory-bundled' }))).toBe('loaded');
    expect(await detectEviction(db, remembered)).toEqual([]);
  });

  it('is not confused with a first start, or with a library the user emptied', async () => {
    expect(await detectEviction(await freshDb(), [])).toEqual([]);
    const db = await freshDb();
    await ensureBundled(db, generateDataset({ count: 3, id: 'backstory-bundled' }));
    await removeDataset(db, 'backstory-bundled');
    expect(await detectEviction(db, remembered)).toEqual([]);
  });
});
