import { ALIAS_CASE_SENSITIVE, type MatcherSnapshot, type SnapshotAlias, type SnapshotEntity } from '../match/snapshot';
import type { Entity, Source } from '../schema/dataset';
import type { EntityKind } from '../schema/kinds';
import { referencedIds } from './browse';
import { readEntities } from './buckets';
import { enabledDatasets } from './library';
import { citedSources } from './repository';
import { scopedId, scopeEntity, splitScopedId } from './scope';
import { readSharedAliases, storeSharedAliases, type AlsoEntry } from './shared-aliases';
import { cacheKey, loadSnapshot } from './snapshot-store';
import type { BackstoryDB, DatasetRow } from './tables';

/**
 * What pages (content scripts, the popup) read: every ENABLED dataset of the library as one matcher
 * snapshot, with entity ids scoped by dataset ("datasetId/entityId", see `scope.ts`). Where two
 * datasets give the same alias to different entities, only the one of the dataset higher in the
 * order keeps it on pages; each of the two then names the other in `also`, so the card can offer it.
 * Search keeps every alias, so the popup finds both.
 */
export type { AlsoEntry };

/**
 * An entity as pages receive it: scoped ids, the title of the dataset it comes from (`from`), and the
 * entities of other datasets sharing an alias with it.
 */
export type PageEntity = Entity & { from?: string; also?: AlsoEntry[] };

/** Entities with the sources they cite and the names of the entities they refer to: everything a card needs. */
export interface EntityBundle {
  entities: PageEntity[];
  sources: Source[];
  /** Name and kind of every other entity they refer to (relations, speakers, claimants, organisations, places). */
  refs: Array<{ id: string; name: string; kind: EntityKind }>;
}

interface Combined {
  key: string;
  page: MatcherSnapshot;
  /** The page snapshot's entities by scoped id, made on first need. */
  byId?: Map<string, SnapshotEntity>;
  search: MatcherSnapshot;
  also: Map<string, AlsoEntry[]>;
  rows: Map<string, DatasetRow>;
}

const cache = new WeakMap<BackstoryDB, Combined>();
/** The shared aliases last read from storage (see `alsoOf`). */
const storedAlso = new WeakMap<BackstoryDB, { key: string; also: ReadonlyMap<string, AlsoEntry[]> }>();

async function combined(db: BackstoryDB): Promise<Combined> {
  const rows = await enabledDatasets(db);
  const key = versionOf(rows);
  const cached = cache.get(db);
  if (cached?.key === key) return cached;
  const snapshots = await Promise.all(rows.map((row) => loadSnapshot(db, row.id)));
  const fresh = combine(key, rows, snapshots);
  cache.set(db, fresh);
  // Kept for the next wake of the background (see alsoOf); small, and never the only copy.
  if (rows.length > 1) {
    await storeSharedAliases(db, key, fresh.also).catch((error: unknown) =>
      console.warn('[Backstory] could not store the shared aliases:', error),
    );
  }
  return fresh;
}

function versionOf(rows: readonly DatasetRow[]): string {
  return rows.map(cacheKey).join('|') || 'empty';
}

/** The version the page snapshot would have, read from the library rows alone (no snapshot is parsed). */
export async function pageSnapshotVersion(db: BackstoryDB): Promise<string> {
  return versionOf(await enabledDatasets(db));
}

/** Joins the datasets' snapshots, in library order; exported for tests. */
export function combine(version: string, rows: readonly DatasetRow[], snapshots: readonly MatcherSnapshot[]): Combined {
  const page: MatcherSnapshot = { version, entities: [], aliases: [] };
  const search: MatcherSnapshot = { version, entities: [], aliases: [] };
  const owner: number[] = [];
  // Case flag and key → the first dataset (in order) that gave it, with its entities.
  const claims = new Map<string, { dataset: number; entities: Set<number> }>();
  const also = new Map<string, AlsoEntry[]>();
  const link = (from: number, to: number) => {
    const entity = page.entities[from]!;
    const other = page.entities[to]!;
    const list = also.get(entity.id) ?? [];
    if (!list.some((entry) => entry.id === other.id)) list.push({ id: other.id, name: other.name, dataset: rows[owner[to]!]!.title });
    also.set(entity.id, list);
  };
  rows.forEach((row, d) => {
    const snapshot = snapshots[d]!;
    const offset = page.entities.length;
    for (const entity of snapshot.entities) {
      page.entities.push({ ...entity, id: scopedId(row.id, entity.id), related: entity.related.map((i) => i + offset) });
      owner.push(d);
    }
    for (const [key, index, flags] of snapshot.aliases) {
      const alias: SnapshotAlias = [key, index + offset, flags];
      search.aliases.push(alias);
      const claimKey = `${flags & ALIAS_CASE_SENSITIVE}\u0000${key}`;
      const claim = claims.get(claimKey);
      if (!claim) claims.set(claimKey, { dataset: d, entities: new Set([alias[1]]) });
      if (!claim || claim.dataset === d) {
        claim?.entities.add(alias[1]);
        page.aliases.push(alias);
        continue;
      }
      for (const winner of claim.entities) {
        link(winner, alias[1]);
        link(alias[1], winner);
      }
    }
  });
  search.entities = page.entities;
  return { key: version, page, search, also, rows: new Map(rows.map((row) => [row.id, row])) };
}

