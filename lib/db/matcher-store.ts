import { compactMatcherSchema, compactMatcherShapeFits, type CompactMatcher } from '../match/compact-matcher';
import { pack, packedSchema, unpack } from './packed';
import type { BackstoryDB } from './tables';

/**
 * The background's matcher, stored in its compact form (see compact-matcher.ts) so a woken worker
 * reads it back instead of parsing every snapshot and building it again. One row: the matcher of
 * the data pages see now, under the key of that data and the kinds marked. The row is derived data:
 * one that is missing, stale, unreadable or not whole is simply built again from the snapshots.
 */
const ROW = 'page';

/**
 * Bumped whenever the compact form changes, so a row written by an older build is not read. 2: the
 * matcher is packed into a Blob (see packed.ts); 3: its text is kept as UTF-16 code units.
 */
const FORMAT = 3;

/**
 * The stored matcher for this key, or null (none, another key, or not the shape of a compact matcher).
 * Its parts are checked as lookups read them (see BrokenMatcherError).
 */
export async function readStoredMatcher(db: BackstoryDB, key: string): Promise<CompactMatcher | null> {
  const row = await db.matchers.get(ROW).catch(() => undefined);
  if (row?.key !== storedKey(key)) return null;
  const packed = packedSchema.safeParse(row.matcher);
  if (!packed.success) return null;
  const parsed = compactMatcherSchema.safeParse(await unpack(packed.data).catch(() => null));
  if (!parsed.success || !compactMatcherShapeFits(parsed.data)) return null;
  return parsed.data;
}

export async function storeMatcher(db: BackstoryDB, key: string, matcher: CompactMatcher): Promise<void> {
  await db.matchers.put({ id: ROW, key: storedKey(key), matcher: pack(matcher) });
}

function storedKey(key: string): string {
  return `${FORMAT}|${key}`;
}
