import type { Dexie, EntityTable } from 'dexie';
import type { LocalEdit } from '../dataset/edits';
import type { Dataset, Entity, EntityKind } from '../schema/dataset';

/**
 * The rows of Backstory's database (see `database.ts`), background and extension pages only.
 *
 * The EFFECTIVE data (the imported dataset with the user's edits applied) is what every reader sees.
 * It is stored as JSON text in `buckets`: each entity goes to bucket `bucketOf(id)` (one of 1,024),
 * and each bucket is one row holding a JSON array. Writing 100,000 entities is then about a thousand
 * string rows rather than 100,000 structured-cloned objects (which took tens of seconds in Chromium),
 * reading one entity parses one small bucket, and the matcher snapshot (JSON text in `meta`) carries
 * the names, kinds and aliases that lists and search need. `edits` holds the user layer itself, each
 * edit with the imported version it was made against, so it can be reverted, exported, and carried
 * over (or flagged as a conflict) when a new dataset version arrives.
 */
export interface BucketRow {
  key: number;
  /** JSON array of the bucket's entities, sorted by id. */
  json: string;
}

export type DatasetMeta = Omit<Dataset, 'entities'> & {
  origin: 'bundled' | 'import';
  loadedAt: string;
  /** Counts every change to the data (import, edit, delete, revert, reset): part of the snapshot version. */
  revision?: number;
  /** Entities per kind in the effective data. */
  counts?: Record<EntityKind, number>;
};

/** 'dataset' holds the header in `value`; 'snapshot' the matcher snapshot as JSON text in `json`. */
export interface MetaRow {
  key: 'dataset' | 'snapshot';
  value?: DatasetMeta;
  json?: string;
}

export type EditRow = LocalEdit;

/** Version 1 stored one row per entity (and the snapshot as an object); kept to migrate from it. */
export interface EntityRowV1 {
  id: string;
  kind: EntityKind;
  nameKey: string;
  searchKeys: string[];
  entity: Entity;
}

export type SubscriptionStatus = 'new' | 'updated' | 'unchanged' | 'waiting' | 'error';

/** A dataset URL checked on a schedule. */
export interface SubscriptionRow {
  id: string;
  url: string;
  addedAt: string;
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

/** A subscription update that conflicts with local edits, kept until the user reviews it. */
export interface PendingRow {
  subscriptionId: string;
  text: string;
  etag?: string;
  lastModified?: string;
  receivedAt: string;
}

export type BackstoryDB = Dexie & {
  buckets: EntityTable<BucketRow, 'key'>;
  meta: EntityTable<MetaRow, 'key'>;
  edits: EntityTable<EditRow, 'id'>;
  subscriptions: EntityTable<SubscriptionRow, 'id'>;
  pending: EntityTable<PendingRow, 'subscriptionId'>;
};
