import type { Dataset, Entity } from '../schema/dataset';

/**
 * The dataset as a file. Deterministic, so that exporting, importing the file and exporting again
 * gives the same bytes: entities sorted by id (code-unit order, independent of locale), keys in the
 * order they were imported (JSON.parse, Zod and IndexedDB all keep it), two-space indentation and
 * a final newline.
 */
export type DatasetHeader = Omit<Dataset, 'entities'>;

export function serializeDataset(header: DatasetHeader, entities: readonly Entity[]): string {
  const sorted = [...entities].sort(byId);
  const dataset: Dataset = { ...header, entities: sorted };
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A file name for the export: "my-dataset-1.2.0.json", "my-dataset-edits.json". */
export function exportFileName(datasetId: string, version: string, what: 'full' | 'edits'): string {
  const safe = datasetId.replace(/[^a-z0-9-]/g, '') || 'dataset';
  return what === 'full' ? `${safe}-${version.replace(/[^0-9.]/g, '')}.json` : `${safe}-edits.json`;
}
