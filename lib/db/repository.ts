import type { Dataset, Entity, EntityKind } from '../schema/dataset';
import type { MatcherSnapshot } from '../match/snapshot';
import type { DatasetInfo, EntityBundle, EntityListItem, SearchHit } from '../messaging/protocol';
import { commitData } from './commit';
import type { BackstoryDB, DatasetMeta, EntityRow } from './database';
import { foldQuery } from './rows';
import { revisionOf } from './state';

export { foldQuery, searchKeys, toRow } from './rows';

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
  return (await db.meta.get('dataset'))?.value as DatasetMeta | undefined;
}

export async function getDatasetInfo(db: BackstoryDB): Promise<DatasetInfo> {
  const meta = await getDatasetMeta(db);
  if (!meta) throw new Error('No dataset is loaded');
  const counts: Record<EntityKind, number> = { person: 0, organization: 0, place: 0, event: 0 };
  for (const kind of Object.keys(counts) as EntityKind[]) counts[kind] = await db.entities.where('kind').equals(kind).count();
  const entityCount = Object.values(counts).reduce((a, b) => a + b, 0);
  return { id: meta.id, title: meta.title, version: meta.version, publishedAt: meta.publishedAt, entityCount, counts };
}

export async function getSnapshot(db: BackstoryDB): Promise<MatcherSnapshot> {
  const row = await db.meta.get('snapshot');
  if (!row) throw new Error('No dataset is loaded');
  return row.value as MatcherSnapshot;
}

export async function getEntities(db: BackstoryDB, ids: readonly string[]): Promise<EntityBundle> {
  const rows = await db.entities.bulkGet([...new Set(ids)]);
  const entities = rows.filter((row): row is EntityRow => row !== undefined).map((row) => row.entity);
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
  const total = await db.entities.count();
  const rows = await db.entities.orderBy('nameKey').offset(offset).limit(limit).toArray();
  return { total, items: rows.map((row) => ({ id: row.id, name: row.entity.name, kind: row.kind })) };
}

/** Prefix search over names and aliases, ranked: exact name, name prefix, alias prefix, inner word. */
export async function search(db: BackstoryDB, query: string, limit = 20): Promise<SearchHit[]> {
  const folded = foldQuery(query);
  if (!folded) return [];
  const rows = await db.entities.where('searchKeys').startsWith(folded).distinct().limit(500).toArray();
  const scored = rows.map((row) => {
    const { entity } = row;
    const nameKey = row.nameKey;
    let score = 3;
    let matched: string | undefined;
    if (nameKey === folded) score = 0;
    else if (nameKey.startsWith(folded)) score = 1;
    else {
      const alias = entity.aliases.find((a) => foldQuery(a.text).startsWith(folded));
      if (alias) {
        score = 2;
        if (foldQuery(alias.text) !== nameKey) matched = alias.text;
      }
    }
    return { score, hit: { id: entity.id, name: entity.name, kind: entity.kind, summary: entity.summary, ...(matched ? { matched } : {}) } };
  });
  scored.sort((a, b) => a.score - b.score || a.hit.name.localeCompare(b.hit.name));
  return scored.slice(0, limit).map((s) => s.hit);
}
