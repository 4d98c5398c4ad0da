import { diffImport, planImport, type ImportDiff, type ImportPlan, type Resolutions } from '../dataset/diff';
import { diffEditsImport, isEditsFile, planEditsImport, validateEditsFile, type FileEdit } from '../dataset/edits-file';
import type { DatasetHeader } from '../dataset/export';
import { checkIntegrity, checkStructure, parseDatasetText, validateDataset, type Problem } from '../dataset/validate';
import type { Dataset } from '../schema/dataset';
import { commitData, StaleDataError, type DatasetInfo } from './commit';
import type { BackstoryDB, DatasetMeta } from './tables';
import { relativeToEntity } from './entity-edits';
import { headerOf, readState, type StoredState } from './state';

/**
 * An import, in the stages the options page shows: parse, validate, dry-run diff, apply. Nothing is
 * written before `applyPrepared`, which writes everything in one transaction (see `commitData`), so a
 * file that fails any stage, or an import the user cancels, leaves the data exactly as it was.
 * The same functions serve file and URL imports, subscription updates and the bundled dataset.
 */
export type Validated = { kind: 'dataset'; dataset: Dataset } | { kind: 'edits'; edits: FileEdit[] };

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
    return result.ok ? { ok: true, value: { kind: 'edits', edits: result.edits } } : result;
  }
  const result = validateDataset(raw);
  return result.ok ? { ok: true, value: { kind: 'dataset', dataset: result.dataset } } : result;
}

export interface Prepared {
  validated: Validated;
  state: StoredState;
  diff: ImportDiff;
}

/** The dry run: what the import would change, against the data as it is now. */
export async function prepareImport(db: BackstoryDB, validated: Validated): Promise<Prepared> {
  const state = await readState(db);
  const diff = validated.kind === 'dataset' ? diffImport(state, validated.dataset.entities) : diffEditsImport(state, validated.edits);
  return { validated, state, diff };
}

export type ApplyResult =
  | { ok: true; info: DatasetInfo; editsKept: number }
  | { ok: false; reason: 'unresolved'; ids: string[]; message: string }
  | { ok: false; reason: 'problems'; problems: Problem[]; message: string }
  | { ok: false; reason: 'stale'; message: string };

export interface ApplyOptions {
  origin?: DatasetMeta['origin'];
  now?: string;
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
  let origin: DatasetMeta['origin'];
  let loadedAt: string;
  if (validated.kind === 'dataset') {
    const { entities, ...rest } = validated.dataset;
    plan = planImport(state, entities, resolutions);
    header = rest;
    origin = options.origin ?? 'import';
    loadedAt = now;
  } else {
    plan = planEditsImport(state, validated.edits, resolutions, now);
    header = headerOf(state.meta);
    origin = state.meta.origin;
    loadedAt = state.meta.loadedAt;
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
  try {
    const info = await commitData(db, { header, origin, loadedAt, effective: plan.effective, edits: plan.edits }, state.revision);
    return { ok: true, info, editsKept: plan.edits.length };
  } catch (error) {
    if (error instanceof StaleDataError) return { ok: false, reason: 'stale', message: error.message };
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
