import { z } from 'zod';
import { checkConsistent, correctionFields, MAX_CORRECTIONS } from '../corrections/schema';
import { Entity, slug } from '../schema/dataset';
import { applyEdits, baseEntities, makeEdit, type LocalEdit } from './edits';
import { emptyDiff, item, type CurrentData, type ImportDiff, type ImportPlan, type Resolutions } from './diff';
import { jsonEqual } from './equal';
import { formatPath, type Problem } from './validate';

/**
 * The local-edits file: the user's layer over one dataset on its own (the edits, and the reader's
 * corrections of marks of its entities), to back it up or carry it to another browser. It is JSON of
 * this shape:
 *
 *   {
 *     "format": "backstory-edits",
 *     "formatVersion": 2,
 *     "dataset": { "id": "…", "version": "…" },        // the dataset the edits were made on
 *     "edits": [
 *       { "id": "some-entity", "entity": { …the whole entity, as in a dataset… } },
 *       { "id": "another-entity", "deleted": true }
 *     ],
 *     "corrections": [
 *       { "entity": "some-entity", "entityName": "…", "words": "folded words", "text": "Words",
 *         "site": "example.org", "createdAt": "2024-05-01T10:00:00.000Z" },    // or "page": "https://…/path"
 *       { "entity": "another-entity", "entityName": "…", "createdAt": "…" }     // every mark of the entity
 *     ]
 *   }
 *
 * Version 1 (before corrections) has no "corrections" and is still read. Entity ids are the
 * dataset's own (not scoped: the file is about one dataset). Edits are sorted by id, corrections by
 * date, entity, words and place. Importing the file applies each edit on top of the data loaded at
 * the time (replacing a local edit of the same entity only where the user says so) and adds the
 * corrections not already there (each with a new id), so exporting the edits, importing the file and
 * exporting again gives the same bytes.
 */
export const EDITS_FORMAT = 'backstory-edits';

/** A correction of a mark, its entity named by the dataset's own id. */
const fileCorrectionSchema = () => z.strictObject({ entity: slug, ...correctionFields() }).superRefine(checkConsistent);
export type FileCorrection = z.infer<ReturnType<typeof fileCorrectionSchema>>;

/** The file's schema, built on first use: the background loads this module each time its worker wakes. */
const EditsFile = z.lazy(() => {
  const PutEdit = z.strictObject({ id: slug, entity: Entity });
  const DeleteEdit = z.strictObject({ id: slug, deleted: z.literal(true) });
  const common = {
    format: z.literal(EDITS_FORMAT),
    dataset: z.strictObject({ id: z.string().max(120), version: z.string().max(40) }),
    edits: z.array(z.union([PutEdit, DeleteEdit])).max(200_000),
  };
  return z.discriminatedUnion('formatVersion', [
    z.strictObject({ ...common, formatVersion: z.literal(1) }),
    z.strictObject({ ...common, formatVersion: z.literal(2), corrections: z.array(fileCorrectionSchema()).max(MAX_CORRECTIONS) }),
  ]);
});
type EditsFile = z.infer<typeof EditsFile>;

/** One edit of the file, as the user's version of an entity (null: deleted). */
export interface FileEdit {
  id: string;
  entity: Entity | null;
}

export function isEditsFile(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && (raw as { format?: unknown }).format === EDITS_FORMAT;
}

export type EditsValidation =
  { ok: true; datasetId: string; edits: FileEdit[]; corrections: FileCorrection[] } | { ok: false; problems: Problem[] };

/** Validates a parsed edits file: shape first, then one edit per entity whose ids agree. */
export function validateEditsFile(raw: unknown): EditsValidation {
  const parsed = EditsFile.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues
        .slice(0, 500)
        .map((issue) => ({ path: formatPath(issue.path), message: issue.message, ...entityIdOf(raw, issue.path) })),
    };
  }
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const edits: FileEdit[] = [];
  parsed.data.edits.forEach((edit, i) => {
    if (seen.has(edit.id)) problems.push({ path: `$.edits[${i}].id`, entityId: edit.id, message: `more than one edit for "${edit.id}"` });
    seen.add(edit.id);
    if ('entity' in edit && edit.entity.id !== edit.id) {
      problems.push({ path: `$.edits[${i}].entity.id`, entityId: edit.id, message: `must be "${edit.id}", the id of the edit` });
    }
    edits.push({ id: edit.id, entity: 'entity' in edit ? edit.entity : null });
  });
  if (problems.length) return { ok: false, problems };
  const corrections = parsed.data.formatVersion === 2 ? parsed.data.corrections : [];
  return { ok: true, datasetId: parsed.data.dataset.id, edits, corrections };
}

