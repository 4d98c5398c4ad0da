import type { Entity, EntityKind } from '../schema/dataset';
import { applyEdits, baseEntities, editFate, editStatus, type EditStatus, type LocalEdit } from './edits';
import { jsonEqual } from './equal';

/**
 * The dry run of an import: what a new dataset version would add, change and remove, and which of
 * those changes touch entities the user edited (conflicts, resolved one by one). `planImport` turns
 * the same classification, plus the user's choices, into the data to store.
 */
export interface DiffItem {
  id: string;
  name: string;
  kind: EntityKind;
}

export interface ConflictItem extends DiffItem {
  /** What the incoming data does to the entity. */
  upstream: 'added' | 'changed' | 'removed';
  /** What the user's edit did to it. */
  local: EditStatus;
  /** The user's version (null: the user deleted it). */
  mine: Entity | null;
  /** The incoming version (null: the incoming data removes it). */
  theirs: Entity | null;
}

export interface ImportDiff {
  added: DiffItem[];
  changed: DiffItem[];
  removed: DiffItem[];
  conflicts: ConflictItem[];
  unchanged: number;
  /** Local edits the incoming data does not touch: they stay as they are. */
  keptEdits: number;
  /** Local edits the incoming data already contains: they are no longer needed. */
  absorbedEdits: number;
  /** Corrections of marks the import adds (an edits file brings them; those already there are left out). */
  corrections?: number;
}

export type Resolution = 'mine' | 'theirs';
export type Resolutions = Readonly<Record<string, Resolution>>;

/** The data as it is now: what readers see, and the user's edits under it. */
export interface CurrentData {
  effective: readonly Entity[];
  edits: ReadonlyMap<string, LocalEdit>;
}

export interface ImportPlan {
  effective: Entity[];
  edits: LocalEdit[];
  /** Conflicts without a choice: the plan cannot be applied until they have one. */
  unresolved: string[];
}

export function emptyDiff(): ImportDiff {
  return { added: [], changed: [], removed: [], conflicts: [], unchanged: 0, keptEdits: 0, absorbedEdits: 0 };
}

export function item(entity: Entity): DiffItem {
  return { id: entity.id, name: entity.name, kind: entity.kind };
}

/** Compares a new dataset version with the current data. */
export function diffImport(current: CurrentData, incoming: readonly Entity[]): ImportDiff {
  const diff = emptyDiff();
  const base = baseEntities(current.effective, current.edits);
  const incomingIds = new Set<string>();
  for (const entity of incoming) {
    incomingIds.add(entity.id);
    const edit = current.edits.get(entity.id);
    const before = base.get(entity.id);
    if (edit) {
      classifyEdit(diff, edit, entity, before ? 'changed' : 'added');
    } else if (!before) {
      diff.added.push(item(entity));
    } else if (jsonEqual(before, entity)) {
      diff.unchanged++;
    } else {
      diff.changed.push(item(entity));
    }
  }
  for (const [id, before] of base) {
    if (incomingIds.has(id)) continue;
    const edit = current.edits.get(id);
    if (edit) classifyEdit(diff, edit, null, 'removed');
    else diff.removed.push(item(before));
  }
  for (const edit of current.edits.values()) {
    // Entities the user added, which the incoming data does not know either.
    if (edit.base === null && !incomingIds.has(edit.id)) diff.keptEdits++;
  }
  return diff;
}

function classifyEdit(diff: ImportDiff, edit: LocalEdit, incoming: Entity | null, upstream: ConflictItem['upstream']): void {
  const fate = editFate(edit, incoming);
  if (fate === 'kept') {
    diff.unchanged++;
    diff.keptEdits++;
    return;
  }
  if (fate === 'absorbed') {
    diff.absorbedEdits++;
    return;
  }
  const named = edit.entity ?? incoming ?? edit.base!;
  diff.conflicts.push({ ...item(named), upstream, local: editStatus(edit), mine: edit.entity, theirs: incoming });
}

/** The effective data and the edit layer after importing `incoming` with the given choices. */
export function planImport(current: CurrentData, incoming: readonly Entity[], resolutions: Resolutions): ImportPlan {
  const incomingById = new Map(incoming.map((entity) => [entity.id, entity]));
  const edits = new Map<string, LocalEdit>();
  const unresolved: string[] = [];
  for (const edit of current.edits.values()) {
    const theirs = incomingById.get(edit.id) ?? null;
    const fate = editFate(edit, theirs);
    if (fate === 'absorbed') continue;
    if (fate === 'conflict') {
      const choice = Object.hasOwn(resolutions, edit.id) ? resolutions[edit.id] : undefined;
      if (!choice) unresolved.push(edit.id);
      if (choice !== 'mine') continue;
    }
    // The edit now sits on the incoming version: reverting it later gives the new data.
    edits.set(edit.id, { ...edit, base: theirs });
  }
  return { effective: applyEdits(incoming, edits), edits: [...edits.values()], unresolved };
}

/** The dry run as the options page shows it: lists cut to a length a page can show (the counts are exact). */
export interface DiffSummary {
  counts: {
    added: number;
    changed: number;
    removed: number;
    conflicts: number;
    unchanged: number;
    keptEdits: number;
    absorbedEdits: number;
    corrections?: number;
  };
  added: DiffItem[];
  changed: DiffItem[];
  removed: DiffItem[];
  conflicts: ConflictItem[];
}

/** Lists longer than this are cut in the summary (the counts stay exact). */
const LIST_LIMIT = 1_000;

export function summarize(diff: ImportDiff): DiffSummary {
  return {
    counts: {
      added: diff.added.length,
      changed: diff.changed.length,
      removed: diff.removed.length,
      conflicts: diff.conflicts.length,
      unchanged: diff.unchanged,
      keptEdits: diff.keptEdits,
      absorbedEdits: diff.absorbedEdits,
      ...(diff.corrections === undefined ? {} : { corrections: diff.corrections }),
    },
    added: diff.added.slice(0, LIST_LIMIT),
    changed: diff.changed.slice(0, LIST_LIMIT),
    removed: diff.removed.slice(0, LIST_LIMIT),
    conflicts: diff.conflicts.slice(0, LIST_LIMIT),
  };
}
