import { z } from 'zod';
import { ENTITY_KINDS } from '../schema/kinds';
import type { SnapshotEntity } from './snapshot';

/**
 * The entity table of a stored matcher (see compact-matcher.ts): each string field of every entity
 * in one string with the end of each entity's part, the kinds and flags as bytes, the related
 * entities as one list with the end of each entity's part. An answer reads only the entities it
 * names, each made into an object when first asked for.
 */
export const compactEntitiesSchema = z.object({
  ids: z.string(),
  idEnds: z.instanceof(Uint32Array),
  names: z.string(),
  nameEnds: z.instanceof(Uint32Array),
  starts: z.string(),
  startEnds: z.instanceof(Uint32Array),
  kinds: z.instanceof(Uint8Array),
  flags: z.instanceof(Uint8Array),
  relatedEnds: z.instanceof(Uint32Array),
  related: z.instanceof(Uint32Array),
});

export type CompactEntities = z.infer<typeof compactEntitiesSchema>;

const BACKGROUND = 1;
const HAS_START = 2;

export function encodeEntities(entities: readonly SnapshotEntity[]): CompactEntities {
  const count = entities.length;
  const out = {
    idEnds: new Uint32Array(count),
    nameEnds: new Uint32Array(count),
    startEnds: new Uint32Array(count),
    kinds: new Uint8Array(count),
    flags: new Uint8Array(count),
    relatedEnds: new Uint32Array(count),
  };
  const ids: string[] = [];
  const names: string[] = [];
  const starts: string[] = [];
  const related: number[] = [];
  let idEnd = 0;
  let nameEnd = 0;
  let startEnd = 0;
  entities.forEach((entity, i) => {
    ids.push(entity.id);
    out.idEnds[i] = idEnd += entity.id.length;
    names.push(entity.name);
    out.nameEnds[i] = nameEnd += entity.name.length;
    if (entity.start !== undefined) starts.push(entity.start);
    out.startEnds[i] = startEnd += entity.start?.length ?? 0;
    out.kinds[i] = ENTITY_KINDS.indexOf(entity.kind);
    out.flags[i] = (entity.background ? BACKGROUND : 0) | (entity.start !== undefined ? HAS_START : 0);
    for (const other of entity.related) related.push(other);
    out.relatedEnds[i] = related.length;
  });
  return { ...out, ids: ids.join(''), names: names.join(''), starts: starts.join(''), related: Uint32Array.from(related) };
}

/** Whether the table is whole: every list as long as the others, every end in order and in range. */
export function entitiesFit(table: CompactEntities): boolean {
  const count = table.idEnds.length;
  if ([table.nameEnds, table.startEnds, table.kinds, table.flags, table.relatedEnds].some((list) => list.length !== count)) return false;
  if (!endsFit(table.idEnds, table.ids.length) || !endsFit(table.nameEnds, table.names.length)) return false;
  if (!endsFit(table.startEnds, table.starts.length) || !endsFit(table.relatedEnds, table.related.length)) return false;
  return allBelow(table.kinds, ENTITY_KINDS.length) && allBelow(table.related, count);
}

/**
 * Ends that never go back and end at the end of what they cut. The checks of a stored matcher run
 * once in a just-woken worker, before its code is optimised: indexed loops there take a fraction of
 * the time of `for…of` over a typed array (in Node, 20 against 900 ms for the 100,000-entity matcher).
 */
export function endsFit(ends: Uint32Array, total: number): boolean {
  let previous = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    if (end < previous) return false;
    previous = end;
  }
  return previous === total && (ends.length > 0 || total === 0);
}

/** Whether every value is below `limit`. */
export function allBelow(values: Uint8Array | Uint32Array | Int32Array, limit: number): boolean {
  for (let i = 0; i < values.length; i++) if (values[i]! >= limit) return false;
  return true;
}

/** The entities of the table by index, each decoded on first need. */
export function entityReader(table: CompactEntities): (index: number) => SnapshotEntity {
  const made = new Map<number, SnapshotEntity>();
  const startOf = (ends: Uint32Array, i: number) => (i === 0 ? 0 : ends[i - 1]!);
  return (index) => {
    const known = made.get(index);
    if (known) return known;
    const flags = table.flags[index]!;
    const entity: SnapshotEntity = {
      id: table.ids.slice(startOf(table.idEnds, index), table.idEnds[index]),
      name: table.names.slice(startOf(table.nameEnds, index), table.nameEnds[index]),
      kind: ENTITY_KINDS[table.kinds[index]!]!,
      related: Array.from(table.related.subarray(startOf(table.relatedEnds, index), table.relatedEnds[index])),
    };
    if (flags & HAS_START) entity.start = table.starts.slice(startOf(table.startEnds, index), table.startEnds[index]);
    if (flags & BACKGROUND) entity.background = true;
    made.set(index, entity);
    return entity;
  };
}
