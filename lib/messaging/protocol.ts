import { z } from 'zod';
import type { DiffSummary } from '../dataset/diff';
import { checkSubscriptionUrl } from '../dataset/fetch';
import { MAX_DATASET_BYTES, type Problem } from '../dataset/validate';
import type { BrowsePage, EntityDetail } from '../db/browse';
import type { DatasetInfo } from '../db/commit';
import { MAX_CORRECTIONS } from '../corrections/schema';
import type { CorrectionView } from '../db/corrections';
import type { ChangeResult } from '../db/entity-edits';
import type { ApplyResult, ImportTarget } from '../db/import';
import type { Library } from '../db/library';
import type { EntityBundle } from '../db/pages';
import type { SubscriptionView } from '../db/subscriptions';
import type { MatchAnswer } from '../match/remote';
import { Entity } from '../schema/dataset';
import { ENTITY_KINDS } from '../schema/kinds';
import type { SearchHit } from '../search/search-index';
import type { Settings } from '../settings/settings';

/**
 * Every message to the background, declared once: its Zod-validated payload, its result type and,
 * by the group it is in, who may send it. The client (`client.ts`) and the handler map
 * (`handlers.ts`) take their types from here, so a new message is one entry here and one handler.
 */

declare const resultType: unique symbol;

/** One message: the payload schema, and the result type (a type only: it has no value at run time). */
export interface Call<P extends z.ZodType = z.ZodType, R = unknown> {
  readonly payload: P;
  readonly [resultType]?: { result: R };
}

/**
 * A message whose payload schema is built the first time one arrives: the worker that wakes for a
 * page's question then builds the few schemas that page's messages need, not all of them.
 */
function call<R>() {
  return <P extends z.ZodType>(build: () => P): Call<P, R> => {
    let payload: P | undefined;
    return {
      get payload() {
        return (payload ??= build());
      },
    };
  };
}

