import { GAP_BREAK, GAP_DOT, GAP_SPACE, isApostrophe } from '../text/fold';
import { compileAliases, type AliasIndex, type Bucket, type CompiledAlias } from './alias-index';
import { hasBothSaliences, type MatcherSnapshot, type SnapshotEntity } from './snapshot';
import { TokenCursor, emptyTokens, readRun, type Tokens } from './tokenize';
import { withoutPiecesOfNames } from './name-edges';
import { withoutOtherPlacesBodies } from './qualifiers';

/** A mention found in one text, before context gating. */
export interface RawMatch {
  start: number;
  end: number;
  /** Candidate entity indices: one for a plain alias, several for an alias that entities share. */
  entities: number[];
  /** The alias links only when the page gives context for it. */
  needsContext: boolean;
  /** The alias is the entity's display name (see the topic rule in gate.ts). */
  byName: boolean;
  /**
   * For a name inside a longer name ("Rafah" in "ground operation in Rafah"): the index, in the
   * same list, of the match that contains it; -1 for a match that no other contains.
   */
  outer: number;
  /** For a name of an event: the year written right after it ("October 7, 2015"), or 0. */
  year: number;
}

/** Names inside names inside names: deeper than this, no dataset's names go. */
const MAX_NESTING = 3;

/** A matcher as the background holds it: built from a snapshot, or opened from its stored compact form. */
export interface EntityMatcher {
  findMatches(text: string): RawMatch[];
  /** The entity of that index in the data the matcher was made from. */
  entity(index: number): SnapshotEntity;
  /** Whether the data holds both core and background entities: only then does the topic gate apply. */
  readonly topicGated: boolean;
}

export interface Matcher extends EntityMatcher {
  readonly snapshot: MatcherSnapshot;
}

/**
 * Builds the lookup table: aliases keyed by their first (lower-cased) token, longest first, so a
 * scan costs one hash lookup per word of the page whatever the size of the dataset.
 */
export function createMatcher(snapshot: MatcherSnapshot): Matcher {
  const { findMatches, entity } = matcherOver(compileAliases(snapshot), (index) => snapshot.entities[index]!);
  let topicGated: boolean | undefined;
  return {
    snapshot,
    findMatches,
    entity,
    get topicGated() {
      return (topicGated ??= hasBothSaliences(snapshot.entities));
    },
  };
}

/**
 * Matching over an index of aliases (see alias-index.ts), whose entity indices `entity` reads; the
 * index is only read.
 */
