import type { Entity } from '../schema/dataset';
import { jsonEqual } from './equal';

/**
 * The user's edit layer. An edit records the user's version of one entity (null: deleted) and the
 * imported version it was made against (null: the user added the entity). The effective data is the
 * imported dataset with every edit applied; keeping `base` lets an edit be reverted and tells, when a
 * new dataset version arrives, whether the publisher changed the entity too (a conflict).
 */
export interface LocalEdit {
  id: string;
  entity: Entity | null;
  base: Entity | null;
  editedAt: string;
}

export type EditStatus = 'changed' | 'added' | 'deleted';

export function editStatus(edit: Pick<LocalEdit, 'entity' | 'base'>): EditStatus {
  if (edit.entity === null) return 'deleted';
  return edit.base === null ? 'added' : 'changed';
}

/**
 * What happens to an edit when the imported version of its entity becomes `incoming`:
 * - kept: the publisher did not touch the entity; the edit stays.
 * - absorbed: the new version already says what the user said; the edit is no longer needed.
 * - conflict: both changed it differently; the user chooses.
 */
export type EditFate = 'kept' | 'absorbed' | 'conflict';

export function editFate(edit: Pick<LocalEdit, 'entity' | 'base'>, incoming: Entity | null): EditFate {
  if (jsonEqual(edit.base, incoming)) return 'kept';
  if (jsonEqual(edit.entity, incoming)) return 'absorbed';
  return 'conflict';
}

/** The effective entities: `base` in its order with the edits applied, then the entities the user added. */
export function applyEdits(base: readonly Entity[], edits: ReadonlyMap<string, LocalEdit>): Entity[] {
  const out: Entity[] = [];
  const seen = new Set<string>();
  for (const entity of base) {
    seen.add(entity.id);
    const edit = edits.get(entity.id);
    if (!edit) out.push(entity);
    else if (edit.entity) out.push(edit.entity);
  }
  for (const edit of edits.values()) {
    if (!seen.has(edit.id) && edit.entity) out.push(edit.entity);
  }
  return out;
}

/** The imported entities under the effective ones: what the edits were made against. */
export function baseEntities(effective: readonly Entity[], edits: ReadonlyMap<string, LocalEdit>): Map<string, Entity> {
  const base = new Map<string, Entity>();
  for (const entity of effective) if (!edits.has(entity.id)) base.set(entity.id, entity);
  for (const edit of edits.values()) if (edit.base) base.set(edit.id, edit.base);
  return base;
}

/**
 * The edit to store after the user sets an entity to `next` (null: delete), given the imported
 * version `base`. Returns null when nothing is left to remember (the entity is back to its imported form).
 */
export function makeEdit(id: string, next: Entity | null, base: Entity | null, now: string): LocalEdit | null {
  if (jsonEqual(next, base)) return null;
  return { id, entity: next, base, editedAt: now };
}
