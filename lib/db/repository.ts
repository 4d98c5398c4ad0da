import type { Dataset, Entity, Source } from '../schema/dataset';
import { zeroPerKind, type EntityKind } from '../schema/kinds';
import { readEntities } from './buckets';
import { commitData, infoFrom, type DatasetInfo } from './commit';
import { loadEntityIndex, loadSnapshot } from './snapshot-store';
import { NoDatasetError, readMeta, revisionOf } from './state';
import type { BackstoryDB, DatasetMeta } from './tables';

/**
 * The reads every part of the extension makes, over the effective data (the imported dataset with
 * the user's edits applied), and the plain replace used for seeding and resets.
 */

/** Entities with the sources they cite and the names of the entities they refer to: everything a card needs. */
export interface EntityBundle {
  entities: Entity[];
  sources: Source[];
  /** Name and kind of every other entity they refer to (relations, speakers, claimants, organisations, places). */
  refs: Array<{ id: string; name: string; kind: EntityKind }>;
}

/**
 * Replaces everything, the user's edits included, in one transaction: readers see the old dataset or
 * the new one, never a mix. (Imports that keep the edits go through `lib/db/import.ts`.)
 */
export async function replaceDataset(db: BackstoryDB, dataset: Dataset, origin: DatasetMeta['origin']): Promise<DatasetInfo> {
  const { entities, ...header } = dataset;
  const revision = revisionOf(await readMeta(db));
  return commitData(db, { header, origin, loadedAt: new Date().toISOString(), effective: entities, edits: [] }, revision);
}

export async function readDatasetInfo(db: BackstoryDB): Promise<DatasetInfo> {
  const meta = await readMeta(db);
  if (!meta) throw new NoDatasetError();
  if (meta.counts) return infoFrom(meta);
  // A header stored before it carried its counts: count the snapshot's entities once.
  const counts = zeroPerKind();
  for (const entity of (await loadSnapshot(db)).entities) counts[entity.kind]++;
  return infoFrom(meta, counts);
}

export async function getEntities(db: BackstoryDB, ids: readonly string[]): Promise<EntityBundle> {
  const found = await readEntities(db, ids);
  const entities = [...new Set(ids)].map((id) => found.get(id)).filter((entity): entity is Entity => entity !== undefined);
  const meta = await readMeta(db);
  const cited = new Set(entities.flatMap(citedSources));
  const asked = new Set(entities.map((entity) => entity.id));
  const others = new Set(entities.flatMap((entity) => [...referencedIds(entity)].filter((id) => !asked.has(id))));
  const index = others.size ? await loadEntityIndex(db) : null;
  const refs = [...others].flatMap((id) => {
    const entity = index?.get(id);
    return entity ? [{ id, name: entity.name, kind: entity.kind }] : [];
  });
  return { entities, sources: (meta?.sources ?? []).filter((source) => cited.has(source.id)), refs };
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

/** Ids of the entities an entity names: relation targets, speakers, claimants, organisations, places. */
export function referencedIds(entity: Entity): Set<string> {
  const ids = new Set<string>();
  const add = (ref: string | undefined) => ref !== undefined && ids.add(ref);
  for (const relation of entity.relations ?? []) add(relation.target);
  for (const quote of entity.quotes ?? []) add(quote.speaker);
  for (const fact of entity.facts ?? []) for (const ref of fact.claimedBy ?? []) add(ref);
  if (entity.kind === 'person') {
    add(entity.nationality);
    for (const role of entity.roles) add(role.organization);
  }
  if (entity.kind === 'organization') {
    add(entity.parent);
    add(entity.country);
  }
  if (entity.kind === 'place') add(entity.locatedIn);
  if (entity.kind === 'event') {
    add(entity.place);
    for (const ref of entity.participants ?? []) add(ref);
  }
  return ids;
}
