import type { Dataset } from '../schema/dataset';
import { BUNDLED_DATASET_ID, type BackstoryDB, type DatasetRow } from './tables';
import { applyPrepared, prepareImport } from './import';
import { setDatasetEnabled } from './library';
import { replaceDataset } from './repository';
import { readMeta } from './state';

export type BundledOutcome = 'loaded' | 'current' | 'updated' | 'kept-old' | 'removed';

/**
 * Loads the bundled dataset into the library when it is not there (unless the user removed it), or
 * updates it when the bundled data was updated and the user has not imported a file of the same id.
 * An update keeps the user's edits (their version wins any conflict); if the edits no longer fit the
 * new data, the current data stays as it is.
 */
export async function ensureBundled(db: BackstoryDB, bundled: Dataset): Promise<BundledOutcome> {
  const meta = await readMeta(db, bundled.id);
  if (!meta) {
    const marker = await db.markers.get('bundled');
    if (marker?.value === 'removed') return 'removed';
    await loadBundled(db, bundled, marker?.value !== 'off');
    return 'loaded';
  }
  if (isCurrent(meta, bundled)) return 'current';
  const prepared = await prepareImport(db, { kind: 'dataset', dataset: bundled });
  const mine = Object.fromEntries(prepared.diff.conflicts.map((conflict) => [conflict.id, 'mine' as const]));
  const result = await applyPrepared(db, prepared, mine, { source: 'bundled' });
  return result.ok ? 'updated' : 'kept-old';
}

/**
 * Whether `ensureBundled` would leave the library as it is, read from the dataset's library row (or
 * the marker of its removal) and the bundled data's id and version alone: a woken background asks
 * this before validating the whole bundled dataset (a quarter of a second in a just-started worker).
 * An extension update that brings new bundled data brings a new version, and the whole of it is then
 * validated and loaded.
 */
export async function bundledIsCurrent(db: BackstoryDB, bundled: Pick<Dataset, 'id' | 'version'>): Promise<boolean> {
  const meta = await readMeta(db, bundled.id);
  if (meta) return isCurrent(meta, bundled);
  return (await db.markers.get('bundled'))?.value === 'removed';
}

/** A dataset of the same id imported from a file is the user's: the bundled data does not replace it. */
function isCurrent(meta: DatasetRow, bundled: Pick<Dataset, 'id' | 'version'>): boolean {
  return meta.source !== 'bundled' || meta.version === bundled.version;
}

/** Puts the bundled dataset back into the library after the user removed it (switched on). */
export async function restoreBundled(db: BackstoryDB, bundled: Dataset): Promise<void> {
  if (await readMeta(db, BUNDLED_DATASET_ID)) return;
  await loadBundled(db, bundled, true);
}

async function loadBundled(db: BackstoryDB, bundled: Dataset, enabled: boolean): Promise<void> {
  await replaceDataset(db, bundled, 'bundled');
  await db.markers.delete('bundled');
  await db.markers.put({ key: 'everLoaded', value: new Date().toISOString() });
  if (!enabled) await setDatasetEnabled(db, bundled.id, false);
}

/** A dataset as remembered outside the database (see `detectEviction`). */
export interface RememberedDataset {
  id: string;
  title: string;
}

/**
 * The browser may clear an extension's IndexedDB under storage pressure (unless storage is
 * persistent); `storage.local` is kept apart from it. The background remembers the library's titles
 * there after every change; a database that never held data (no `everLoaded` marker) while that
 * record names datasets was cleared by the browser: these were lost. Call before `ensureBundled`.
 */
export async function detectEviction(db: BackstoryDB, remembered: readonly RememberedDataset[]): Promise<RememberedDataset[]> {
  if (!remembered.length) return [];
  const [datasets, marker] = await Promise.all([db.datasets.count(), db.markers.get('everLoaded')]);
  return datasets === 0 && !marker ? [...remembered] : [];
}
