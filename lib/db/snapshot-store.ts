import type { MatcherSnapshot, SnapshotEntity } from '../match/snapshot';
import { Catalog } from './catalog';
import type { BackstoryDB } from './tables';
import { NoDatasetError, snapshotVersion } from './state';

/**
 * The matcher snapshot is stored as JSON text (one string row, cheap to write) and parsed once per
 * data version; the parsed snapshot and the catalog built from it are kept in memory until the data
 * changes. Every read checks the small dataset row first, so a change made anywhere is seen at once.
 */
interface Cached {
  version: string;
  snapshot: MatcherSnapshot;
  catalog?: Catalog;
  byId?: Map<string, SnapshotEntity>;
}

const cache = new WeakMap<BackstoryDB, Cached>();

async function current(db: BackstoryDB): Promise<Cached> {
  return db.transaction('r', db.meta, async () => {
    const meta = (await db.meta.get('dataset'))?.value;
    if (!meta) throw new NoDatasetError();
    const version = snapshotVersion(meta);
    const cached = cache.get(db);
    if (cached?.version === version) return cached;
    const json = (await db.meta.get('snapshot'))?.json;
    if (json === undefined) throw new NoDatasetError();
    const fresh: Cached = { version, snapshot: JSON.parse(json) as MatcherSnapshot };
    cache.set(db, fresh);
    return fresh;
  });
}

export async function loadSnapshot(db: BackstoryDB): Promise<MatcherSnapshot> {
  return (await current(db)).snapshot;
}

export async function loadCatalog(db: BackstoryDB): Promise<Catalog> {
  const cached = await current(db);
  cached.catalog ??= new Catalog(cached.snapshot);
  return cached.catalog;
}

/** Every entity's name and kind, by id (from the snapshot, once per data version). */
export async function loadEntityIndex(db: BackstoryDB): Promise<Map<string, SnapshotEntity>> {
  const cached = await current(db);
  cached.byId ??= new Map(cached.snapshot.entities.map((entity) => [entity.id, entity]));
  return cached.byId;
}
