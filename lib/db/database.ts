import Dexie, { type EntityTable } from 'dexie';
import type { Dataset, Entity, EntityKind } from '../schema/dataset';
import type { MatcherSnapshot } from '../match/snapshot';

/**
 * The Dexie database. Opened only in the extension's origin (the background and extension pages);
 * content scripts never import this module.
 *
 * `entities` holds the EFFECTIVE data: the imported dataset with the user's edits applied. Every
 * reader (snapshot, cards, search, lists) reads it and never has to merge layers. `edits` holds the
 * user layer itself, each edit with the imported version it was made against, so it can be reverted,
 * exported, and carried over (or flagged as a conflict) when a new dataset version arrives.
 */
export interface EntityRow {
  id: string;
  kind: EntityKind;
  /** Lower-cased, folded name: the list order. */
  nameKey: string;
  /** Folded alias forms and their word suffixes, for prefix search. */
  searchKeys: string[];
  entity: Entity;
}

export type DatasetMeta = Omit<Dataset, 'entities'> & {
  origin: 'bundled' | 'import';
  loadedAt: string;
  /** Counts every change to the data (import, edit, delete, revert, reset): part of the snapshot version. */
  revision?: number;
};

export interface MetaRow {
  key: 'dataset' | 'snapshot';
  value: DatasetMeta | MatcherSnapshot;
}

/** One local edit. `entity: null` is a deletion; `base: null` an entity the user added. */
export interface EditRow {
  id: string;
  entity: Entity | null;
  /** The imported version the edit was made against (null when the dataset has no such entity). */
  base: Entity | null;
  editedAt: string;
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
  entities: EntityTable<EntityRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  edits: EntityTable<EditRow, 'id'>;
  subscriptions: EntityTable<SubscriptionRow, 'id'>;
  pending: EntityTable<PendingRow, 'subscriptionId'>;
};

export function openDatabase(name = 'backstory'): BackstoryDB {
  const db = new Dexie(name) as BackstoryDB;
  // Schema versions only ever get appended; Dexie upgrades older databases step by step.
  db.version(1).stores({
    entities: '&id, kind, nameKey, *searchKeys',
    meta: '&key',
  });
  // Version 2: the user's edit layer, dataset subscriptions and updates waiting for review.
  db.version(2).stores({
    edits: '&id, editedAt',
    subscriptions: '&id, url',
    pending: '&subscriptionId',
  });
  return db;
}