export function matcherOver(byFirst: AliasIndex, entity: EntityMatcher['entity']): Pick<EntityMatcher, 'findMatches' | 'entity'> {
  // Reused between calls: the tokens after a word that starts an alias, and after a title (see below).
  const run = emptyTokens();
  const titled = emptyTokens();

  /**
   * Leftmost-longest matching, one word at a time: a word that starts no alias (most of them) costs
   * one lookup; after one that does, the next few tokens are read to try its aliases, longest first.
   */
  function findMatches(text: string): RawMatch[] {
    const cursor = new TokenCursor(text);
    const matches: RawMatch[] = [];
    cursor.candidates(byFirst, (at) => {
      if (!cursor.read(at)) return text.length;
      const key = cursor.key;
      const bucket = byFirst.get(key);
      // A possessive ("Blinken’s") can only end a one-word alias.
      const longest = bucket ? bucket.longest : key.endsWith("'s") && byFirst.has(key.slice(0, -2)) ? 1 : 0;
      if (longest === 0) return cursor.after;
      const after = cursor.after;
      const tokens = readRun(cursor, longest, run);
      const alias = longestAt(byFirst, tokens, 0, null);
      if (!alias) return after;
      const last = alias.tokens.length - 1;
      if (last > 0) {
        const full = fullNameAfterTitle(cursor, tokens, alias, last);
        if (full) {
          // "Dr. Tedros Adhanom Ghebreyesus": one mention from the title to the end of the full name.
          const fullLast = full.tokens.length - 1;
          const match = matchOf(text, titled, 0, full, -1);
          match.start = tokens.start[0]!;
          match.needsContext = alias.needsContext && full.needsContext;
          match.byName = alias.isName || full.isName;
          matches.push(match);
          if (fullLast > 0) findInner(text, titled, 0, fullLast, full, matches.length - 1, matches, 1);
          return titled.after[fullLast]!;
        }
      }
      matches.push(matchOf(text, tokens, 0, alias, -1));
      // Only a name of several words can hold another: the common case pays nothing more.
      if (last > 0) findInner(text, tokens, 0, last, alias, matches.length - 1, matches, 1);
      return tokens.after[last]!;
    });
    return withoutOtherPlacesBodies(text, withoutPiecesOfNames(text, matches), entity);
  }

  /**
   * A longer alias of the same entity that starts inside a match and goes on past it: the full name
   * after a title alias ("Dr. Tedros" + "Tedros Adhanom Ghebreyesus"). Read into `titled`; null when
   * there is none, which is what a match whose inner words start no longer alias costs: a lookup each.
   */
  function fullNameAfterTitle(cursor: TokenCursor, tokens: Tokens, alias: CompiledAlias, last: number): CompiledAlias | null {
    for (let j = 1; j <= last; j++) {
      const bucket = byFirst.get(tokens.key[j]!);
      const inside = last - j + 1;
      if (!bucket || bucket.longest <= inside) continue;
      if (!cursor.read(tokens.start[j]!)) return null;
      readRun(cursor, bucket.longest, titled);
      const full = longestAt(byFirst, titled, 0, (other) => other.tokens.length > inside && sharesEntity(other, alias));
      if (full) return full;
    }
    return null;
  }

  /**
   * The names inside a match of tokens [from, to]: leftmost-longest again, over its tokens only,
   * leaving out the match itself and aliases of its own entity ("Benjamin Netanyahu" inside "Prime
   * Minister Benjamin Netanyahu"), then the names inside those. The run of tokens is already read.
   */
  function findInner(
    text: string,
    tokens: Tokens,
    from: number,
    to: number,
    outer: CompiledAlias,
    outerIndex: number,
    matches: RawMatch[],
    depth: number,
  ): void {
    const count = tokens.count;
    // Aliases are tried against the outer match's tokens only.
    tokens.count = to + 1;
    const span = to - from + 1;
    for (let k = from; k <= to;) {
      const accept = (alias: CompiledAlias) => (k > from || alias.tokens.length < span) && !sharesEntity(alias, outer);
      const alias = longestAt(byFirst, tokens, k, accept);
      if (!alias) {
        k++;
        continue;
      }
      const last = k + alias.tokens.length - 1;
      matches.push(matchOf(text, tokens, k, alias, outerIndex));
      if (last > k && depth < MAX_NESTING) findInner(text, tokens, k, last, alias, matches.length - 1, matches, depth + 1);
      tokens.count = to + 1;
      k = last + 1;
    }
    tokens.count = count;
  }

  return { findMatches, entity };
}

function matchOf(text: string, tokens: Tokens, at: number, alias: CompiledAlias, outer: number): RawMatch {
  const end = endOf(text, tokens, at + alias.tokens.length - 1, alias);
  return {
    start: tokens.start[at]!,
    end,
    entities: alias.entities,
    needsContext: alias.needsContext,
    byName: alias.isName,
    outer,
    year: alias.dated ? yearAfter(text, end) : 0,
  };
}

/** ", 2015" or " 2015" right after a date-like name: the year it is written with. */
const YEAR_AFTER = /,?[ \u00a0](\d{4})(?!\d)/y;

function yearAfter(text: string, end: number): number {
  YEAR_AFTER.lastIndex = end;
  const found = YEAR_AFTER.exec(text);
  return found ? Number(found[1]) : 0;
}

function sharesEntity(a: CompiledAlias, b: CompiledAlias): boolean {
  for (const entity of a.entities) if (b.entities.includes(entity)) return true;
  return false;
}

/** Which aliases may match (all, when null). */
type Accept = ((alias: CompiledAlias) => boolean) | null;

