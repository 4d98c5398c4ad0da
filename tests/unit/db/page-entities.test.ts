import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import { saveEntity } from '../../../lib/db/entity-edits';
import { importText } from '../../../lib/db/import';
import { setDatasetEnabled } from '../../../lib/db/library';
import { getPageEntities, loadPageSnapshot } from '../../../lib/db/pages';
import type { BackstoryDB } from '../../../lib/db/tables';
import type { Dataset, Entity } from '../../../lib/schema/dataset';
import { generateDataset, generateEntity } from '../../fixtures/datasets/generate';
import { DS, freshDb } from './setup';

/**
 * A page's cards come from the entities asked for (their buckets), the names of what they refer to,
 * and the entities of other datasets sharing an alias with them. A woken background reads the last
 * from its stored row instead of joining every snapshot; the bundle is the same either way.
 */
const gazette: Dataset = (() => {
  const dataset = generateDataset({ count: 24 });
  // Organisation 1 belongs to organisation 5: a reference to name on its card.
  dataset.entities = dataset.entities.map((entity) =>
    entity.id === 'organization-1' && entity.kind === 'organization' ? { ...entity, parent: 'organization-5' } : entity,
  );
  return dataset;
})();

/** Another dataset whose entity has the name (and so the alias) of one of the gazette's. */
function courier(shared: Entity): Dataset {
  const twin: Entity = { ...generateEntity(104), id: 'the-twin', name: shared.name, aliases: [{ text: shared.name }], summary: 'A twin.' };
  const base = generateDataset({ count: 3, start: 100, id: 'test-courier', title: 'Test Courier' });
  return { ...base, entities: [...base.entities, twin] };
}

const ASKED = [
  `${DS}/person-0`,
  `${DS}/organization-1`,
  `${DS}/event-3`,
  `${DS}/event-7`,
  'test-courier/the-twin',
  'test-courier/person-100',
  `${DS}/no-such-entity`,
  'no-such-dataset/person-0',
  'person-0',
  `${DS}/person-0`,
];

const woken: BackstoryDB[] = [];
afterEach(() => {
  for (const db of woken.splice(0)) db.close();
});

/** The same database as a woken background sees it: a new connection, nothing in memory. */
function wake(db: BackstoryDB): BackstoryDB {
  const connection = openDatabase(db.name);
  woken.push(connection);
  return connection;
}

async function library(): Promise<BackstoryDB> {
  const db = await freshDb(gazette);
  expect(await importText(db, JSON.stringify(courier(gazette.entities[0]!)))).toMatchObject({ ok: true });
  return db;
}

describe('the entities of a page', () => {
  it('are the same whether the snapshots are joined in memory, the shared aliases are read back, or found again', async () => {
    const db = await library();
    // Awake: the snapshots were joined for the matcher.
    const snapshot = await loadPageSnapshot(db);
    const joined = await getPageEntities(db, ASKED);

    // What the bundle must hold, read from the joined snapshot.
    expect(joined.entities.map((entity) => entity.id)).toEqual([
      `${DS}/person-0`,
      `${DS}/organization-1`,
      `${DS}/event-3`,
      `${DS}/event-7`,
      'test-courier/the-twin',
      'test-courier/person-100',
    ]);
    expect(joined.entities[0]!.also).toEqual([{ id: 'test-courier/the-twin', name: gazette.entities[0]!.name, dataset: 'Test Courier' }]);
    expect(joined.entities[4]!.also).toEqual([{ id: `${DS}/person-0`, name: gazette.entities[0]!.name, dataset: gazette.title }]);
    const byId = new Map(snapshot.entities.map((entity) => [entity.id, entity]));
    expect(joined.refs).toEqual(
      [`${DS}/organization-5`, `${DS}/place-2`].map((id) => ({ id, name: byId.get(id)!.name, kind: byId.get(id)!.kind })),
    );
    expect(joined.sources.map((source) => source.id)).toEqual([`${DS}/gazette-2024-05-01`, 'test-courier/gazette-2024-05-01']);

    // Woken: the shared aliases come from their stored row; no snapshot is needed any more.
    const snapshots = await db.snapshots.toArray();
    await db.snapshots.clear();
    expect(await getPageEntities(wake(db), ASKED)).toEqual(joined);

    // Woken without the row (an older database, say): the snapshots are joined again, and the row stored.
    await db.snapshots.bulkPut(snapshots);
    await db.sharedAliases.clear();
    expect(await getPageEntities(wake(db), ASKED)).toEqual(joined);
    expect(await db.sharedAliases.count()).toBe(1);
  });

  it('do not take a stored row of other data, or one that cannot be read', async () => {
    const db = await library();
    await loadPageSnapshot(db);
    const before = await getPageEntities(db, ASKED);
    const old = (await db.sharedAliases.get('page'))!;

    // The twin is renamed: no alias is shared any more, and the row of the data before does not fit.
    const twin = (await getPageEntities(db, ['test-courier/the-twin'])).entities[0]!;
    const renamed = {
      ...generateEntity(104),
      id: 'the-twin',
      name: 'Someone Else',
      aliases: [{ text: 'Someone Else' }],
      summary: twin.summary,
    };
    await saveEntity(db, 'test-courier', renamed, 'update');
    const awake = await getPageEntities(db, ASKED);
    expect(awake.entities.some((entity) => entity.also)).toBe(false);
    await db.sharedAliases.put(old);
    expect(await getPageEntities(wake(db), ASKED)).toEqual(awake);

    // A row of this data that cannot be read is found again.
    const current = (await db.sharedAliases.get('page'))!;
    expect(current.key).not.toBe(old.key);
    for (const json of ['not json', '[["x", [[1, 2]]]]', '[["x", [["elsewhere/y", "Y"]]]]']) {
      await db.sharedAliases.put({ ...current, json });
      expect(await getPageEntities(wake(db), ASKED)).toEqual(awake);
    }
    expect(before.entities[0]!.also).toHaveLength(1);
  });

  it('need no shared aliases with one dataset on', async () => {
    const db = await library();
    await setDatasetEnabled(db, 'test-courier', false);
    await db.snapshots.clear();
    const bundle = await getPageEntities(wake(db), ASKED);
    expect(bundle.entities.map((entity) => [entity.id, entity.also])).toEqual([
      [`${DS}/person-0`, undefined],
      [`${DS}/organization-1`, undefined],
      [`${DS}/event-3`, undefined],
      [`${DS}/event-7`, undefined],
    ]);
    expect(await db.sharedAliases.count()).toBe(0);
  });
});
