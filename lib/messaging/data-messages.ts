import { z } from 'zod';
import type { ConflictItem, DiffItem } from '../dataset/diff';
import type { EditStatus } from '../dataset/edits';
import { MAX_DATASET_BYTES, type Problem } from '../dataset/validate';
import { Entity, type EntityKind, type Source } from '../schema/dataset';
import type { DatasetInfo } from './protocol';

/**
 * Messages of the options page's data management (browse, edit, import, export, subscriptions).
 * Part of the one protocol map in `protocol.ts`; kept in its own file because it is large.
 * Everything that writes, and everything that reads more than a card shows (exports, subscription
 * URLs), is `write: true`: accepted only from Backstory's own pages.
 */
const id = z.string().min(1).max(120);
const token = z.string().min(1).max(64);
const httpUrl = z
  .string()
  .max(2_000)
  .refine((value) => /^https?:\/\//i.test(value), 'must start with http:// or https://');

const ImportSource = z.discriminatedUnion('kind', [
  /** A file the page picked, as a blob: URL of the extension's own origin, read by the background. */
  z.strictObject({ kind: z.literal('blob'), name: z.string().max(300), url: z.string().max(300).startsWith('blob:') }),
  /** Dataset text sent in the message (slower for big files: the message is copied twice). */
  z.strictObject({ kind: z.literal('text'), name: z.string().max(300), text: z.string().max(MAX_DATASET_BYTES) }),
  z.strictObject({ kind: z.literal('url'), url: httpUrl }),
  /** A subscription update waiting for review. */
  z.strictObject({ kind: z.literal('pending'), subscriptionId: id }),
]);

export const dataMessages = {
  /** Overview of the data: the dataset, how many local edits, where it came from. */
  getDataOverview: { write: false, payload: z.strictObject({}) },
  /** A page of entities for the options list: all, or only the edited ones; optionally searched. */
  browseEntities: {
    write: false,
    payload: z.strictObject({
      query: z.string().max(200),
      filter: z.enum(['all', 'edited']),
      offset: z.number().int().min(0).max(1_000_000),
      limit: z.number().int().min(1).max(200),
    }),
  },
  /** One entity with its local edit, the sources it cites and the names it refers to. */
  getEntityDetail: { write: false, payload: z.strictObject({ id }) },
  saveEntity: { write: true, payload: z.strictObject({ entity: Entity, mode: z.enum(['create', 'update']) }) },
  deleteEntity: { write: true, payload: z.strictObject({ id }) },
  revertEntity: { write: true, payload: z.strictObject({ id }) },

  /** Import, stage 1: receive, read or fetch the file. Returns a token for the next stages. */
  stageImport: { write: true, payload: z.strictObject({ source: ImportSource }) },
  /** Import, stage 2: parse (size limit, JSON syntax). */
  parseImport: { write: true, payload: z.strictObject({ token }) },
  /** Import, stage 3: validate (every problem, with its JSON path and entity id). */
  validateImport: { write: true, payload: z.strictObject({ token }) },
  /** Import, stage 4: dry-run diff against the current data. */
  diffImport: { write: true, payload: z.strictObject({ token }) },
  /** Import, stage 5: apply in one transaction, with a choice for every conflict. */
  applyImport: {
    write: true,
    payload: z.strictObject({
      token,
      resolutions: z.record(id, z.enum(['mine', 'theirs'])),
      /** The choice for every conflict without one of its own ("keep all mine", "take all theirs"). */
      otherwise: z.enum(['mine', 'theirs']).optional(),
    }),
  },
  cancelImport: { write: true, payload: z.strictObject({ token }) },

  /** Prepares an export; its text is then fetched part by part (one message stays far below the 64 MB cap). */
  exportData: { write: true, payload: z.strictObject({ what: z.enum(['full', 'edits']) }) },
  exportPart: { write: true, payload: z.strictObject({ token, index: z.number().int().min(0).max(10_000) }) },
  /** Back to the bundled dataset, keeping the local edits or not. */
  resetToBundled: { write: true, payload: z.strictObject({ keepEdits: z.boolean() }) },

  listSubscriptions: { write: true, payload: z.strictObject({}) },
  addSubscription: { write: true, payload: z.strictObject({ url: httpUrl }) },
  removeSubscription: { write: true, payload: z.strictObject({ id }) },
  checkSubscription: { write: true, payload: z.strictObject({ id }) },
} as const;

export interface DataOverview {
  info: DatasetInfo;
  origin: 'bundled' | 'import';
  loadedAt: string;
  edits: Record<EditStatus, number>;
  /** Subscription updates waiting for the user because they conflict with local edits. */
  pendingUpdates: number;
}

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
}

export type ChangeResult = { ok: true; revision: number } | { ok: false; problems: Problem[] };

export type StageResult =
  | { ok: true; token: string; label: string; bytes: number }
  | { ok: false; reason: 'invalid'; problems: Problem[] }
  | { ok: false; reason: 'needs-permission'; origin: string; message: string }
  | { ok: false; reason: 'error'; message: string };

export type ValidateResult =
  { ok: true; kind: 'dataset' | 'edits'; title: string; version: string; entityCount: number } | { ok: false; problems: Problem[] };

/** The dry run, lists cut to a length a page can show (the counts are exact). */
export interface DiffSummary {
  counts: {
    added: number;
    changed: number;
    removed: number;
    conflicts: number;
    unchanged: number;
    keptEdits: number;
    absorbedEdits: number;
  };
  added: DiffItem[];
  changed: DiffItem[];
  removed: DiffItem[];
  conflicts: ConflictItem[];
}

export type ApplyImportResult =
  | { ok: true; info: DatasetInfo; editsKept: number }
  | { ok: false; reason: 'unresolved' | 'problems' | 'stale' | 'expired'; message: string; problems?: Problem[]; ids?: string[] };

export interface ExportResult {
  filename: string;
  token: string;
  parts: number;
}

export interface SubscriptionView {
  id: string;
  url: string;
  addedAt: string;
  lastChecked?: string;
  status: 'new' | 'updated' | 'unchanged' | 'waiting' | 'error';
  message?: string;
  version?: string;
  /** The last check failed because Backstory may not read the URL's origin. */
  needsPermission?: boolean;
}

export type AddSubscriptionResult =
  | { ok: true; subscription: SubscriptionView }
  | { ok: false; reason: 'needs-permission'; origin: string; message: string }
  | { ok: false; reason: 'error'; message: string };

export interface DataResults {
  getDataOverview: DataOverview;
  browseEntities: BrowsePage;
  getEntityDetail: EntityDetail;
  saveEntity: ChangeResult;
  deleteEntity: ChangeResult;
  revertEntity: ChangeResult;
  stageImport: StageResult;
  parseImport: { ok: true } | { ok: false; problems: Problem[] };
  validateImport: ValidateResult;
  diffImport: { ok: true; diff: DiffSummary } | { ok: false; message: string };
  applyImport: ApplyImportResult;
  cancelImport: null;
  exportData: ExportResult;
  exportPart: { text: string };
  resetToBundled: ApplyImportResult;
  listSubscriptions: SubscriptionView[];
  addSubscription: AddSubscriptionResult;
  removeSubscription: null;
  checkSubscription: SubscriptionView;
}
