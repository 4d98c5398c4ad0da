import { makeEdit, type LocalEdit } from '../dataset/edits';
import { checkIntegrity, formatPath, type Problem } from '../dataset/validate';
import { Entity, type Dataset } from '../schema/dataset';
import { readAllEntities, writeEntity } from './buckets';
import { metaRows } from './commit';
import type { BackstoryDB, DatasetRow } from './tables';
import { headerOf, requireMeta, revisionOf, withoutDataset } from './state';

/**
 * Edits of single entities: save (create or update), delete and revert. Each runs in one
 * transaction that writes the entity, its edit record, the new revision and the recompiled matcher
 * snapshot together. The effective data must stay a valid dataset (so that it can always be exported
 * and imported back): the whole of it is checked with the import's integrity rules before anything
 * is written, and a change that would break it is refused with the problems, paths relative to the
 * entity they are in.
 */
export type ChangeResult = { ok: true; revision: number } | { ok: false; problems: Problem[]; stale?: true };

/**
 * What the options page's form was loaded from: a fingerprint of the entity as it was then (its
 * effective version and its edit). A change sent with a stamp that no longer matches was made in a
 * tab showing an older version, and is refused rather than written over the newer one.
 */
export function stampOf(entity: Entity | null, edit: Pick<LocalEdit, 'editedAt'> | undefined): string {
  const text = `${JSON.stringify(entity)}\u0000${edit?.editedAt ?? ''}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${text.length.toString(36)}-${hash.toString(36)}`;
}

export const STALE_EDIT =
  'This entity was changed elsewhere (in another tab, or by an update) since this form was opened. Nothing was saved: reopen it to see the newer version, then make your change again.';

class ChangeRefused extends Error {
  constructor(
    readonly problems: Problem[],
    readonly stale = false,
  ) {
    super(problems[0]?.message ?? 'refused');
  }
}

interface Current {
  entity: Entity | null;
  edit: LocalEdit | undefined;
}

/** Decides the entity's next version (null: none), or refuses with problems. */
type Decide = (current: Current) => Entity | null | Problem[];

/** `stamp`: what the form was loaded from (see `stampOf`); without it, the change is made on whatever is there. */
export function saveEntity(
  db: BackstoryDB,
  dataset: string,
  input: unknown,
  mode: 'create' | 'update',
  stamp?: string,
): Promise<ChangeResult> {
  const parsed = Entity.safeParse(input);
  if (!parsed.success) {
    return Promise.resolve({
      ok: false,
      problems: parsed.error.issues.slice(0, 100).map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    });
  }
  const entity = parsed.data;
  return change(db, dataset, entity.id, stamp, ({ entity: existing }) => {
    if (mode === 'create' && existing)
      return [{ path: '$.id', entityId: entity.id, message: `an entity with the id "${entity.id}" already exists` }];
    if (mode === 'update' && !existing)
      return [{ path: '$.id', entityId: entity.id, message: `there is no entity "${entity.id}" to update` }];
    return entity;
  });
}

export function deleteEntity(db: BackstoryDB, dataset: string, id: string, stamp?: string): Promise<ChangeResult> {
  return change(db, dataset, id, stamp, ({ entity }) =>
    entity ? null : [{ path: '$.id', entityId: id, message: `there is no entity "${id}" to delete` }],
  );
}

/** Puts the imported version back (or removes an entity the user added). */
export function revertEntity(db: BackstoryDB, dataset: string, id: string, stamp?: string): Promise<ChangeResult> {
  return change(db, dataset, id, stamp, ({ edit }) =>
    edit ? edit.base : [{ path: '$.id', entityId: id, message: `"${id}" has no local edit to revert` }],
  );
}

async function change(db: BackstoryDB, dataset: string, id: string, stamp: string | undefined, decide: Decide): Promise<ChangeResult> {
  try {
    const revision = await db.transaction('rw', [db.datasets, db.entityBuckets, db.entityEdits, db.snapshots], async () => {
      const meta = await requireMeta(db, dataset);
      const entities = await readAllEntities(db, dataset);
      const row = await db.entityEdits.get([dataset, id]);
      const edit = row ? withoutDataset(row) : undefined;
      const existing = entities.find((entity) => entity.id === id) ?? null;
      if (stamp !== undefined && stamp !== stampOf(existing, edit))
        throw new ChangeRefused([{ path: '$', entityId: id, message: STALE_EDIT }], true);
      const next = decide({ entity: existing, edit });
      if (Array.isArray(next)) throw new ChangeRefused(next);

      // The changed entity goes last, so a clash between two entities is reported on this one.
      const effective = entities.filter((entity) => entity.id !== id);
      if (next) effective.push(next);
      const whole: Dataset = { ...headerOf(meta), entities: effective };
      const problems = checkIntegrity(whole).map(relativeToEntity);
      if (problems.length) throw new ChangeRefused(problems);

      const base = edit ? edit.base : existing;
      const record = makeEdit(id, next, base, new Date().toISOString());
      await writeEntity(db, dataset, id, next);
      if (record) await db.entityEdits.put({ ...record, dataset });
      else await db.entityEdits.delete([dataset, id]);
      const [updated, snapshot] = metaRows({ ...meta, revision: revisionOf(meta) + 1 } satisfies DatasetRow, effective);
      await db.datasets.put(updated);
      await db.snapshots.put(snapshot);
      return updated.revision!;
    });
    return { ok: true, revision };
  } catch (error) {
    if (error instanceof ChangeRefused) return { ok: false, problems: error.problems, ...(error.stale ? { stale: true as const } : {}) };
    throw error;
  }
}

/** "$.entities[12].aliases[0].text" → "$.aliases[0].text": paths inside the entity named by `entityId`. */
export function relativeToEntity(problem: Problem): Problem {
  return { ...problem, path: problem.path.replace(/^\$\.entities\[\d+\]/, '$') };
}
