import type { Entity } from '../schema/dataset';
import type { BackstoryDB, BucketRow } from './tables';

/**
 * A dataset's entities stored as JSON, grouped in buckets by a hash of their id (see `tables.ts` for
 * why). Changing BUCKETS would need a migration: the bucket of an id must stay where it is.
 */
export const BUCKETS = 1024;

/** FNV-1a of the id, modulo BUCKETS. */
export function bucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash % BUCKETS;
}

function byId(a: Entity, b: Entity): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The rows for a dataset's whole set of entities (only non-empty buckets). */
export function toBuckets(dataset: string, entities: readonly Entity[]): BucketRow[] {
  const groups = new Map<number, Entity[]>();
  for (const entity of entities) {
    const key = bucketOf(entity.id);
    const group = groups.get(key);
    if (group) group.push(entity);
    else groups.set(key, [entity]);
  }
  return [...groups].sort(([a], [b]) => a - b).map(([key, group]) => ({ dataset, key, json: JSON.stringify(group.sort(byId)) }));
}

function parseBucket(row: BucketRow | undefined): Entity[] {
  return row ? (JSON.parse(row.json) as Entity[]) : [];
}

/** Every effective entity of a dataset (bucket by bucket, each sorted by id). */
export async function readAllEntities(db: BackstoryDB, dataset: string): Promise<Entity[]> {
  const rows = await db.entityBuckets.where('dataset').equals(dataset).toArray();
  const out: Entity[] = [];
  for (const row of rows) for (const entity of parseBucket(row)) out.push(entity);
  return out;
}

/** The entities of a dataset with these ids that exist, by id. */
export async function readEntities(db: BackstoryDB, dataset: string, ids: Iterable<string>): Promise<Map<string, Entity>> {
  const wanted = new Set(ids);
  const keys = [...new Set([...wanted].map(bucketOf))];
  const rows = await db.entityBuckets.bulkGet(keys.map((key): [string, number] => [dataset, key]));
  const found = new Map<string, Entity>();
  for (const row of rows) for (const entity of parseBucket(row)) if (wanted.has(entity.id)) found.set(entity.id, entity);
  return found;
}

/** Writes one entity (or removes it, with `entity` null) in its bucket. Call inside a transaction. */
export async function writeEntity(db: BackstoryDB, dataset: string, id: string, entity: Entity | null): Promise<void> {
  const key = bucketOf(id);
  const group = parseBucket(await db.entityBuckets.get([dataset, key])).filter((other) => other.id !== id);
  if (entity) group.push(entity);
  if (group.length === 0) await db.entityBuckets.delete([dataset, key]);
  else await db.entityBuckets.put({ dataset, key, json: JSON.stringify(group.sort(byId)) });
}
