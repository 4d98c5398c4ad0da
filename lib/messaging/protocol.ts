import { z } from 'zod';
import type { Entity, EntityKind, Source } from '../schema/dataset';
import type { MatcherSnapshot } from '../match/snapshot';
import { dataMessages, type DataResults } from './data-messages';

/**
 * Every message between the extension's parts, in one map: its name, its Zod-validated payload,
 * and whether it writes. Write messages are accepted only from the extension's own pages.
 * Result types are listed in `ProtocolResults` below, under the same names.
 */
const id = z.string().min(1).max(120);

const coreMessages = {
  /** Content script: the matcher snapshot for the current dataset. */
  getSnapshot: { write: false, payload: z.strictObject({}) },
  /** Entities by id, in one batch (the page's cast). Unknown ids are left out. */
  getEntities: { write: false, payload: z.strictObject({ ids: z.array(id).max(10_000) }) },
  /** Popup search over names and aliases. */
  search: {
    write: false,
    payload: z.strictObject({ query: z.string().max(200), limit: z.number().int().min(1).max(100).optional() }),
  },
  /** Title, version and size of the loaded dataset. */
  getDatasetInfo: { write: false, payload: z.strictObject({}) },
  /** A page of entities in name order, optionally filtered by kind. */
  listEntities: {
    write: false,
    payload: z.strictObject({
      offset: z.number().int().min(0).max(1_000_000),
      limit: z.number().int().min(1).max(1_000),
    }),
  },
  /** Content script: how many distinct entities the page names (for the toolbar badge). */
  reportCast: { write: false, payload: z.strictObject({ count: z.number().int().min(0).max(1_000_000) }) },
  /** Replace the data with the bundled dataset. */
  resetDataset: { write: true, payload: z.strictObject({}) },
} as const;

export const protocol = { ...coreMessages, ...dataMessages } as const;

export type MessageName = keyof typeof protocol;
export type Payload<N extends MessageName> = z.input<(typeof protocol)[N]['payload']>;

export interface DatasetInfo {
  id: string;
  title: string;
  version: string;
  publishedAt: string;
  entityCount: number;
  counts: Record<EntityKind, number>;
}

export interface SearchHit {
  id: string;
  name: string;
  kind: EntityKind;
  /** The alias that matched, when it is not the name. */
  matched?: string;
  summary: string;
}

/** Entities with the sources they cite, everything a card needs. */
export interface EntityBundle {
  entities: Entity[];
  sources: Source[];
}

export interface EntityListItem {
  id: string;
  name: string;
  kind: EntityKind;
}

export interface ProtocolResults extends DataResults {
  getSnapshot: MatcherSnapshot;
  getEntities: EntityBundle;
  search: SearchHit[];
  getDatasetInfo: DatasetInfo;
  listEntities: { total: number; items: EntityListItem[] };
  reportCast: null;
  resetDataset: DatasetInfo;
}

export type Result<N extends MessageName> = ProtocolResults[N];

/** The envelope every message travels in. */
export const Envelope = z.strictObject({
  backstory: z.literal(1),
  name: z.string().max(64),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof Envelope>;

/** Errors cross the boundary as data, never as thrown objects. */
export type Response<T> = { ok: true; result: T } | { ok: false; error: string };
