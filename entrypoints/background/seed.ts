import bundled from '../../data/backstory.json';
import type { BackstoryDB } from '../../lib/db/tables';
import { ensureBundled } from '../../lib/db/bundled';
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
 * the user has not imported a dataset of their own (keeping the user's edits; see `ensureBundled`).
 */
export async function ensureBundledDataset(db: BackstoryDB): Promise<void> {
  await ensureBundled(db, bundledDataset());
}
