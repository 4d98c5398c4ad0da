import Dexie, { type EntityTable } from 'dexie';
import type { Dataset, Entity, EntityKind } from '../schema/dataset';
import type { MatcherSnapshot } from '../match/snapshot';

/**
 * The Dexie database. Opened only in the extension's origin (the background and extension pages);
 * content scripts never import this module.
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

export type DatasetMeta = Omit<Dataset, 'entities'> & { origin: 'bundled' | 'import'; loadedAt: string };

export interface MetaRow {
  key: 'dataset' | 'snapshot';
  value: DatasetMeta | MatcherSnapshot;
}

export type BackstoryDB = Dexie & {
  entities: EntityTable<EntityRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export function openDatabase(name = 'backstory'): BackstoryDB {
  const db = new Dexie(name) as BackstoryDB;
  // Schema versions only ever get appended; Dexie upgrades older databases step by step.
  db.version(1).stores({
    entities: '&id, kind, nameKey, *searchKeys',
    meta: '&key',
  });
  return db;
}
