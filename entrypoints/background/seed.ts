import bundled from '../../data/backstory.json';
import type { BackstoryDB } from '../../lib/db/database';
import { getDatasetMeta, replaceDataset } from '../../lib/db/repository';
import { validateDataset } from '../../lib/dataset/validate';
import type { Dataset } from '../../lib/schema/dataset';

/** The bundled dataset, validated like any import (a broken build must not load broken data). */
export function bundledDataset(): Dataset {
  const result = validateDataset(bundled);
  if (!result.ok) throw new Error(`The bundled dataset is invalid: ${result.problems[0]?.path}: ${result.problems[0]?.message}`);
  return result.dataset;
}

/**
 * Loads the bundled dataset when the database is empty, or when the bundled data was updated and
 * the user has not imported a dataset of their own.
 */
export async function ensureBundledDataset(db: BackstoryDB): Promise<void> {
  const meta = await getDatasetMeta(db);
  if (meta && (meta.origin === 'import' || meta.version === bundled.version)) return;
  await replaceDataset(db, bundledDataset(), 'bundled');
}
