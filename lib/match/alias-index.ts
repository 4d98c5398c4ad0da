import { GAP_BREAK, GAP_SPACE, isGapMark } from '../text/fold';
import { ALIAS_CASE_SENSITIVE, ALIAS_IS_NAME, ALIAS_NEEDS_CONTEXT, type MatcherSnapshot } from './snapshot';

/** One alias as the matcher tries it: every entity that gives it, with the flags of them all. */
export interface CompiledAlias {
  /** The alias's tokens; the first is also the (lower-cased) lookup key. */
  tokens: string[];
  /** gaps[k] is the gap mark before tokens[k] (gaps[0] is unused). */
  gaps: number[];
  caseSensitive: boolean;
  entities: number[];
  needsContext: boolean;
  isName: boolean;
  /** Some candidate is an event with a start date: a year written after the match is read. */
  dated: boolean;
}

/**
 * The aliases that begin with one word. When many do (in a large dataset, hundreds may begin with
 * "the" or "new"), the multi-word ones are also indexed by their second word, so a page word costs
 * a couple of hash lookups however large the dataset.
 */
export interface Bucket {
  /** All aliases of the bucket, longest first. */
  all: CompiledAlias[];
  /** Tokens in the longest alias of the bucket. */
  longest: number;
  /** Set for crowded buckets: one-word aliases, and multi-word ones by their lower-cased second word. */
  single?: CompiledAlias[];
  bySecond?: Map<string, CompiledAlias[]>;
}

/**
 * The aliases by their first (lower-cased) token: a Map when built from a snapshot, or the stored
 * compact form (see compact-matcher.ts), which makes a bucket when it is first asked for.
 */
export interface AliasIndex {
  has(key: string): boolean;
  get(key: string): Bucket | undefined;
}

const CROWDED = 16;

/** Builds the lookup table: aliases keyed by their first (lower-cased) token, longest first. */
export function compileAliases(snapshot: MatcherSnapshot): Map<string, Bucket> {
  const byFirst = new Map<string, CompiledAlias[]>();
  const byIdentity = new Map<string, CompiledAlias>();
  for (const [key, entity, flags] of snapshot.aliases) {
    const caseSensitive = (flags & ALIAS_CASE_SENSITIVE) !== 0;
    const needsContext = (flags & ALIAS_NEEDS_CONTEXT) !== 0;
    const isName = (flags & ALIAS_IS_NAME) !== 0;
    const dated = snapshot.entities[entity]!.start !== undefined;
    const identity = `${caseSensitive ? 'c' : 'i'}${key}`;
    const existing = byIdentity.get(identity);
    if (existing) {
      // The same alias on two entities: one candidate list, and it can only link with context.
      if (!existing.entities.includes(entity)) existing.entities.push(entity);
      existing.needsContext = existing.needsContext || needsContext || existing.entities.length > 1;
      existing.isName = existing.isName && existing.entities.length === 1;
      existing.dated = existing.dated || dated;
      continue;
    }
    const { tokens, gaps } = parseKey(key);
    if (!tokens.length) continue;
    const compiled: CompiledAlias = { tokens, gaps, caseSensitive, entities: [entity], needsContext, isName, dated };
    byIdentity.set(identity, compiled);
    const lookup = tokens[0]!.toLowerCase();
    const list = byFirst.get(lookup);
    if (list) list.push(compiled);
    else byFirst.set(lookup, [compiled]);
  }
  // Longest first, so the first alias that fits is the longest match; the sort is stable, so ties keep dataset order.
  const buckets = new Map<string, Bucket>();
  for (const [first, list] of byFirst) {
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    buckets.set(first, bucketOf(list));
  }
  return buckets;
}

/** The bucket of aliases already sorted longest first. */
export function bucketOf(all: CompiledAlias[]): Bucket {
  if (all.length <= CROWDED) return { all, longest: all[0]!.tokens.length };
  const single: CompiledAlias[] = [];
  const bySecond = new Map<string, CompiledAlias[]>();
  for (const alias of all) {
    if (alias.tokens.length === 1) {
      single.push(alias);
      continue;
    }
    const second = alias.tokens[1]!.toLowerCase();
    const list = bySecond.get(second);
    if (list) list.push(alias);
    else bySecond.set(second, [alias]);
  }
  return { all, longest: all[0]!.tokens.length, single, bySecond };
}

/** Splits an alias key (see `aliasKey`) into its tokens and the gap marks between them. */
export function parseKey(key: string): { tokens: string[]; gaps: number[] } {
  const tokens: string[] = [];
  const gaps: number[] = [];
  let from = 0;
  let gap = GAP_BREAK;
  for (let i = 0; i <= key.length; i++) {
    const code = i < key.length ? key.charCodeAt(i) : GAP_SPACE;
    if (!isGapMark(code)) continue;
    if (i > from) {
      tokens.push(key.slice(from, i));
      gaps.push(gap);
    }
    gap = code;
    from = i + 1;
  }
  return { tokens, gaps };
}
