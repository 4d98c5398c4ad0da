import { editStatus, type EditStatus, type LocalEdit } from '../dataset/edits';
import type { Entity, Source } from '../schema/dataset';
import type { EntityKind } from '../schema/kinds';
import { readEntities } from './buckets';
import { catalogKey } from './catalog';
import type { BackstoryDB } from './tables';
import type { DatasetInfo } from './commit';
import { citedSources, readDatasetInfo, referencedIds } from './repository';
import { loadCatalog } from './snapshot-store';
import { readMeta } from './state';

/**
 * Reads for the options page: pages of the entity list (in name order, or searched), one entity in
 * detail, and an overview. Lists and searches run over the in-memory catalog (see `catalog.ts`), so
 * they stay quick at 100,000 entities; a search ranks at most `RANKED` matches and says how many more
 * there are.
 */
const RANKED = 2_000;

export interface BrowseItem {
  id: string;
  name: string;
  kind: EntityKind;
  edit?: EditStatus;
}

export interface BrowsePage {
  total: number;
  items: BrowseItem[];
  /** Set when a search matched more entities than are ranked: the user should refine it. */
  capped?: number;
}

export interface EntityDetail {
  /** The entity as readers see it (null when the user deleted it). */
  entity: Entity | null;
  edit: { status: EditStatus; editedAt: string; base: Entity | null } | null;
  sources: Source[];
  /** Names of the entities it refers to. */
  names: Array<{ id: string; name: string; kind: EntityKind }>;
  /** Every source id of the dataset, for the editor's hints. */
  sourceIds: string[];
}

export interface DataOverview {
  info: DatasetInfo;
  origin: 'bundled' | 'import';
  loadedAt: string;
  edits: Record<EditStatus, number>;
  /** Subscription updates waiting for the user because they conflict with local edits. */
  pendingUpdates: number;
}

export interface BrowseQuery {
  query: string;
  filter: 'all' | 'edited';
  offset: number;
  limit: number;
}

export async function browseEntities(db: BackstoryDB, { query, filter, offset, limit }: BrowseQuery): Promise<BrowsePage> {
  const folded = catalogKey(query);
  if (filter === 'edited') return browseEdits(db, folded, offset, limit);
  const catalog = await loadCatalog(db);
  if (!folded) return { total: catalog.size, items: await withEdits(db, catalog.page(offset, limit)) };
  const matches = catalog.search(query);
  const page = matches
    .slice(0, RANKED)
    .slice(offset, offset + limit)
    .map((match) => match.entry);
  const capped = matches.length > RANKED ? matches.length : undefined;
  return { total: Math.min(matches.length, RANKED), items: await withEdits(db, page), ...(capped ? { capped } : {}) };
}

async function browseEdits(db: BackstoryDB, folded: string, offset: number, limit: number): Promise<BrowsePage> {
  const edits = await db.edits.toArray();
  const items = edits
    .map((edit) => ({ ...nameOf(edit), edit: editStatus(edit) }))
    .filter((item) => !folded || catalogKey(`${item.name} ${item.id}`).includes(folded))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { total: items.length, items: items.slice(offset, offset + limit) };
}

function nameOf(edit: LocalEdit): BrowseItem {
  const entity = (edit.entity ?? edit.base)!;
  return { id: edit.id, name: entity.name, kind: entity.kind };
}

async function withEdits(db: BackstoryDB, entities: readonly BrowseItem[]): Promise<BrowseItem[]> {
  const edits = await db.edits.bulkGet(entities.map((entity) => entity.id));
  return entities.map((entity, i) => {
    const edit = edits[i];
    return { id: entity.id, name: entity.name, kind: entity.kind, ...(edit ? { edit: editStatus(edit) } : {}) };
  });
}

export async function getEntityDetail(db: BackstoryDB, id: string): Promise<EntityDetail> {
  const [found, edit, meta] = await Promise.all([readEntities(db, [id]), db.edits.get(id), readMeta(db)]);
  const entity = found.get(id) ?? null;
  const shown = entity ?? edit?.base ?? null;
  if (!shown) throw new Error(`There is no entity "${id}".`);
  const referenced = [...referencedIds(shown)].filter((ref) => ref !== id);
  const named = await readEntities(db, referenced);
  const cited = new Set(citedSources(shown));
  return {
    entity,
    edit: edit ? { status: editStatus(edit), editedAt: edit.editedAt, base: edit.base } : null,
    sources: (meta?.sources ?? []).filter((source) => cited.has(source.id)),
    names: [...named.values()].map((other) => ({ id: other.id, name: other.name, kind: other.kind })),
    sourceIds: (meta?.sources ?? []).map((source) => source.id),
  };
}

export async function getDataOverview(db: BackstoryDB): Promise<DataOverview> {
  const [info, meta, edits, pendingUpdates] = await Promise.all([
    readDatasetInfo(db),
    readMeta(db),
    db.edits.toArray(),
    db.pending.count(),
  ]);
  const counts: Record<EditStatus, number> = { changed: 0, added: 0, deleted: 0 };
  for (const edit of edits) counts[editStatus(edit)]++;
  return { info, origin: meta!.origin, loadedAt: meta!.loadedAt, edits: counts, pendingUpdates };
}
