import type { Transaction } from 'dexie';
import type { MatcherSnapshot } from '../match/snapshot';
import { zeroPerKind } from '../schema/kinds';
import { bucketOf } from './buckets';
import { BUNDLED_DATASET_ID, type BackstoryDB, type DatasetRow, type EntityRowV1, type MetaRowV3 } from './tables';

/**
 * The database's schema versions, oldest first. Versions are only ever appended: Dexie upgrades an
 * older database step by step, running each version's upgrade in the same transaction.
 */
export function declareVersions(db: BackstoryDB): void {
  db.version(1).stores({
    entities: '&id, kind, nameKey, *searchKeys',
    meta: '&key',
  });
  // Version 2: entities as JSON buckets, the snapshot as JSON, the user's edit layer, dataset
  // subscriptions and updates waiting for review.
  db.version(2)
    .stores({
      buckets: '&key',
      edits: '&id, editedAt',
      subscriptions: '&id, url',
      pending: '&subscriptionId',
    })
    .upgrade(migrateFromV1);
  // Version 3: the version-1 entity rows are gone (moved to buckets by the upgrade above).
  db.version(3).stores({ entities: null });
  // Version 4: a library of datasets. Buckets, edits and snapshots are keyed by dataset (new tables:
  // IndexedDB cannot change a table's primary key), subscriptions say which dataset they feed.
  db.version(4)
    .stores({
      datasets: '&id, order',
      entityBuckets: '&[dataset+key], dataset',
      entityEdits: '&[dataset+id], dataset',
      snapshots: '&dataset',
      markers: '&key',
      subscriptions: '&id, url, datasetId',
    })
    .upgrade(migrateToLibrary);
  // Version 5: the one-dataset tables are gone (moved into the library by the upgrade above).
  db.version(5).stores({ buckets: null, meta: null, edits: null });
  // Version 6: the reader's corrections of marks, beside the edits in the user layer, and the
  // matcher of the enabled data in its compact form (see matcher-store.ts). Nothing else changes:
  // both tables start empty (the matcher's is filled on the next page).
  db.version(6).stores({ corrections: '&id, entity', matchers: '&id' });
  // Version 7: which entities of other datasets share an alias with an entity, derived data like
  // the matcher (see shared-aliases.ts); the table starts empty and is filled when next needed.
  db.version(7).stores({ sharedAliases: '&id' });
}

async function migrateFromV1(tx: Transaction): Promise<void> {
  const rows = (await tx.table('entities').toArray()) as EntityRowV1[];
  const groups = new Map<number, EntityRowV1['entity'][]>();
  for (const { entity } of rows) groups.set(bucketOf(entity.id), [...(groups.get(bucketOf(entity.id)) ?? []), entity]);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  await tx.table('buckets').bulkPut([...groups].map(([key, group]) => ({ key, json: JSON.stringify(group.sort(byId)) })));
  const snapshot = (await tx.table('meta').get('snapshot')) as { key: 'snapshot'; value?: unknown } | undefined;
  if (snapshot?.value) await tx.table('meta').put({ key: 'snapshot', json: JSON.stringify(snapshot.value) });
}

/**
 * The one dataset of versions 2–3 becomes the first of the library, with its edits, its snapshot and
 * its subscription. A dataset the user imported in place of the bundled one keeps its place; the
 * bundled dataset then comes back switched off (the user had chosen not to see it).
 */
function countsOf(json: string | undefined): DatasetRow['counts'] | undefined {
  if (json === undefined) return undefined;
  const counts = zeroPerKind();
  for (const entity of (JSON.parse(json) as MatcherSnapshot).entities) counts[entity.kind]++;
  return counts;
}

async function migrateToLibrary(tx: Transaction): Promise<void> {
  const header = ((await tx.table('meta').get('dataset')) as MetaRowV3 | undefined)?.value;
  if (!header) return;
  const { origin, ...meta } = header;
  const dataset = meta.id;
  const subscriptions = (await tx.table('subscriptions').toArray()) as Array<{ id: string }>;
  const source = origin === 'bundled' ? 'bundled' : subscriptions.length ? 'url' : 'file';
  const snapshot = (await tx.table('meta').get('snapshot')) as MetaRowV3 | undefined;
  // A header of version 2 may lack the counts per kind: they are counted once from the snapshot.
  const counts = meta.counts ?? countsOf(snapshot?.json);
  const row: DatasetRow = { ...meta, ...(counts ? { counts } : {}), source, enabled: true, order: 0 };
  await tx.table('datasets').add(row);
  const buckets = (await tx.table('buckets').toArray()) as Array<{ key: number; json: string }>;
  await tx.table('entityBuckets').bulkAdd(buckets.map(({ key, json }) => ({ dataset, key, json })));
  if (snapshot?.json !== undefined) await tx.table('snapshots').add({ dataset, json: snapshot.json });
  const edits = (await tx.table('edits').toArray()) as object[];
  await tx.table('entityEdits').bulkAdd(edits.map((edit) => ({ ...edit, dataset })));
  for (const sub of subscriptions) await tx.table('subscriptions').put({ ...sub, datasetId: dataset });
  await tx.table('markers').put({ key: 'everLoaded', value: meta.loadedAt });
  if (dataset !== BUNDLED_DATASET_ID) await tx.table('markers').put({ key: 'bundled', value: 'off' });
}
