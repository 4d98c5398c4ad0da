import bundled from '../../data/backstory.json';
import type { BackstoryDB } from '../../lib/db/tables';
import { detectEviction, ensureBundled } from '../../lib/db/bundled';
import { listDatasets } from '../../lib/db/library';
import { noteEviction, rememberedLibrary, rememberLibrary } from '../../lib/settings/storage';
import { validateDataset } from '../../lib/dataset/validate';
import type { Dataset } from '../../lib/schema/dataset';

/** The bundled dataset, validated like any import (a broken build must not load broken data). */
export function bundledDataset(): Dataset {
  const result = validateDataset(bundled);
  if (!result.ok) throw new Error(`The bundled dataset is invalid: ${result.problems[0]?.path}: ${result.problems[0]?.message}`);
  return result.dataset;
}

/**
 * Loads the bundled dataset into the library when it is not there (unless the user removed it), or
 * updates it (keeping the user's edits; see `ensureBundled`). If the browser cleared the database,
 * what was lost is noted for the options page, and the bundled dataset comes back.
 */
export async function ensureBundledDataset(db: BackstoryDB): Promise<void> {
  const lost = await detectEviction(db, await rememberedLibrary());
  if (lost.length) await noteEviction({ noticedAt: new Date().toISOString(), lost });
  await ensureBundled(db, bundledDataset());
  await rememberLibrary(await listDatasets(db));
}
