import type { CurrentData } from '../dataset/diff';
import type { LocalEdit } from '../dataset/edits';
import type { DatasetHeader } from '../dataset/export';
import type { Entity } from '../schema/dataset';
import { readAllEntities } from './buckets';
import type { BackstoryDB, DatasetMeta } from './tables';

/** Everything stored about the data at one revision, read in one transaction. */
export interface StoredState extends CurrentData {
  meta: DatasetMeta;
  revision: number;
  effective: Entity[];
  edits: Map<string, LocalEdit>;
}

export class NoDatasetError extends Error {
  constructor() {
    super('No dataset is loaded yet; try again in a moment.');
  }
}

export async function readState(db: BackstoryDB): Promise<StoredState> {
  return db.transaction('r', db.buckets, db.edits, db.meta, async () => {
    const meta = await readMeta(db);
    if (!meta) throw new NoDatasetError();
    const effective = await readAllEntities(db);
    const edits = await db.edits.toArray();
    return { meta, revision: revisionOf(meta), effective, edits: new Map(edits.map((edit) => [edit.id, edit])) };
  });
}

export async function readMeta(db: BackstoryDB): Promise<DatasetMeta | undefined> {
  return (await db.meta.get('dataset'))?.value;
}

export function revisionOf(meta: DatasetMeta | undefined): number {
  return meta?.revision ?? 0;
}

/** The dataset's own fields (as imported), without what Backstory adds to them. */
export function headerOf(meta: DatasetMeta): DatasetHeader {
  const { origin: _origin, loadedAt: _loadedAt, revision: _revision, counts: _counts, ...header } = meta;
  return header;
}

/** The snapshot version: changes with every import, edit, deletion, revert and reset. */
export function snapshotVersion(meta: Pick<DatasetMeta, 'id' | 'version' | 'revision'>): string {
  return `${meta.id}@${meta.version}#${meta.revision ?? 0}`;
}
