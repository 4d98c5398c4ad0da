import type { Dataset, Entity, EntityKind } from '../schema/dataset';
import type { MatcherSnapshot } from '../match/snapshot';
import type { DatasetInfo, EntityBundle, EntityListItem } from '../messaging/protocol';
import { readEntities } from './buckets';
import { commitData } from './commit';
import type { BackstoryDB, DatasetMeta } from './database';
import { loadCatalog, loadSnapshot, NoDataError } from './snapshot-store';
import { readMeta, revisionOf } from './state';

/**
 * The reads every part of the extension makes, over the effective data (the imported dataset with
 * the user's edits applied), and the plain replace used for seeding and resets.
 */

/**
 * Replaces everything, the user's edits included, in one transaction: readers see the old dataset or
 * the new one, never a mix. (Imports that keep the edits go through `lib/db/import.ts`.)
 */
export async function replaceDataset(db: BackstoryDB, dataset: Dataset, origin: DatasetMeta['origin']): Promise<DatasetInfo> {
  const { entities, ...header } = dataset;
  const revision = revisionOf(await getDatasetMeta(db));
  return commitData(db, { header, origin, loadedAt: new Date().toISOString(), effective: entities, edits: [] }, revision);
}

export async function getDatasetMeta(db: BackstoryDB): Promise<DatasetMeta | undefined> {
  return readMeta(db);
}

export async function getDatasetInfo(db: BackstoryDB): Promise<DatasetInfo> {
  const meta = await getDatasetMeta(db);
  if (!meta) throw new NoDataError();
  let counts = meta.counts;
  if (!counts) {
    const tally: Record<EntityKind, number> = { person: 0, organization: 0, place: 0, event: 0 };
    for (const entity of (await loadSnapshot(db)).entities) tally[entity.kind]++;
    counts = tally;
  }
  const entityCount = Object.values(counts).reduce((a, b) => a + b, 0);
  return { id: meta.id, title: meta.title, version: meta.version, publishedAt: meta.publishedAt, entityCount, counts: { ...counts } };
}

export async function getSnapshot(db: BackstoryDB): Promise<MatcherSnapshot> {
  return loadSnapshot(db);
}

export async function getEntities(db: BackstoryDB, ids: readonly string[]): Promise<EntityBundle> {
  const found = await readEntities(db, ids);
  const entities = [...new Set(ids)].map((id) => found.get(id)).filter((entity): entity is Entity => entity !== undefined);
  const meta = await getDatasetMeta(db);
  const cited = new Set(entities.flatMap(citedSources));
  return { entities, sources: (meta?.sources ?? []).filter((source) => cited.has(source.id)) };
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

export async function listEntities(db: BackstoryDB, offset: number, limit: number): Promise<{ total: number; items: EntityListItem[] }> {
  const catalog = await loadCatalog(db);
  return { total: catalog.size, items: catalog.page(offset, limit).map(({ id, name, kind }) => ({ id, name, kind })) };
}