/** The entity an issue is about: the id of an edit, or the entity of a correction. */
function entityIdOf(raw: unknown, path: readonly PropertyKey[]): { entityId?: string } {
  if ((path[0] !== 'edits' && path[0] !== 'corrections') || typeof path[1] !== 'number') return {};
  const list = (raw as Record<string, unknown>)[path[0]];
  const row = Array.isArray(list) ? (list[path[1]] as { id?: unknown; entity?: unknown } | undefined) : undefined;
  const id = path[0] === 'edits' ? row?.id : row?.entity;
  return typeof id === 'string' ? { entityId: id.slice(0, 120) } : {};
}

/** The dry run of importing an edits file: what it would add, change and delete, and where it meets a local edit. */
export function diffEditsImport(current: CurrentData, fileEdits: readonly FileEdit[]): ImportDiff {
  const diff = emptyDiff();
  const effective = new Map(current.effective.map((entity) => [entity.id, entity]));
  for (const edit of fileEdits) {
    const now = effective.get(edit.id) ?? null;
    if (jsonEqual(edit.entity, now)) {
      diff.unchanged++;
      continue;
    }
    const upstream = edit.entity === null ? 'removed' : now === null ? 'added' : 'changed';
    const local = current.edits.get(edit.id);
    const named = edit.entity ?? now!;
    if (local) {
      const status = local.entity === null ? 'deleted' : local.base === null ? 'added' : 'changed';
      diff.conflicts.push({ ...item(local.entity ?? named), upstream, local: status, mine: local.entity, theirs: edit.entity });
    } else {
      diff[upstream].push(item(named));
    }
  }
  diff.keptEdits = [...current.edits.keys()].filter((id) => !fileEdits.some((edit) => edit.id === id)).length;
  return diff;
}

/** The data after importing an edits file: each file edit becomes a local edit over the loaded dataset. */
export function planEditsImport(current: CurrentData, fileEdits: readonly FileEdit[], resolutions: Resolutions, now: string): ImportPlan {
  const base = baseEntities(current.effective, current.edits);
  const effective = new Map(current.effective.map((entity) => [entity.id, entity]));
  const edits = new Map(current.edits);
  const unresolved: string[] = [];
  for (const fileEdit of fileEdits) {
    if (jsonEqual(fileEdit.entity, effective.get(fileEdit.id) ?? null)) continue;
    if (current.edits.has(fileEdit.id)) {
      const choice = Object.hasOwn(resolutions, fileEdit.id) ? resolutions[fileEdit.id] : undefined;
      if (!choice) unresolved.push(fileEdit.id);
      if (choice !== 'theirs') continue;
    }
    const edit = makeEdit(fileEdit.id, fileEdit.entity, base.get(fileEdit.id) ?? null, now);
    if (edit) edits.set(edit.id, edit);
    else edits.delete(fileEdit.id);
  }
  return { effective: applyEdits([...base.values()], edits), edits: [...edits.values()], unresolved };
}

/** The local edits and corrections as a file: edits sorted by id, corrections by date, entity, words and place. */
export function serializeEdits(
  dataset: { id: string; version: string },
  edits: readonly Pick<LocalEdit, 'id' | 'entity'>[],
  corrections: readonly FileCorrection[],
): string {
  const sorted = [...edits].sort((a, b) => compare(a.id, b.id));
  const file: EditsFile = {
    format: EDITS_FORMAT,
    formatVersion: 2,
    dataset: { id: dataset.id, version: dataset.version },
    edits: sorted.map((edit) => (edit.entity ? { id: edit.id, entity: edit.entity } : { id: edit.id, deleted: true as const })),
    corrections: [...corrections].map(fileCorrection).sort(byCorrection),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A correction with its fields in the file's order (and nothing else). */
function fileCorrection(correction: FileCorrection): FileCorrection {
  const { entity, entityName, words, text, page, site, createdAt } = correction;
  return {
    entity,
    entityName,
    ...(words === undefined ? {} : { words }),
    ...(text === undefined ? {} : { text }),
    ...(page === undefined ? {} : { page }),
    ...(site === undefined ? {} : { site }),
    createdAt,
  };
}

function byCorrection(a: FileCorrection, b: FileCorrection): number {
  return (
    compare(a.createdAt, b.createdAt) ||
    compare(a.entity, b.entity) ||
    compare(a.words ?? '', b.words ?? '') ||
    compare(a.page ?? '', b.page ?? '') ||
    compare(a.site ?? '', b.site ?? '')
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
