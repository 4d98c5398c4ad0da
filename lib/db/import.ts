import { diffImport, planImport, type ImportDiff, type ImportPlan, type Resolutions } from '../dataset/diff';
import type { Correction } from '../corrections/rules';
import {
  diffEditsImport,
  isEditsFile,
  planEditsImport,
  validateEditsFile,
  type FileCorrection,
  type FileEdit,
} from '../dataset/edits-file';
import type { DatasetHeader } from '../dataset/export';
import { checkIntegrity, checkStructure, parseDatasetText, validateDataset, type Problem } from '../dataset/validate';
import type { Dataset } from '../schema/dataset';
import { commitData, StaleDataError, SubscriptionGoneError, type DatasetInfo } from './commit';
import { newCorrections, TooManyCorrectionsError } from './corrections';
import { scopedId } from './scope';
import type { BackstoryDB, DatasetSource } from './tables';
import { relativeToEntity } from './entity-edits';
import { headerOf, NoDatasetError, readState, type StoredState } from './state';

/**
 * An import, in the stages the options page shows: parse, validate, dry-run diff, apply. Nothing is
 * written before `applyPrepared`, which writes everything in one transaction (see `commitData`), so a
 * file that fails any stage, or an import the user cancels, leaves the data exactly as it was.
 * The same functions serve file and URL imports, subscription updates and the bundled dataset.
 */
export type Validated =
  { kind: 'dataset'; dataset: Dataset } | { kind: 'edits'; datasetId: string; edits: FileEdit[]; corrections: FileCorrection[] };

export type StageResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Size limit and JSON syntax. */
export function parseImportText(text: string): StageResult<unknown> {
  const parsed = parseDatasetText(text);
  return parsed.ok ? { ok: true, value: parsed.raw } : parsed;
}

/** A dataset (the schema and the integrity rules) or a local-edits file (see `edits-file.ts`). */
export function validateImport(raw: unknown): StageResult<Validated> {
  if (isEditsFile(raw)) {
    const structural = checkStructure(raw);
    if (structural.length) return { ok: false, problems: structural };
    const result = validateEditsFile(raw);
    if (!result.ok) return result;
    const { datasetId, edits, corrections } = result;
    return { ok: true, value: { kind: 'edits', datasetId, edits, corrections } };
  }
  const result = validateDataset(raw);
  return result.ok ? { ok: true, value: { kind: 'dataset', dataset: result.dataset } } : result;
}

export interface Prepared {
  validated: Validated;
  /** The dataset of the library the import goes to, as it is now (`meta` null: a new dataset). */
  state: StoredState;
  diff: ImportDiff;
}

/** Which dataset an import changes: the file's dataset id, new to the library or not. */
export interface ImportTarget {
  id: string;
  /** The title in the library (the file's title for a new dataset). */
  title: string;
  isNew: boolean;
}

export function targetOf({ validated, state }: Pick<Prepared, 'validated' | 'state'>): ImportTarget {
  const title = state.meta?.title ?? (validated.kind === 'dataset' ? validated.dataset.title : state.dataset);
  return { id: state.dataset, title, isNew: state.meta === null };
}

/**
 * The dry run: what the import would change, against the dataset of the same id as it is now (a new
 * id adds a dataset: everything is added). A local-edits file applies to the dataset it names.
 */
export async function prepareImport(db: BackstoryDB, validated: Validated): Promise<Prepared> {
  const dataset = validated.kind === 'dataset' ? validated.dataset.id : validated.datasetId;
  const state = await readState(db, dataset);
  if (validated.kind === 'edits' && !state.meta) throw new NoDatasetError(dataset);
  if (validated.kind === 'dataset') return { validated, state, diff: diffImport(state, validated.dataset.entities) };
  const diff = diffEditsImport(state, validated.edits);
  diff.corrections = (await newCorrections(db, scopedCorrections(dataset, validated.corrections))).length;
  return { validated, state, diff };
}

/** A file's corrections as the library keeps them: their entities scoped to the dataset, each with a new id. */
function scopedCorrections(dataset: string, corrections: readonly FileCorrection[]): Correction[] {
  return corrections.map((correction) => ({ id: crypto.randomUUID(), ...correction, entity: scopedId(dataset, correction.entity) }));
}

