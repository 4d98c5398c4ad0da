import { serializeEdits } from '../dataset/edits-file';
import { exportFileName, serializeDataset } from '../dataset/export';
import { datasetCorrections } from './corrections';
import { splitScopedId } from './scope';
import type { BackstoryDB } from './tables';
import { headerOf, NoDatasetError, readState } from './state';

export interface ExportFile {
  filename: string;
  text: string;
}

/**
 * One dataset of the library: the full effective dataset (imported data with the local edits), or
 * only the user's layer over it (the local edits and the corrections of marks of its entities).
 */
export async function exportData(db: BackstoryDB, dataset: string, what: 'full' | 'edits'): Promise<ExportFile> {
  const state = await readState(db, dataset);
  if (!state.meta) throw new NoDatasetError(dataset);
  const filename = exportFileName(state.meta.id, state.meta.version, what);
  if (what === 'full') return { filename, text: serializeDataset(headerOf(state.meta), state.effective) };
  const corrections = (await datasetCorrections(db, dataset).toArray()).map(({ id: _id, entity, ...rest }) => ({
    ...rest,
    entity: splitScopedId(entity)!.id,
  }));
  return { filename, text: serializeEdits(state.meta, [...state.edits.values()], corrections) };
}