const none = z.strictObject({});
const id = z.string().min(1).max(120);
/** An entity id as pages see it: "datasetId/entityId" (see lib/db/scope.ts). */
const scopedId = z.string().min(3).max(241);
const dataset = id;
const token = z.string().min(1).max(64);
const httpUrl = z
  .string()
  .max(2_000)
  .refine((value) => /^https?:\/\//i.test(value), 'must start with http:// or https://');
const httpsUrl = z
  .string()
  .max(2_000)
  .refine((value) => checkSubscriptionUrl(value).ok, 'must be an https:// address (subscriptions are checked over https only)');
/** What the options form was loaded from (see `stampOf`): a change from a stale tab is refused. */
const stamp = z.string().max(64).optional();

/** A correction's id (a UUID the background made). */
const correctionId = z.string().min(1).max(64);

/**
 * What a content script may send: only what it uses. A content script runs in a news page's
 * process, so these read no more than a card shows, and the one thing they may change is the
 * reader's own corrections of marks made from the card: a correction can only hide marks (never add
 * text or change a card), its page and site are read from the sender as the browser reports it, and
 * a card may undo only a correction its own tab just made. Backstory's pages may send them too.
 */
export const contentScriptCalls = {
  /**
   * The reader's settings (validated here, so the script every page loads carries no schema), and
   * whether Backstory runs on the sender's page: its host as the browser reports it.
   */
  pageSettings: call<{ active: boolean; settings: Settings }>()(() => none),
  /**
   * The mentions in a batch of the page's blocks (matching runs here, once per browser: no matcher
   * tables in the tab), for the kinds the reader marks, over every enabled dataset (entity ids
   * scoped: "datasetId/entityId").
   */
  matchBlocks: call<MatchAnswer>()(() =>
    z.strictObject({
      texts: z.array(z.string().max(200_000)).max(2_000),
      kinds: z.array(z.enum(ENTITY_KINDS)).max(ENTITY_KINDS.length),
    }),
  ),
  /**
   * Entities by scoped id, in one batch (the page's cast), with the sources they cite, the names of
   * the entities they refer to, and for each the entities of other datasets sharing an alias with it
   * (`also`). Unknown ids are left out.
   */
  getEntities: call<EntityBundle>()(() => z.strictObject({ ids: z.array(scopedId).max(10_000) })),
  /**
   * Injects the card's code into the sender's frame, in the content script's world (see
   * entrypoints/card/): on the first hover, or in idle time once the page has a cast.
   */
  loadCard: call<null>()(() => none),
  /**
   * "Not this" and "Don't mark" from the card: hides the entity's marks by these words on the sender's
   * page, on its site, or everywhere, or every mark of the entity (scope "entity").
   */
  correctMark: call<{ id: string }>()(() =>
    z.strictObject({
      entityId: scopedId,
      text: z.string().min(1).max(300).optional(),
      scope: z.enum(['page', 'site', 'everywhere', 'entity']),
    }),
  ),
  /** The card's "Undo", for a correction the same tab made in the last few minutes. */
  undoCorrection: call<null>()(() => z.strictObject({ id: correctionId })),
  /** How many distinct entities the page names, for the toolbar badge of the sender's tab. */
  reportCast: call<null>()(() => z.strictObject({ count: z.number().int().min(0).max(1_000_000) })),
};

/** Where an import's file comes from (built with the payloads that take it, on first use). */
const importSource = () =>
  z.discriminatedUnion('kind', [
    /** A file the page picked, as a blob: URL of the extension's own origin, read by the background. */
    z.strictObject({ kind: z.literal('blob'), name: z.string().max(300), url: z.string().max(300).startsWith('blob:') }),
    /** Dataset text sent in the message (slower for big files: the message is copied twice). */
    z.strictObject({ kind: z.literal('text'), name: z.string().max(300), text: z.string().max(MAX_DATASET_BYTES) }),
    z.strictObject({ kind: z.literal('url'), url: httpUrl }),
    /** A subscription update waiting for review. */
    z.strictObject({ kind: z.literal('pending'), subscriptionId: id }),
  ]);

export type StageResult =
  | { ok: true; token: string; label: string; bytes: number }
  | { ok: false; reason: 'invalid'; problems: Problem[] }
  | { ok: false; reason: 'needs-permission'; origin: string; message: string }
  | { ok: false; reason: 'error'; message: string };

type ValidateResult =
  { ok: true; kind: 'dataset' | 'edits'; title: string; version: string; entityCount: number } | { ok: false; problems: Problem[] };

export type ApplyImportResult = ApplyResult | { ok: false; reason: 'expired'; message: string };

type AddSubscriptionResult =
  | { ok: true; subscription: SubscriptionView }
  | { ok: false; reason: 'needs-permission'; origin: string; message: string }
  | { ok: false; reason: 'error'; message: string };

/** What only Backstory's own pages (the popup and the options page) may send. */
export const extensionPageCalls = {
  /** Search over names and aliases. */
  search: call<SearchHit[]>()(() => z.strictObject({ query: z.string().max(200), limit: z.number().int().min(1).max(100).optional() })),

  /** The library: every dataset in its order, with its switch, counts, local edits and pending updates. */
  getLibrary: call<Library>()(() => none),
  setDatasetEnabled: call<DatasetInfo>()(() => z.strictObject({ dataset, enabled: z.boolean() })),
  /** One place up (higher priority) or down in the order. */
  moveDataset: call<null>()(() => z.strictObject({ dataset, direction: z.enum(['up', 'down']) })),
  /** Removes a dataset with its edits, the corrections of its entities and its subscription (the bundled one can be restored). */
  removeDataset: call<null>()(() => z.strictObject({ dataset })),
  restoreBundled: call<DatasetInfo>()(() => none),

  /** A page of one dataset's entities for the options list: all, or only the edited ones; optionally searched. */
  browseEntities: call<BrowsePage>()(() =>
    z.strictObject({
      dataset,
      query: z.string().max(200),
      filter: z.enum(['all', 'edited']),
      offset: z.number().int().min(0).max(1_000_000),
      limit: z.number().int().min(1).max(200),
    }),
  ),
  /** One entity with its local edit, the sources it cites and the names it refers to. */
  getEntityDetail: call<EntityDetail>()(() => z.strictObject({ dataset, id })),
  saveEntity: call<ChangeResult>()(() => z.strictObject({ dataset, entity: Entity, mode: z.enum(['create', 'update']), stamp })),
  deleteEntity: call<ChangeResult>()(() => z.strictObject({ dataset, id, stamp })),
  revertEntity: call<ChangeResult>()(() => z.strictObject({ dataset, id, stamp })),

  /** Import, stage 1: receive, read or fetch the file. Returns a token for the next stages. */
  stageImport: call<StageResult>()(() => z.strictObject({ source: importSource() })),
  /** Import, stage 2: parse (size limit, JSON syntax). */
  parseImport: call<{ ok: true } | { ok: false; problems: Problem[] }>()(() => z.strictObject({ token })),
  /** Import, stage 3: validate (every problem, with its JSON path and entity id). */
  validateImport: call<ValidateResult>()(() => z.strictObject({ token })),
  /** Import, stage 4: dry-run diff against the dataset of the same id (a new id: a new dataset, all added). */
  diffImport: call<{ ok: true; diff: DiffSummary; target: ImportTarget } | { ok: false; message: string }>()(() =>
    z.strictObject({ token }),
  ),
  /** Import, stage 5: apply in one transaction, with a choice for every conflict. */
  applyImport: call<ApplyImportResult>()(() =>
    z.strictObject({
      token,
      resolutions: z.record(id, z.enum(['mine', 'theirs'])),
      /** The choice for every conflict without one of its own ("keep all mine", "take all theirs"). */
      otherwise: z.enum(['mine', 'theirs']).optional(),
    }),
  ),
  cancelImport: call<null>()(() => z.strictObject({ token })),

  /** A backup of everything (every dataset, its switch and place, edits, corrections, subscriptions, settings), fetched part by part like an export. */
  exportBackup: call<{ filename: string; token: string; parts: number }>()(() => none),
  /** Replaces everything with a backup file's content, in one transaction (nothing changes if the file is refused). */
  restoreBackup: call<{ ok: true; datasets: number } | { ok: false; problems: Problem[]; message: string }>()(() => {
    // A file picked or its text: a backup is never fetched from an address.
    const [blob, text] = importSource().options;
    return z.strictObject({ source: z.discriminatedUnion('kind', [blob, text]) });
  }),

  /** Prepares an export; its text is then fetched part by part (one message stays far below the 64 MB cap). */
  exportData: call<{ filename: string; token: string; parts: number }>()(() =>
    z.strictObject({ dataset, what: z.enum(['full', 'edits']) }),
  ),
  exportPart: call<{ text: string }>()(() => z.strictObject({ token, index: z.number().int().min(0).max(10_000) })),
  /** The bundled dataset back to its shipped version, keeping the local edits to it or not. */
  resetToBundled: call<ApplyImportResult>()(() => z.strictObject({ keepEdits: z.boolean() })),

  listSubscriptions: call<SubscriptionView[]>()(() => none),
  addSubscription: call<AddSubscriptionResult>()(() => z.strictObject({ url: httpsUrl })),
  removeSubscription: call<null>()(() => z.strictObject({ id })),
  /** A new address for a subscription: checked before the old one is dropped. */
  changeSubscriptionUrl: call<AddSubscriptionResult>()(() => z.strictObject({ id, url: httpsUrl })),
  checkSubscription: call<SubscriptionView>()(() => z.strictObject({ id })),

  /** The reader's corrections of marks, newest first (each says whether its entity is still in the data). */
  listCorrections: call<CorrectionView[]>()(() => none),
  /** Takes corrections back: their marks return on open pages. */
  removeCorrections: call<{ removed: number }>()(() => z.strictObject({ ids: z.array(correctionId).min(1).max(MAX_CORRECTIONS) })),
};

export type ContentScriptCalls = typeof contentScriptCalls;
export type Protocol = ContentScriptCalls & typeof extensionPageCalls;
export type MessageName = keyof Protocol;

const everyCall: Record<string, Call> = { ...contentScriptCalls, ...extensionPageCalls };

/** Who may send a message (every part of Backstory, or only its own pages) and its payload schema; undefined for an unknown name. */
export function lookUpCall(name: string): { sender: 'content-script' | 'extension-page'; payload: z.ZodType } | undefined {
  if (!Object.hasOwn(everyCall, name)) return undefined;
  const sender = Object.hasOwn(contentScriptCalls, name) ? 'content-script' : 'extension-page';
  return { sender, payload: everyCall[name]!.payload };
}

export type PayloadOf<C> = C extends Call<infer P, unknown> ? z.input<P> : never;
export type ParsedPayloadOf<C> = C extends Call<infer P, unknown> ? z.output<P> : never;
export type ResultOf<C> = C extends { readonly [resultType]?: { result: infer R } } ? R : never;

/** The envelope every message travels in. */
export const Envelope = z.strictObject({
  backstory: z.literal(1),
  name: z.string().max(64),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof Envelope>;

/** Errors cross the boundary as data, never as thrown objects. */
export type Response<T> = { ok: true; result: T } | { ok: false; error: string };