export type ApplyResult =
  | { ok: true; info: DatasetInfo; editsKept: number; correctionsAdded?: number }
  | { ok: false; reason: 'unresolved'; ids: string[]; message: string }
  | { ok: false; reason: 'problems'; problems: Problem[]; message: string }
  | { ok: false; reason: 'stale'; message: string }
  | { ok: false; reason: 'gone'; message: string };

export interface ApplyOptions {
  /** Where a dataset comes from ('file' unless said); an edits file keeps the dataset's. */
  source?: DatasetSource;
  now?: string;
  /** Applies only while this subscription exists (see `commitData`). */
  whileSubscribed?: string;
}

/** Applies a prepared import with the user's choice for each conflict, in one transaction. */
export async function applyPrepared(
  db: BackstoryDB,
  prepared: Prepared,
  resolutions: Resolutions,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const { validated, state } = prepared;
  const now = options.now ?? new Date().toISOString();
  let plan: ImportPlan;
  let header: DatasetHeader;
  let source: DatasetSource;
  let loadedAt: string;
  if (validated.kind === 'dataset') {
    const { entities, ...rest } = validated.dataset;
    plan = planImport(state, entities, resolutions);
    header = rest;
    // A file with the id of a subscribed dataset updates it; the subscription still feeds it.
    source = options.source ?? (state.meta?.source === 'url' ? 'url' : 'file');
    loadedAt = now;
  } else {
    plan = planEditsImport(state, validated.edits, resolutions, now);
    const meta = state.meta!;
    header = headerOf(meta);
    source = meta.source;
    loadedAt = meta.loadedAt;
  }
  if (plan.unresolved.length) {
    const n = plan.unresolved.length;
    return {
      ok: false,
      reason: 'unresolved',
      ids: plan.unresolved,
      message: `Choose "keep mine" or "take theirs" for ${n} conflict${n === 1 ? '' : 's'} first.`,
    };
  }
  // A validated dataset is consistent on its own; with local edits on top it has to be checked again.
  if (plan.edits.length || validated.kind === 'edits') {
    const problems = checkIntegrity({ ...header, entities: plan.effective }).map(relativeToEntity);
    if (problems.length) {
      return {
        ok: false,
        reason: 'problems',
        problems,
        message: 'With your local edits on top, the data would be inconsistent. Nothing was changed.',
      };
    }
  }
  const corrections = validated.kind === 'edits' ? scopedCorrections(state.dataset, validated.corrections) : [];
  try {
    const data = { header, source, loadedAt, effective: plan.effective, edits: plan.edits, corrections };
    const { info, correctionsAdded } = await commitData(db, data, state.revision, options.whileSubscribed);
    return { ok: true, info, editsKept: plan.edits.length, ...(validated.kind === 'edits' ? { correctionsAdded } : {}) };
  } catch (error) {
    if (error instanceof StaleDataError) return { ok: false, reason: 'stale', message: error.message };
    if (error instanceof TooManyCorrectionsError)
      return {
        ok: false,
        reason: 'problems',
        problems: [{ path: '$.corrections', message: error.message }],
        message: 'Nothing was changed.',
      };
    if (error instanceof SubscriptionGoneError) return { ok: false, reason: 'gone', message: error.message };
    throw error;
  }
}

/** Every stage at once, for callers with no one to show a dry run to (tests, the bundled dataset). */
export async function importText(
  db: BackstoryDB,
  text: string,
  resolutions: Resolutions = {},
  options: ApplyOptions = {},
): Promise<ApplyResult | { ok: false; reason: 'invalid'; problems: Problem[]; message: string }> {
  const parsed = parseImportText(text);
  if (!parsed.ok) return { ok: false, reason: 'invalid', problems: parsed.problems, message: 'The file is not a valid dataset.' };
  const validated = validateImport(parsed.value);
  if (!validated.ok) return { ok: false, reason: 'invalid', problems: validated.problems, message: 'The file is not a valid dataset.' };
  return applyPrepared(db, await prepareImport(db, validated.value), resolutions, options);
}
