import bundled from '../../data/backstory.json';
import type { BackstoryDB } from '../../lib/db/tables';
import { bundledIsCurrent, detectEviction, ensureBundled } from '../../lib/db/bundled';
import { listDatasets } from '../../lib/db/library';
import { noteEviction, rememberedLibrary, rememberLibrary } from '../../lib/settings/storage';
import { validateDataset } from '../../lib/dataset/validate';
import type { Dataset } from '../../lib/schema/dataset';

/** The bundled dataset, validated like any import (a broken build must not load broken data). */
export function bundledDataset(data: unknown = bundled): Dataset {
  const result = validateDataset(data);
  if (!result.ok) throw new Error(`The bundled dataset is invalid: ${result.problems[0]?.path}: ${result.problems[0]?.message}`);
  return result.dataset;
}

/**
 * Loads the bundled dataset into the library when it is not there (unless the user removed it), or
 * updates it (keeping the user's edits; see `ensureBundled`). If the browser cleared the database,
 * what was lost is noted for the options page, and the bundled dataset comes back. Runs on every
 * wake of the background, before any message is answered: when the library already holds this
 * version of the bundled data, the bundled file is not validated (see `bundledIsCurrent`), and the
 * remembered library is written only when it changed.
 */
export async function ensureBundledDataset(db: BackstoryDB, data: unknown = bundled): Promise<void> {
  const remembered = await rememberedLibrary();
  const lost = await detectEviction(db, remembered);
  if (lost.length) await noteEviction({ noticedAt: new Date().toISOString(), lost });
  const header = headerOf(data);
  if (!header || !(await bundledIsCurrent(db, header))) await ensureBundled(db, bundledDataset(data));
  const library = (await listDatasets(db)).map(({ id, title }) => ({ id, title }));
  if (JSON.stringify(library) !== JSON.stringify(remembered)) await rememberLibrary(library);
}

/** The id and version of the bundled data, if it has them (whether it is valid is for `bundledDataset` to say). */
function headerOf(data: unknown): { id: string; version: string } | null {
  if (typeof data !== 'object' || data === null) return null;
  const { id, version } = data as { id?: unknown; version?: unknown };
  return typeof id === 'string' && typeof version === 'string' ? { id, version } : null;
}
