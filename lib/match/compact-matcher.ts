import { z } from 'zod';
import { bucketOf, parseKey, type AliasIndex, type Bucket, type CompiledAlias } from './alias-index';
import {
  BrokenMatcherError,
  codeUnits,
  compactEntitiesSchema,
  encodeEntities,
  entitiesShapeFits,
  entityReader,
  lastIs,
  partStart,
  textOf,
} from './compact-entities';
import { matcherOver, type EntityMatcher } from './matcher';
import type { SnapshotEntity } from './snapshot';

/**
 * The matcher in a form the background stores and opens again when its worker wakes (issue #15):
 * building the lookup table of a 100,000-entity library took 300–490 ms, and parsing the snapshots
 * it is built from another 50 ms, on every wake. Here everything is in typed arrays (the alias keys
 * as one array of UTF-16 code units), which come back from storage as views on one buffer: opening
 * decodes nothing, and checks only the shape. Each part a lookup reads is checked when it is read
 * (BrokenMatcherError: the background then builds the matcher again), so the cost of opening does
 * not grow with the data.
 *
 * - aliases, grouped by their first (lower-cased) token in the matcher's order (longest first): the
 *   key of each (its tokens joined by their gap marks), its flags, its candidate entities;
 * - buckets: the first token of each, and where its aliases end;
 * - `slots`: an open-addressing hash table of the first tokens (bucket + 1; 0 for an empty slot), so
 *   a page word costs one hash and a comparison or two, like a Map lookup;
 * - the entity table answers name (compact-entities.ts).
 *
 * A bucket is made into the matcher's own objects on its first lookup and kept, so the scan runs the
 * very code it runs over a matcher built from the snapshot, with the same buckets in the same order.
 */
export const compactMatcherSchema = z.object({
  keys: z.instanceof(Uint16Array),
  keyEnds: z.instanceof(Uint32Array),
  aliasFlags: z.instanceof(Uint8Array),
  candidateEnds: z.instanceof(Uint32Array),
  candidates: z.instanceof(Uint32Array),
  heads: z.instanceof(Uint16Array),
  headEnds: z.instanceof(Uint32Array),
  bucketEnds: z.instanceof(Uint32Array),
  slots: z.instanceof(Int32Array),
  entities: compactEntitiesSchema,
  topicGated: z.boolean(),
});

export type CompactMatcher = z.infer<typeof compactMatcherSchema>;

const CASE_SENSITIVE = 1;
const NEEDS_CONTEXT = 2;
const IS_NAME = 4;
const DATED = 8;

