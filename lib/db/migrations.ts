import type { Transaction } from 'dexie';
import { toBuckets } from './buckets';
import type { BackstoryDB, EntityRowV1 } from './tables';

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
}

async function migrateFromV1(tx: Transaction): Promise<void> {
  const rows = (await tx.table('entities').toArray()) as EntityRowV1[];
  await tx.table('buckets').bulkPut(toBuckets(rows.map((row) => row.entity)));
  const snapshot = (await tx.table('meta').get('snapshot')) as { key: 'snapshot'; value?: unknown } | undefined;
  if (snapshot?.value) await tx.table('meta').put({ key: 'snapshot', json: JSON.stringify(snapshot.value) });
}
