import type { Dataset, Entity } from '../schema/dataset';
import { commitData, infoFrom, type DatasetInfo } from './commit';
import { readMeta, requireMeta, revisionOf } from './state';
import type { BackstoryDB, DatasetSource } from './tables';

/**
 * The plain replace of one dataset of the library, used for seeding, resets and tests, and what the
 * other modules need to name a dataset's sources.
 */

/**
 * Replaces the dataset with this id (adding it when new), the user's edits to it included, in one
 * transaction: readers see the old dataset or the new one, never a mix. (Imports that keep the edits
 * go through `lib/db/import.ts`.)
 */
export async function replaceDataset(db: BackstoryDB, dataset: Dataset, source: DatasetSource): Promise<DatasetInfo> {
  const { entities, ...header } = dataset;
  const revision = revisionOf(await readMeta(db, dataset.id));
  return (await commitData(db, { header, source, loadedAt: new Date().toISOString(), effective: entities, edits: [] }, revision)).info;
}

export async function readDatasetInfo(db: BackstoryDB, dataset: string): Promise<DatasetInfo> {
  return infoFrom(await requireMeta(db, dataset));
}

/** Every source id an entity cites, anywhere in it. */
export function citedSources(entity: Entity): string[] {
  const ids = new Set<string>(entity.sources ?? []);
  const add = (id: string | undefined) => id !== undefined && ids.add(id);
  for (const item of [...(entity.facts ?? []), ...(entity.quotes ?? []), ...(entity.timeline ?? [])]) add(item.source);
  for (const relation of entity.relations ?? []) add(relation.source);
  if (entity.kind === 'person') for (const role of entity.roles) add(role.source);
  if (entity.kind === 'event') for (const phase of entity.phases ?? []) add(phase.source);
  return [...ids];
}