/** The matcher snapshot for pages. */
export async function loadPageSnapshot(db: BackstoryDB): Promise<MatcherSnapshot> {
  return (await combined(db)).page;
}

/** The snapshot the popup's search is built from (every alias of every enabled dataset). */
export async function loadSearchSnapshot(db: BackstoryDB): Promise<MatcherSnapshot> {
  return (await combined(db)).search;
}

/**
 * Entities by scoped id (unknown ids and ids of switched-off datasets are left out), scoped for pages.
 * Only the entities asked for are read (from their buckets); the names of those they refer to and
 * the shared aliases come from the joined snapshots in memory, or in a woken background from the
 * buckets and the stored shared aliases (see `namesOf`, `alsoOf`), so no snapshot is parsed unless
 * the shared aliases must be found again.
 */
export async function getPageEntities(db: BackstoryDB, ids: readonly string[]): Promise<EntityBundle> {
  const enabled = await enabledDatasets(db);
  const rows = new Map(enabled.map((row) => [row.id, row]));
  const also = await alsoOf(db, enabled);
  const unique = [...new Set(ids)];
  const found = new Map<string, PageEntity>();
  const sources: Source[] = [];
  for (const [dataset, local] of byDataset(unique, rows)) {
    const entities = await readEntities(db, dataset, local);
    const cited = new Set<string>();
    for (const entity of entities.values()) {
      const scoped = scopeEntity(dataset, entity) as PageEntity;
      scoped.from = rows.get(dataset)!.title;
      const others = also.get(scoped.id);
      if (others) scoped.also = others;
      found.set(scoped.id, scoped);
      for (const source of citedSources(entity)) cited.add(source);
    }
    for (const source of rows.get(dataset)!.sources) {
      if (cited.has(source.id)) sources.push({ ...source, id: scopedId(dataset, source.id) });
    }
  }
  const entities = unique.map((id) => found.get(id)).filter((entity): entity is PageEntity => entity !== undefined);
  const referred = [...new Set(entities.flatMap((entity) => [...referencedIds(entity)]))].filter((id) => !found.has(id));
  const named = await namesOf(db, referred, enabled, rows);
  const refs: EntityBundle['refs'] = [];
  for (const id of referred) {
    const other = named.get(id);
    if (other) refs.push({ id, name: other.name, kind: other.kind });
  }
  return { entities, sources, refs };
}

/** Scoped ids grouped by their (enabled) dataset, as the dataset's own ids; others are left out. */
function byDataset(ids: readonly string[], rows: ReadonlyMap<string, DatasetRow>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const scoped of ids) {
    const parts = splitScopedId(scoped);
    if (!parts || !rows.has(parts.dataset)) continue;
    const list = out.get(parts.dataset);
    if (list) list.push(parts.id);
    else out.set(parts.dataset, [parts.id]);
  }
  return out;
}

/**
 * Name and kind of these entities (scoped ids): from the joined snapshots when they are in memory
 * (an awake background), else from the entities' buckets, which hold the same names and kinds.
 */
async function namesOf(
  db: BackstoryDB,
  ids: readonly string[],
  enabled: readonly DatasetRow[],
  rows: ReadonlyMap<string, DatasetRow>,
): Promise<ReadonlyMap<string, { name: string; kind: EntityKind }>> {
  const joined = cache.get(db);
  if (joined?.key === versionOf(enabled)) {
    joined.byId ??= new Map(joined.page.entities.map((entity) => [entity.id, entity]));
    return joined.byId;
  }
  const named = new Map<string, { name: string; kind: EntityKind }>();
  for (const [dataset, local] of byDataset(ids, rows)) {
    for (const entity of (await readEntities(db, dataset, local)).values()) {
      named.set(scopedId(dataset, entity.id), { name: entity.name, kind: entity.kind });
    }
  }
  return named;
}

const NONE: ReadonlyMap<string, AlsoEntry[]> = new Map();

/**
 * The shared aliases of the enabled data: none with one dataset; else those of the joined snapshots
 * when they are in memory, or those stored for this version of the data (a woken background), and
 * only when neither is there, the snapshots joined again (which stores them for the next wake).
 */
async function alsoOf(db: BackstoryDB, rows: readonly DatasetRow[]): Promise<ReadonlyMap<string, AlsoEntry[]>> {
  if (rows.length < 2) return NONE;
  const key = versionOf(rows);
  const joined = cache.get(db);
  if (joined?.key === key) return joined.also;
  const known = storedAlso.get(db);
  if (known?.key === key) return known.also;
  const stored = await readSharedAliases(db, key, rows);
  if (stored) {
    storedAlso.set(db, { key, also: stored });
    return stored;
  }
  return (await combined(db)).also;
}
