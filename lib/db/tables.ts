import type { Dexie, EntityTable, Table } from 'dexie';
import type { Correction } from '../corrections/rules';
import type { LocalEdit } from '../dataset/edits';
import type { Dataset, Entity, EntityKind } from '../schema/dataset';

/**
 * The rows of Backstory's database (see `database.ts`), background and extension pages only.
 *
 * The database holds a LIBRARY of datasets, the bundled one among them. Each dataset has one row in
 * `datasets` (its header, where it came from, its counts, its on/off switch and its place in the
 * order) and its own rows in the other tables, keyed by the dataset's id:
 * - `entityBuckets`: the EFFECTIVE data of the dataset (the imported entities with the user's edits
 *   applied), as JSON text: each entity goes to bucket `bucketOf(id)` (one of 1,024) and each bucket
 *   is one row holding a JSON array. Writing 100,000 entities is then about a thousand string rows
 *   rather than 100,000 structured-cloned objects (which took tens of seconds in Chromium), and
 *   reading one entity parses one small bucket.
 * - `snapshots`: the dataset's matcher snapshot as JSON text; it carries the names, kinds and
 *   aliases that lists and search need.
 * - `matchers`: derived, never the only copy of anything: the matcher of the enabled datasets in its
 *   compact form (see `matcher-store.ts`), so a woken background need not build it again.
 * - `sharedAliases`: derived too: which entities of other enabled datasets share an alias with an
 *   entity (see `shared-aliases.ts`), so a woken background gives a page its cards without joining
 *   every snapshot.
 * - `entityEdits`: the user layer itself, each edit with the imported version it was made against,
 *   so it can be reverted, exported, and carried over (or flagged as a conflict) when a new version of
 *   the dataset arrives.
 * - `corrections`: the rest of the user layer, the reader's corrections of marks (see
 *   lib/corrections/rules.ts), keyed by their own id; each names its entity by scoped id.
 */
export const BUNDLED_DATASET_ID = 'backstory-bundled';

export interface BucketRow {
  dataset: string;
  key: number;
  /** JSON array of the bucket's entities, sorted by id. */
  json: string;
}

/** Where a dataset came from: the one shipped with Backstory, a file, or a subscribed URL. */
export type DatasetSource = 'bundled' | 'file' | 'url';

export type DatasetMeta = Omit<Dataset, 'entities'> & {
  source: DatasetSource;
  loadedAt: string;
  /** Counts every change to the dataset (import, edit, delete, revert, reset): part of its snapshot version. */
  revision?: number;
  /** Entities per kind in the effective data. */
  counts?: Record<EntityKind, number>;
};

/** A dataset of the library: its header and, for the library, whether it is on and its priority. */
export type DatasetRow = DatasetMeta & {
  enabled: boolean;
  /** Lower first: where two datasets give the same alias to different entities, the lower order wins. */
  order: number;
};

export interface SnapshotRow {
  dataset: string;
  json: string;
}

export type EditRow = LocalEdit & { dataset: string };

/** The one stored matcher: `key` says which data and kinds it was built from; `matcher` is checked when read. */
export interface MatcherRow {
  id: 'page';
  key: string;
  matcher: unknown;
}

/** The one stored list of shared aliases: `key` says which data it was found in; `json` is checked when read. */
export interface SharedAliasesRow {
  id: 'page';
  key: string;
  json: string;
}

/**
 * Small facts about the library: `bundled` says the bundled dataset was removed by the user (so it is
 * not loaded again at start) or should come back switched off; `everLoaded` notes that the database
 * once held data, so an emptied one is known to have been cleared by the browser.
 */
export type MarkerRow = { key: 'bundled'; value: 'removed' | 'off' } | { key: 'everLoaded'; value: string };

export type SubscriptionStatus = 'new' | 'updated' | 'unchanged' | 'waiting' | 'error';

/** A dataset URL checked on a schedule. */
export interface SubscriptionRow {
  id: string;
  url: string;
  addedAt: string;
  /** The dataset this URL feeds, once known (set by the first update applied). */
  datasetId?: string;
  etag?: string;
  lastModified?: string;
  lastChecked?: string;
  status: SubscriptionStatus;
  /** Human-readable outcome of the last check (an error, or what happened). */
  message?: string;
  /** Version of the dataset last seen at the URL. */
  version?: string;
  /** The last check failed because Backstory may not read the URL's origin. */
  needsPermission?: boolean;
}

/** A subscription update held for the user's review (conflicts, a new id, many removals). */
export interface PendingRow {
  subscriptionId: string;
  text: string;
  etag?: string;
  lastModified?: string;
  receivedAt: string;
  /** Why it waits, as the options page says it. */
  reason?: string;
}

/** Version 1 stored one row per entity (and the snapshot as an object); kept to migrate from it. */
export interface EntityRowV1 {
  id: string;
  kind: EntityKind;
  nameKey: string;
  searchKeys: string[];
  entity: Entity;
}

/** Versions 2 and 3 held one dataset: its header in meta 'dataset', its snapshot in meta 'snapshot'. */
export interface MetaRowV3 {
  key: 'dataset' | 'snapshot';
  value?: Omit<DatasetMeta, 'source'> & { origin: 'bundled' | 'import' };
  json?: string;
}

export type BackstoryDB = Dexie & {
  datasets: EntityTable<DatasetRow, 'id'>;
  entityBuckets: Table<BucketRow, [string, number]>;
  entityEdits: Table<EditRow, [string, string]>;
  snapshots: EntityTable<SnapshotRow, 'dataset'>;
  matchers: EntityTable<MatcherRow, 'id'>;
  sharedAliases: EntityTable<SharedAliasesRow, 'id'>;
  markers: EntityTable<MarkerRow, 'key'>;
  subscriptions: EntityTable<SubscriptionRow, 'id'>;
  pending: EntityTable<PendingRow, 'subscriptionId'>;
  corrections: EntityTable<Correction, 'id'>;
};
