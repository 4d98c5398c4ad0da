import type { MatcherSnapshot } from '../match/snapshot';
import { Catalog } from './catalog';
import type { BackstoryDB, DatasetRow } from './tables';
import { NoDatasetError, snapshotVersion } from './state';

/**
 * Each dataset's matcher snapshot is stored as JSON text (one string row, cheap to write) and parsed
 * once per data version; the parsed snapshot and the catalog built from it are kept in memory until
 * the dataset changes. Every read checks the dataset's small library row first, so a change made
 * anywhere is seen at once.
 */
interface Cached {
  key: string;
  snapshot: MatcherSnapshot;
  catalog?: Catalog;
}

const cache = new WeakMap<BackstoryDB, Map<string, Cached>>();

/** Tells two loads of a dataset apart even when both are its first revision of the same version. */
export function cacheKey(meta: DatasetRow): string {
  return `${snapshotVersion(meta)}~${meta.loadedAt}`;
}

async function current(db: BackstoryDB, dataset: string): Promise<Cached> {
  return db.transaction('r', db.datasets, db.snapshots, async () => {
    const meta = await db.datasets.get(dataset);
    if (!meta) throw new NoDatasetError(dataset);
    const key = cacheKey(meta);
    const perDb = cache.get(db) ?? new Map<string, Cached>();
    cache.set(db, perDb);
    const cached = perDb.get(dataset);
    if (cached?.key === key) return cached;
    const json = (await db.snapshots.get(dataset))?.json;
    if (json === undefined) throw new NoDatasetError(dataset);
    const fresh: Cached = { key, snapshot: JSON.parse(json) as MatcherSnapshot };
    perDb.set(dataset, fresh);
    return fresh;
  });
}

export async function loadSnapshot(db: BackstoryDB, dataset: string): Promise<MatcherSnapshot> {
  return (await current(db, dataset)).snapshot;
}

export async function loadCatalog(db: BackstoryDB, dataset: string): Promise<Catalog> {
  const cached = await current(db, dataset);
  cached.catalog ??= new Catalog(cached.snapshot);
  return cached.catalog;
}
