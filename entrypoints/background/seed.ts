// Only the header is bundled into the background's script (named imports of a JSON file keep the rest
// out): the data itself is read from the package when the library lacks this version of it.
import { id as BUNDLED_ID, version as BUNDLED_VERSION } from '../../data/backstory.json';
import type { BackstoryDB } from '../../lib/db/tables';
import { bundledIsCurrent, detectEviction, ensureBundled } from '../../lib/db/bundled';
import { listDatasets } from '../../lib/db/library';
import { noteEviction, rememberedLibrary, rememberLibrary } from '../../lib/settings/storage';
import { validateDataset } from '../../lib/dataset/validate';
import type { Dataset } from '../../lib/schema/dataset';

/** Where the build puts the bundled dataset (see `build:publicAssets` in wxt.config.ts). */
export const BUNDLED_FILE = '/backstory.json';

/** The bundled dataset: its id and version, known without reading it, and the data, read on demand. */
export interface BundledSource {
  header: { id: string; version: string } | null;
  read(): Promise<unknown>;
}

/** The dataset packaged with the extension. */
const packaged: BundledSource = {
  header: { id: BUNDLED_ID, version: BUNDLED_VERSION },
  async read() {
    // A path of the extension's own origin (the background's): no request leaves the browser.
    const response = await fetch(BUNDLED_FILE);
    if (!response.ok) throw new Error(`The bundled dataset could not be read (${response.status}).`);
    return response.json();
  },
};

/** Bundled data given as a value (tests, tools). */
export function bundledFrom(data: unknown): BundledSource {
  return { header: headerOf(data), read: () => Promise.resolve(data) };
}

/** The bundled dataset, validated like any import (a broken build must not load broken data). */
export async function bundledDataset(source: BundledSource = packaged): Promise<Dataset> {
  const data = await source.read();
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
export async function ensureBundledDataset(db: BackstoryDB, source: BundledSource = packaged): Promise<void> {
  const remembered = await rememberedLibrary();
  const lost = await detectEviction(db, remembered);
  if (lost.length) await noteEviction({ noticedAt: new Date().toISOString(), lost });
  const { header } = source;
  if (!header || !(await bundledIsCurrent(db, header))) await ensureBundled(db, await bundledDataset(source));
  const library = (await listDatasets(db)).map(({ id, title }) => ({ id, title }));
  if (JSON.stringify(library) !== JSON.stringify(remembered)) await rememberLibrary(library);
}

/** The id and version of bundled data, if it has them (whether it is valid is for `bundledDataset` to say). */
function headerOf(data: unknown): { id: string; version: string } | null {
  if (typeof data !== 'object' || data === null) return null;
  const { id, version } = data as { id?: unknown; version?: unknown };
  return typeof id === 'string' && typeof version === 'string' ? { id, version } : null;
}