/** The compact form of a lookup table built by `compileAliases`, with the entities its aliases name. */
export function encodeMatcher(
  index: ReadonlyMap<string, Bucket>,
  entities: readonly SnapshotEntity[],
  topicGated: boolean,
): CompactMatcher {
  let aliasCount = 0;
  for (const bucket of index.values()) aliasCount += bucket.all.length;
  const keyEnds = new Uint32Array(aliasCount);
  const aliasFlags = new Uint8Array(aliasCount);
  const candidateEnds = new Uint32Array(aliasCount);
  const headEnds = new Uint32Array(index.size);
  const bucketEnds = new Uint32Array(index.size);
  const keys: string[] = [];
  const heads: string[] = [];
  const candidates: number[] = [];
  const slots = new Int32Array(tableSize(index.size));
  let keyEnd = 0;
  let headEnd = 0;
  let a = 0;
  let b = 0;
  for (const [head, bucket] of index) {
    heads.push(head);
    headEnds[b] = headEnd += head.length;
    for (const alias of bucket.all) {
      const key = keyOf(alias);
      keys.push(key);
      keyEnds[a] = keyEnd += key.length;
      aliasFlags[a] = flagsOf(alias);
      for (const entity of alias.entities) candidates.push(entity);
      candidateEnds[a] = candidates.length;
      a++;
    }
    bucketEnds[b] = a;
    let slot = hashOf(head) & (slots.length - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (slots.length - 1);
    slots[slot] = b + 1;
    b++;
  }
  return {
    keys: codeUnits(keys.join('')),
    keyEnds,
    aliasFlags,
    candidateEnds,
    candidates: Uint32Array.from(candidates),
    heads: codeUnits(heads.join('')),
    headEnds,
    bucketEnds,
    slots,
    entities: encodeEntities(entities),
    topicGated,
  };
}

/**
 * Whether a compact matcher read back from storage has a whole shape: lists as long as each other,
 * each list of ends finishing at the end of what it cuts, a hash table of a power of two with room.
 * Constant time: the parts a lookup reads are checked as it reads them (see BrokenMatcherError).
 */
export function compactMatcherShapeFits(compact: CompactMatcher): boolean {
  const aliases = compact.keyEnds.length;
  const buckets = compact.headEnds.length;
  if (compact.aliasFlags.length !== aliases || compact.candidateEnds.length !== aliases || compact.bucketEnds.length !== buckets)
    return false;
  if (!lastIs(compact.keyEnds, compact.keys.length) || !lastIs(compact.candidateEnds, compact.candidates.length)) return false;
  if (!lastIs(compact.headEnds, compact.heads.length) || !lastIs(compact.bucketEnds, aliases)) return false;
  const slots = compact.slots.length;
  return slots >= buckets + 1 && (slots & (slots - 1)) === 0 && entitiesShapeFits(compact.entities);
}

/** The matcher over its compact form: nothing is decoded until a page word asks for it. */
export function openCompactMatcher(compact: CompactMatcher): EntityMatcher {
  return { ...matcherOver(compactIndex(compact), entityReader(compact.entities)), topicGated: compact.topicGated };
}

function compactIndex(compact: CompactMatcher): AliasIndex {
  const { heads, headEnds, slots } = compact;
  const mask = slots.length - 1;
  const made = new Map<number, Bucket>();
  // A word that starts an alias is looked up twice in a row (is it a key, then its bucket).
  let lastKey = '';
  let lastFound = -1;

  function find(key: string): number {
    if (key === lastKey) return lastFound;
    let slot = hashOf(key) & mask;
    let found = -1;
    // A whole table always has an empty slot; one without is not whole, and is not probed forever.
    for (let probes = 0; ; probes++) {
      const entry = slots[slot]!;
      if (entry === 0) break;
      const bucket = entry - 1;
      if (bucket < 0 || bucket >= headEnds.length || probes > mask) throw new BrokenMatcherError(`slot ${slot} names no bucket`);
      const start = partStart(headEnds, bucket, heads.length);
      if (headEnds[bucket] === start) throw new BrokenMatcherError(`bucket ${bucket} has no first word`);
      if (headEnds[bucket]! - start === key.length && sameText(heads, start, key)) {
        found = bucket;
        break;
      }
      slot = (slot + 1) & mask;
    }
    lastKey = key;
    lastFound = found;
    return found;
  }

  return {
    has: (key) => find(key) >= 0,
    get(key) {
      const bucket = find(key);
      if (bucket < 0) return undefined;
      let bucketMade = made.get(bucket);
      if (!bucketMade) {
        bucketMade = decodeBucket(compact, bucket);
        made.set(bucket, bucketMade);
      }
      return bucketMade;
    },
  };
}

/** A bucket's aliases made into the matcher's objects, each part checked as it is read. */
function decodeBucket(compact: CompactMatcher, bucket: number): Bucket {
  const { keys, keyEnds, aliasFlags, candidates, candidateEnds, bucketEnds } = compact;
  const entityCount = compact.entities.idEnds.length;
  const all: CompiledAlias[] = [];
  const first = partStart(bucketEnds, bucket, keyEnds.length);
  // A bucket holds at least one alias, and every alias a key and an entity.
  if (first === bucketEnds[bucket]) throw new BrokenMatcherError(`bucket ${bucket} is empty`);
  for (let a = first; a < bucketEnds[bucket]!; a++) {
    const keyStart = partStart(keyEnds, a, keys.length);
    const candidatesStart = partStart(candidateEnds, a, candidates.length);
    const named = candidates.subarray(candidatesStart, candidateEnds[a]);
    if (keyStart === keyEnds[a] || named.length === 0) throw new BrokenMatcherError(`alias ${a} is empty`);
    for (let c = 0; c < named.length; c++) if (named[c]! >= entityCount) throw new BrokenMatcherError(`alias ${a} names no entity`);
    const { tokens, gaps } = parseKey(textOf(keys, keyStart, keyEnds[a]!));
    const flags = aliasFlags[a]!;
    all.push({
      tokens,
      gaps,
      caseSensitive: (flags & CASE_SENSITIVE) !== 0,
      entities: Array.from(named),
      needsContext: (flags & NEEDS_CONTEXT) !== 0,
      isName: (flags & IS_NAME) !== 0,
      dated: (flags & DATED) !== 0,
    });
  }
  return bucketOf(all);
}

/** The key an alias was parsed from: its tokens joined by their gap marks (the marks are the characters' codes). */
function keyOf(alias: CompiledAlias): string {
  let key = alias.tokens[0]!;
  for (let k = 1; k < alias.tokens.length; k++) key += String.fromCharCode(alias.gaps[k]!) + alias.tokens[k]!;
  return key;
}

function flagsOf(alias: CompiledAlias): number {
  return (
    (alias.caseSensitive ? CASE_SENSITIVE : 0) |
    (alias.needsContext ? NEEDS_CONTEXT : 0) |
    (alias.isName ? IS_NAME : 0) |
    (alias.dated ? DATED : 0)
  );
}

/** A power of two at least twice the count: probes stay short. */
function tableSize(count: number): number {
  let size = 8;
  while (size < count * 2) size *= 2;
  return size;
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Whether code units from `start` spell `text`. */
function sameText(units: Uint16Array, start: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (units[start + i] !== text.charCodeAt(i)) return false;
  return true;
}
