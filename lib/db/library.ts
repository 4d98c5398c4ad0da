import { editStatus, type EditStatus } from '../dataset/edits';
import { infoFrom, type DatasetInfo } from './commit';
import { datasetCorrections } from './corrections';
import { BUNDLED_DATASET_ID, type BackstoryDB, type DatasetRow } from './tables';
import { requireMeta } from './state';

/**
 * The library of datasets: listed in their order (priority), switched on and off, moved up and down,
 * removed. Removing the bundled dataset is remembered, so it is not loaded again at the next start;
 * `restoreBundled` (see `bundled.ts`) brings it back.
 */
export interface LibraryEntry {
  info: DatasetInfo;
  edits: Record<EditStatus, number>;
  /** Subscription updates of this dataset held for the user's review. */
  pendingUpdates: number;
  /** The subscription feeding it, if any. */
  subscriptionId?: string;
  /** The reader's corrections of marks of its entities (removed with it). */
  corrections: number;
}

export interface Library {
  datasets: LibraryEntry[];
  /** The bundled dataset was removed and can be restored. */
  bundledRemoved: boolean;
}

export async function listDatasets(db: BackstoryDB): Promise<DatasetRow[]> {
  return db.datasets.orderBy('order').toArray();
}

export async function enabledDatasets(db: BackstoryDB): Promise<DatasetRow[]> {
  return (await listDatasets(db)).filter((row) => row.enabled);
}

export async function getLibrary(db: BackstoryDB): Promise<Library> {
  return db.transaction('r', [db.datasets, db.entityEdits, db.corrections, db.subscriptions, db.pending, db.markers], async () => {
    const rows = await listDatasets(db);
    const edits = await db.entityEdits.toArray();
    const subscriptions = await db.subscriptions.toArray();
    const pending = new Set((await db.pending.toArray()).map((row) => row.subscriptionId));
    const corrections = new Map<string, number>();
    for (const row of rows) corrections.set(row.id, await datasetCorrections(db, row.id).count());
    const datasets = rows.map((row): LibraryEntry => {
      const counts: Record<EditStatus, number> = { changed: 0, added: 0, deleted: 0 };
      for (const edit of edits) if (edit.dataset === row.id) counts[editStatus(edit)]++;
      const feeding = subscriptions.filter((sub) => sub.datasetId === row.id);
      return {
        info: infoFrom(row),
        edits: counts,
        pendingUpdates: feeding.filter((sub) => pending.has(sub.id)).length,
        corrections: corrections.get(row.id) ?? 0,
        ...(feeding[0] ? { subscriptionId: feeding[0].id } : {}),
      };
    });
    const marker = await db.markers.get('bundled');
    const bundledRemoved = marker?.value === 'removed' && !rows.some((row) => row.id === BUNDLED_DATASET_ID);
    return { datasets, bundledRemoved };
  });
}

export async function setDatasetEnabled(db: BackstoryDB, dataset: string, enabled: boolean): Promise<DatasetInfo> {
  return db.transaction('rw', db.datasets, async () => {
    const row = await requireMeta(db, dataset);
    const next = { ...row, enabled };
    await db.datasets.put(next);
    return infoFrom(next);
  });
}

/** Moves a dataset one place up (higher priority) or down; at either end it stays where it is. */
export async function moveDataset(db: BackstoryDB, dataset: string, direction: 'up' | 'down'): Promise<void> {
  await db.transaction('rw', db.datasets, async () => {
    const rows = await listDatasets(db);
    const at = rows.findIndex((row) => row.id === dataset);
    if (at < 0) await requireMeta(db, dataset);
    const other = direction === 'up' ? at - 1 : at + 1;
    if (other < 0 || other >= rows.length) return;
    [rows[at], rows[other]] = [rows[other]!, rows[at]!];
    // Renumbered 0..n-1, so orders stay distinct whatever happened before.
    await db.datasets.bulkPut(rows.map((row, order) => ({ ...row, order })));
  });
}

/** Removes a dataset with its edits, the corrections of its entities, snapshot and subscriptions, in one transaction. */
export async function removeDataset(db: BackstoryDB, dataset: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.datasets, db.entityBuckets, db.entityEdits, db.corrections, db.snapshots, db.subscriptions, db.pending, db.markers],
    async () => {
      await requireMeta(db, dataset);
      await db.datasets.delete(dataset);
      await db.entityBuckets.where('dataset').equals(dataset).delete();
      await db.entityEdits.where('dataset').equals(dataset).delete();
      await datasetCorrections(db, dataset).delete();
      await db.snapshots.delete(dataset);
      const feeding = await db.subscriptions.where('datasetId').equals(dataset).primaryKeys();
      await db.subscriptions.bulkDelete(feeding);
      await db.pending.bulkDelete(feeding);
      if (dataset === BUNDLED_DATASET_ID) await db.markers.put({ key: 'bundled', value: 'removed' });
    },
  );
}
