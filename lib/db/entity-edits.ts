import { makeEdit, type LocalEdit } from '../dataset/edits';
import { checkIntegrity, formatPath, type Problem } from '../dataset/validate';
import { Entity, type Dataset } from '../schema/dataset';
import { readAllEntities, writeEntity } from './buckets';
import { metaRows } from './commit';
import type { BackstoryDB, DatasetMeta } from './tables';
import { headerOf, NoDatasetError, readMeta, revisionOf } from './state';

/**
 * Edits of single entities: save (create or update), delete and revert. Each runs in one
 * transaction that writes the entity, its edit record, the new revision and the recompiled matcher
 * snapshot together. The effective data must stay a valid dataset (so that it can always be exported
 * and imported back): the whole of it is checked with the import's integrity rules before anything
 * is written, and a change that would break it is refused with the problems, paths relative to the
 * entity they are in.
 */
export type ChangeResult = { ok: true; revision: number } | { ok: false; problems: Problem[] };

class ChangeRefused extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems[0]?.message ?? 'refused');
  }
}

interface Current {
  entity: Entity | null;
  edit: LocalEdit | undefined;
}

/** Decides the entity's next version (null: none), or refuses with problems. */
type Decide = (current: Current) => Entity | null | Problem[];

export function saveEntity(db: BackstoryDB, input: unknown, mode: 'create' | 'update'): Promise<ChangeResult> {
  const parsed = Entity.safeParse(input);
  if (!parsed.success) {
    return Promise.resolve({
      ok: false,
      problems: parsed.error.issues.slice(0, 100).map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    });
  }
  const entity = parsed.data;
  return change(db, entity.id, ({ entity: existing }) => {
    if (mode === 'create' && existing)
      return [{ path: '$.id', entityId: entity.id, message: `an entity with the id "${entity.id}" already exists` }];
    if (mode === 'update' && !existing)
      return [{ path: '$.id', entityId: entity.id, message: `there is no entity "${entity.id}" to update` }];
    return entity;
  });
}

export function deleteEntity(db: BackstoryDB, id: string): Promise<ChangeResult> {
  return change(db, id, ({ entity }) =>
    entity ? null : [{ path: '$.id', entityId: id, message: `there is no entity "${id}" to delete` }],
  );
}

/** Puts the imported version back (or removes an entity the user added). */
export function revertEntity(db: BackstoryDB, id: string): Promise<ChangeResult> {
  return change(db, id, ({ edit }) =>
    edit ? edit.base : [{ path: '$.id', entityId: id, message: `"${id}" has no local edit to revert` }],
  );
}

async function change(db: BackstoryDB, id: string, decide: Decide): Promise<ChangeResult> {
  try {
    const revision = await db.transaction('rw', db.buckets, db.edits, db.meta, async () => {
      const meta = await readMeta(db);
      if (!meta) throw new NoDatasetError();
      const entities = await readAllEntities(db);
      const edit = await db.edits.get(id);
      const existing = entities.find((entity) => entity.id === id) ?? null;
      const next = decide({ entity: existing, edit });
      if (Array.isArray(next)) throw new ChangeRefused(next);

      // The changed entity goes last, so a clash between two entities is reported on this one.
      const effective = entities.filter((entity) => entity.id !== id);
      if (next) effective.push(next);
      const dataset: Dataset = { ...headerOf(meta), entities: effective };
      const problems = checkIntegrity(dataset).map(relativeToEntity);
      if (problems.length) throw new ChangeRefused(problems);

      const base = edit ? edit.base : existing;
      const record = makeEdit(id, next, base, new Date().toISOString());
      await writeEntity(db, id, next);
      if (record) await db.edits.put(record);
      else await db.edits.delete(id);
      const updated: DatasetMeta = { ...meta, revision: revisionOf(meta) + 1 };
      await db.meta.bulkPut(metaRows(updated, effective));
      return updated.revision!;
    });
    return { ok: true, revision };
  } catch (error) {
    if (error instanceof ChangeRefused) return { ok: false, problems: error.problems };
    throw error;
  }
}

/** "$.entities[12].aliases[0].text" → "$.aliases[0].text": paths inside the entity named by `entityId`. */
export function relativeToEntity(problem: Problem): Problem {
  return { ...problem, path: problem.path.replace(/^\$\.entities\[\d+\]/, '$') };
}