/** The longest alias (that `accept` takes) whose tokens start at token `at`, or null. */
function longestAt(byFirst: AliasIndex, tokens: Tokens, at: number, accept: Accept): CompiledAlias | null {
  const key = tokens.key[at]!;
  const found = firstFitting(byFirst.get(key), tokens, at, accept);
  if (found || !key.endsWith("'s")) return found;
  // "Blinken’s": the possessive of a one-word alias. Tried second, because a longer alias may
  // itself begin with the apostrophe word ("People's Liberation Army"), and longest wins.
  return firstFitting(byFirst.get(key.slice(0, -2)), tokens, at, accept);
}

function firstFitting(bucket: Bucket | undefined, tokens: Tokens, at: number, accept: Accept): CompiledAlias | null {
  if (!bucket) return null;
  if (!bucket.bySecond) return firstOf(bucket.all, tokens, at, accept);
  if (at + 1 < tokens.count) {
    const second = tokens.key[at + 1]!;
    const multi = firstOf(bucket.bySecond.get(second), tokens, at, accept);
    if (multi) return multi;
    // A two-word alias may end in a possessive ("Supreme Court’s").
    if (second.endsWith("'s")) {
      const possessive = firstOf(bucket.bySecond.get(second.slice(0, -2)), tokens, at, accept);
      if (possessive) return possessive;
    }
  }
  return firstOf(bucket.single, tokens, at, accept);
}

function firstOf(candidates: CompiledAlias[] | undefined, tokens: Tokens, at: number, accept: Accept): CompiledAlias | null {
  if (!candidates) return null;
  for (const alias of candidates) if (fits(alias, tokens, at) && (accept === null || accept(alias))) return alias;
  return null;
}

function fits(alias: CompiledAlias, tokens: Tokens, at: number): boolean {
  const n = alias.tokens.length;
  if (at + n > tokens.count) return false;
  const last = at + n - 1;
  for (let k = 0; k < n; k++) {
    const t = at + k;
    if (k > 0 && !gapFits(alias.gaps[k]!, tokens.gap[t]!, tokens.exact[t - 1]!)) return false;
    const token = alias.caseSensitive ? tokens.exact[t]! : tokens.key[t]!;
    if (!tokenEquals(token, alias.tokens[k]!, t === last)) return false;
  }
  return true;
}

/**
 * Whether a gap in the text fits the gap in the alias. Spaces and dashes are interchangeable; a comma
 * or ampersand must be there when the alias has one and only then. A full stop may be left out
 * ("Oct 7" for "Oct. 7"), and may follow an initial the alias wrote without one ("Lloyd J. Austin").
 */
function gapFits(aliasGap: number, textGap: number, previousToken: string): boolean {
  if (textGap === GAP_BREAK) return false;
  if (aliasGap === textGap) return true;
  if (aliasGap === GAP_DOT) return textGap === GAP_SPACE;
  return aliasGap === GAP_SPACE && textGap === GAP_DOT && previousToken.length === 1;
}

/** The last token of an alias may carry a possessive ("Blinken’s", "WHO’S"); inner tokens must match exactly. */
function tokenEquals(token: string, aliasToken: string, isLast: boolean): boolean {
  if (token === aliasToken) return true;
  if (!isLast || token.length !== aliasToken.length + 2 || !token.startsWith(aliasToken)) return false;
  return token.endsWith("'s") || token.endsWith("'S");
}

/**
 * Where a match ending at token `last` ends in the text: a possessive ending ("’s") is left out of the
 * highlighted name, and the full stop that closes an abbreviation ("U.S.", "D.C.") is taken in.
 */
function endOf(text: string, tokens: Tokens, last: number, alias: CompiledAlias): number {
  const end = tokens.end[last]!;
  const key = tokens.key[last]!;
  // tokenEquals let the last token through: if it is not the alias's own word, it is that word plus "’s".
  const aliasLast = alias.tokens[alias.tokens.length - 1]!;
  const possessive = (alias.caseSensitive ? tokens.exact[last]! : key) !== aliasLast;
  if (possessive) return lastApostrophe(text, tokens.start[last]!, end);
  const closesAbbreviation = key.length === 1 && tokens.gap[last] === GAP_DOT && text.charCodeAt(end) === GAP_DOT;
  return closesAbbreviation ? end + 1 : end;
}

function lastApostrophe(text: string, start: number, end: number): number {
  for (let i = end - 1; i > start; i--) if (isApostrophe(text.charCodeAt(i))) return i;
  return end;
}
