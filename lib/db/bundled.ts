import type { Dataset } from '../schema/dataset';
import type { BackstoryDB } from './tables';
import { applyPrepared, prepareImport } from './import';
import { replaceDataset } from './repository';
import { readMeta } from './state';

export type BundledOutcome = 'loaded' | 'current' | 'updated' | 'kept-old';

/**
 * Loads the bundled dataset when the database is empty, or when the bundled data was updated and
 * the user has not imported a dataset of their own. An update keeps the user's edits (their version
 * wins any conflict); if the edits no longer fit the new data, the current data stays as it is.
 */
export async function ensureBundled(db: BackstoryDB, bundled: Dataset): Promise<BundledOutcome> {
  const meta = await readMeta(db);
  if (!meta) {
    await replaceDataset(db, bundled, 'bundled');
    return 'loaded';
  }
  if (meta.origin === 'import' || meta.version === bundled.version) return 'current';
  const prepared = await prepareImport(db, { kind: 'dataset', dataset: bundled });
  const mine = Object.fromEntries(prepared.diff.conflicts.map((conflict) => [conflict.id, 'mine' as const]));
  const result = await applyPrepared(db, prepared, mine, { origin: 'bundled' });
  return result.ok ? 'updated' : 'kept-old';
}
