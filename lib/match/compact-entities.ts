import { z } from 'zod';
import { ENTITY_KINDS } from '../schema/kinds';
import type { SnapshotEntity } from './snapshot';

/**
 * The entity table of a stored matcher (see compact-matcher.ts): each string field of every entity
 * in one array of UTF-16 code units with the end of each entity's part, the kinds and flags as bytes,
 * the related entities as one list with the end of each entity's part. An answer reads only the
 * entities it names, each made into an object when first asked for; nothing is decoded before.
 */
export const compactEntitiesSchema = z.object({
  ids: z.instanceof(Uint16Array),
  idEnds: z.instanceof(Uint32Array),
  names: z.instanceof(Uint16Array),
  nameEnds: z.instanceof(Uint32Array),
  starts: z.instanceof(Uint16Array),
  startEnds: z.instanceof(Uint32Array),
  kinds: z.instanceof(Uint8Array),
  flags: z.instanceof(Uint8Array),
  relatedEnds: z.instanceof(Uint32Array),
  related: z.instanceof(Uint32Array),
});

export type CompactEntities = z.infer<typeof compactEntitiesSchema>;

const BACKGROUND = 1;
const HAS_START = 2;

/**
 * A stored matcher that turned out not to be whole when a lookup read a part of it (an end out of
 * range or going back, an index past its table): the background builds the matcher again.
 */
export class BrokenMatcherError extends Error {
  override name = 'BrokenMatcherError';
}

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
  return { ...out, ids: codeUnits(ids.join('')), names: codeUnits(names.join('')), starts: codeUnits(starts.join('')), related: Uint32Array.from(related) };
}

/**
 * Whether the table's shape is whole: every list as long as the others, the last of each list of
 * ends at the end of what it cuts. Constant time: each entity's own parts are checked when it is read.
 */
export function entitiesShapeFits(table: CompactEntities): boolean {
  const count = table.idEnds.length;
  if ([table.nameEnds, table.startEnds, table.kinds, table.flags, table.relatedEnds].some((list) => list.length !== count)) return false;
  return (
    lastIs(table.idEnds, table.ids.length) &&
    lastIs(table.nameEnds, table.names.length) &&
    lastIs(table.startEnds, table.starts.length) &&
    lastIs(table.relatedEnds, table.related.length)
  );
}

/** Whether a list of ends finishes at `total` (an empty list cuts nothing). */
export function lastIs(ends: Uint32Array, total: number): boolean {
  return ends.length === 0 ? total === 0 : ends[ends.length - 1] === total;
}

/**
 * Where part `i` of a list cut by `ends` starts: the end of the part before. Throws when the part
 * is not within `total` or ends before it starts (a stored matcher that is not whole).
 */
export function partStart(ends: Uint32Array, i: number, total: number): number {
  const start = i === 0 ? 0 : ends[i - 1]!;
  const end = ends[i];
  if (end === undefined || end < start || end > total) throw new BrokenMatcherError(`part ${i} does not fit its list`);
  return start;
}

/** The code units of a text, for a stored matcher: they come back as they went, whatever the text. */
export function codeUnits(text: string): Uint16Array<ArrayBuffer> {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/** The text of code units `start` to `end`. */
export function textOf(units: Uint16Array, start: number, end: number): string {
  // Short parts (a name, an alias key) in one call; long ones in pieces the call's arguments can hold.
  const PIECE = 4_096;
  let text = '';
  for (let at = start; at < end; at += PIECE) text += String.fromCharCode.apply(null, units.subarray(at, Math.min(end, at + PIECE)) as unknown as number[]);
  return text;
}

/** The entities of the table by index, each decoded (and checked) on first need. */
export function entityReader(table: CompactEntities): (index: number) => SnapshotEntity {
  const made = new Map<number, SnapshotEntity>();
  const count = table.idEnds.length;
  const part = (units: Uint16Array, ends: Uint32Array, i: number) => textOf(units, partStart(ends, i, units.length), ends[i]!);
  return (index) => {
    const known = made.get(index);
    if (known) return known;
    if (!(index >= 0 && index < count)) throw new BrokenMatcherError(`no entity ${index}`);
    const kind = ENTITY_KINDS[table.kinds[index]!];
    if (!kind) throw new BrokenMatcherError(`entity ${index} has no kind`);
    const related = table.related.subarray(partStart(table.relatedEnds, index, table.related.length), table.relatedEnds[index]);
    for (let r = 0; r < related.length; r++) if (related[r]! >= count) throw new BrokenMatcherError(`entity ${index} names no entity`);
    const flags = table.flags[index]!;
    const entity: SnapshotEntity = {
      id: part(table.ids, table.idEnds, index),
      name: part(table.names, table.nameEnds, index),
      kind,
      related: Array.from(related),
    };
    if (!entity.id || !entity.name) throw new BrokenMatcherError(`entity ${index} has no id or name`);
    if (flags & HAS_START) entity.start = part(table.starts, table.startEnds, index);
    if (flags & BACKGROUND) entity.background = true;
    made.set(index, entity);
    return entity;
  };
}
