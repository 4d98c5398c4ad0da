import { editStatus, type EditStatus, type LocalEdit } from '../dataset/edits';
import type { Entity, Source } from '../schema/dataset';
import type { EntityKind } from '../schema/kinds';
import { readEntities } from './buckets';
import { catalogKey } from './catalog';
import type { BackstoryDB } from './tables';
import { stampOf } from './entity-edits';
import { citedSources } from './repository';
import { loadCatalog } from './snapshot-store';
import { readEdits, requireMeta, withoutDataset } from './state';

/**
 * Reads for the options page, within one dataset of the library: pages of the entity list (in name
 * order, or searched) and one entity in detail. Lists and searches run over the in-memory catalog (see `catalog.ts`), so
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
  /** What the entity was when read: sent back with a change, so a change from a stale form is refused. */
  stamp: string;
}

export interface BrowseQuery {
  dataset: string;
  query: string;
  filter: 'all' | 'edited';
  offset: number;
  limit: number;
}

export async function browseEntities(db: BackstoryDB, { dataset, query, filter, offset, limit }: BrowseQuery): Promise<BrowsePage> {
  const folded = catalogKey(query);
  if (filter === 'edited') return browseEdits(db, dataset, folded, offset, limit);
  const catalog = await loadCatalog(db, dataset);
  if (!folded) return { total: catalog.size, items: await withEdits(db, dataset, catalog.page(offset, limit)) };
  const matches = catalog.search(query);
  const page = matches
    .slice(0, RANKED)
    .slice(offset, offset + limit)
    .map((match) => match.entry);
  const capped = matches.length > RANKED ? matches.length : undefined;
  return { total: Math.min(matches.length, RANKED), items: await withEdits(db, dataset, page), ...(capped ? { capped } : {}) };
}

async function browseEdits(db: BackstoryDB, dataset: string, folded: string, offset: number, limit: number): Promise<BrowsePage> {
  const edits = await readEdits(db, dataset);
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

async function withEdits(db: BackstoryDB, dataset: string, entities: readonly BrowseItem[]): Promise<BrowseItem[]> {
  const edits = await db.entityEdits.bulkGet(entities.map((entity): [string, string] => [dataset, entity.id]));
  return entities.map((entity, i) => {
    const edit = edits[i];
    return { id: entity.id, name: entity.name, kind: entity.kind, ...(edit ? { edit: editStatus(edit) } : {}) };
  });
}

export async function getEntityDetail(db: BackstoryDB, dataset: string, id: string): Promise<EntityDetail> {
  const [found, row, meta] = await db.transaction('r', [db.datasets, db.entityBuckets, db.entityEdits], () =>
    Promise.all([readEntities(db, dataset, [id]), db.entityEdits.get([dataset, id]), requireMeta(db, dataset)]),
  );
  const edit = row ? withoutDataset(row) : undefined;
  const entity = found.get(id) ?? null;
  const shown = entity ?? edit?.base ?? null;
  if (!shown) throw new Error(`There is no entity "${id}".`);
  const referenced = [...referencedIds(shown)].filter((ref) => ref !== id);
  const named = await readEntities(db, dataset, referenced);
  const cited = new Set(citedSources(shown));
  return {
    entity,
    edit: edit ? { status: editStatus(edit), editedAt: edit.editedAt, base: edit.base } : null,
    sources: meta.sources.filter((source) => cited.has(source.id)),
    names: [...named.values()].map((other) => ({ id: other.id, name: other.name, kind: other.kind })),
    sourceIds: meta.sources.map((source) => source.id),
    stamp: stampOf(entity, edit),
  };
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
