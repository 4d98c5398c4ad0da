import type { CurrentData } from '../dataset/diff';
import type { LocalEdit } from '../dataset/edits';
import type { DatasetHeader } from '../dataset/export';
import type { Entity } from '../schema/dataset';
import { readAllEntities } from './buckets';
import type { BackstoryDB, DatasetRow, EditRow } from './tables';

/** Everything stored about one dataset at one revision, read in one transaction (`meta` null: not in the library). */
export interface StoredState extends CurrentData {
  dataset: string;
  meta: DatasetRow | null;
  revision: number;
  effective: Entity[];
  edits: Map<string, LocalEdit>;
}

export class NoDatasetError extends Error {
  constructor(dataset?: string) {
    super(dataset ? `There is no dataset "${dataset}" in the library.` : 'No dataset is loaded yet; try again in a moment.');
  }
}

export async function readState(db: BackstoryDB, dataset: string): Promise<StoredState> {
  return db.transaction('r', db.datasets, db.entityBuckets, db.entityEdits, async () => {
    const meta = (await db.datasets.get(dataset)) ?? null;
    const effective = meta ? await readAllEntities(db, dataset) : [];
    const edits = meta ? await readEdits(db, dataset) : [];
    return { dataset, meta, revision: revisionOf(meta), effective, edits: new Map(edits.map((edit) => [edit.id, edit])) };
  });
}

/** A dataset's edits, as the edit layer holds them (without the dataset key of their rows). */
export async function readEdits(db: BackstoryDB, dataset: string): Promise<LocalEdit[]> {
  return (await db.entityEdits.where('dataset').equals(dataset).toArray()).map(withoutDataset);
}

export function withoutDataset(row: EditRow): LocalEdit {
  const { dataset: _dataset, ...edit } = row;
  return edit;
}

export async function readMeta(db: BackstoryDB, dataset: string): Promise<DatasetRow | undefined> {
  return db.datasets.get(dataset);
}

export async function requireMeta(db: BackstoryDB, dataset: string): Promise<DatasetRow> {
  const meta = await db.datasets.get(dataset);
  if (!meta) throw new NoDatasetError(dataset);
  return meta;
}

export function revisionOf(meta: Pick<DatasetRow, 'revision'> | null | undefined): number {
  return meta?.revision ?? 0;
}

/** The dataset's own fields (as imported), without what Backstory adds to them. */
export function headerOf(meta: DatasetRow): DatasetHeader {
  const { source: _source, loadedAt: _loadedAt, revision: _revision, counts: _counts, enabled: _enabled, order: _order, ...header } = meta;
  return header;
}

/** The snapshot version of a dataset: changes with every import, edit, deletion, revert and reset. */
export function snapshotVersion(meta: Pick<DatasetRow, 'id' | 'version' | 'revision'>): string {
  return `${meta.id}@${meta.version}#${meta.revision ?? 0}`;
}
