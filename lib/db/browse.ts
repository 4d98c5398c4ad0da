import { editStatus, type EditStatus, type LocalEdit } from '../dataset/edits';
import type { BrowseItem, BrowsePage, DataOverview, EntityDetail } from '../messaging/data-messages';
import type { Entity } from '../schema/dataset';
import type { BackstoryDB } from './database';
import { citedSources, getDatasetInfo, getDatasetMeta } from './repository';
import { foldQuery } from './rows';

/**
 * Reads for the options page: pages of the entity list (in name order, or searched), one entity in
 * detail, and an overview. Pages come straight from the indexes, so the list stays quick at 100,000
 * entities; a search ranks at most `RANKED` matches and says how many more there are.
 */
const RANKED = 2_000;

export interface BrowseQuery {
  query: string;
  filter: 'all' | 'edited';
  offset: number;
  limit: number;
}

export async function browseEntities(db: BackstoryDB, { query, filter, offset, limit }: BrowseQuery): Promise<BrowsePage> {
  const folded = foldQuery(query);
  if (filter === 'edited') return browseEdits(db, folded, offset, limit);
  if (!folded) {
    const total = await db.entities.count();
    const rows = await db.entities.orderBy('nameKey').offset(offset).limit(limit).toArray();
    return { total, items: await withEdits(db, rows.map((row) => row.entity)) };
  }
  const keys = await db.entities.where('searchKeys').startsWith(folded).primaryKeys();
  const ids = [...new Set(keys)];
  const rows = (await db.entities.bulkGet(ids.slice(0, RANKED))).filter((row) => row !== undefined);
  const ranked = rows.map((row) => ({ entity: row.entity, score: rank(row.nameKey, row.entity, folded) }));
  ranked.sort((a, b) => a.score - b.score || a.entity.name.localeCompare(b.entity.name));
  const page = ranked.slice(offset, offset + limit).map((r) => r.entity);
  const capped = ids.length > RANKED ? ids.length : undefined;
  return { total: Math.min(ids.length, RANKED), items: await withEdits(db, page), ...(capped ? { capped } : {}) };
}

/** Exact name first, then names that start with the query, then aliases, then inner words. */
function rank(nameKey: string, entity: Entity, folded: string): number {
  if (nameKey === folded) return 0;
  if (nameKey.startsWith(folded)) return 1;
  if (entity.aliases.some((alias) => foldQuery(alias.text).startsWith(folded))) return 2;
  return 3;
}

async function browseEdits(db: BackstoryDB, folded: string, offset: number, limit: number): Promise<BrowsePage> {
  const edits = await db.edits.toArray();
  const items = edits
    .map((edit) => ({ ...nameOf(edit), edit: editStatus(edit) }))
    .filter((item) => !folded || foldQuery(`${item.name} ${item.id}`).includes(folded))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { total: items.length, items: items.slice(offset, offset + limit) };
}

function nameOf(edit: LocalEdit): BrowseItem {
  const entity = (edit.entity ?? edit.base)!;
  return { id: edit.id, name: entity.name, kind: entity.kind };
}

async function withEdits(db: BackstoryDB, entities: readonly Entity[]): Promise<BrowseItem[]> {
  const edits = await db.edits.bulkGet(entities.map((entity) => entity.id));
  return entities.map((entity, i) => {
    const edit = edits[i];
    return { id: entity.id, name: entity.name, kind: entity.kind, ...(edit ? { edit: editStatus(edit) } : {}) };
  });
}

export async function getEntityDetail(db: BackstoryDB, id: string): Promise<EntityDetail> {
  const [row, edit, meta] = await Promise.all([db.entities.get(id), db.edits.get(id), getDatasetMeta(db)]);
  const entity = row?.entity ?? null;
  const shown = entity ?? edit?.base ?? null;
  if (!shown) throw new Error(`There is no entity "${id}".`);
  const referenced = [...referencedIds(shown)].filter((ref) => ref !== id);
  const rows = await db.entities.bulkGet(referenced);
  const cited = new Set(citedSources(shown));
  return {
    entity,
    edit: edit ? { status: editStatus(edit), editedAt: edit.editedAt, base: edit.base } : null,
    sources: (meta?.sources ?? []).filter((source) => cited.has(source.id)),
    names: rows.filter((r) => r !== undefined).map((r) => ({ id: r.id, name: r.entity.name, kind: r.kind })),
    sourceIds: (meta?.sources ?? []).map((source) => source.id),
  };
}

/** Ids of the entities an entity names: relation targets, speakers, claimants, organisations, places. */
function referencedIds(entity: Entity): Set<string> {
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

export async function getDataOverview(db: BackstoryDB): Promise<DataOverview> {
  const [info, meta, edits, pendingUpdates] = await Promise.all([getDatasetInfo(db), getDatasetMeta(db), db.edits.toArray(), db.pending.count()]);
  const counts: Record<EditStatus, number> = { changed: 0, added: 0, deleted: 0 };
  for (const edit of edits) counts[editStatus(edit)]++;
  return { info, origin: meta!.origin, loadedAt: meta!.loadedAt, edits: counts, pendingUpdates };
}
