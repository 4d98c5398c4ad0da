import { ALIAS_CASE_SENSITIVE, ALIAS_NEEDS_CONTEXT, type MatcherSnapshot } from './snapshot';
import { tokenize } from './tokenize';

/** A mention found in one text, before context gating. */
export interface RawMatch {
  start: number;
  end: number;
  /** Candidate entity indices: one for a plain alias, several for an alias that entities share. */
  entities: number[];
  /** The alias links only when the page gives context for it. */
  needsContext: boolean;
}

interface CompiledAlias {
  /** Tokens after the first (the first is the map key). */
  rest: string[];
  caseSensitive: boolean;
  /** The first token in its exact case, for case-sensitive aliases. */
  first: string;
  entities: number[];
  needsContext: boolean;
}

export interface Matcher {
  readonly snapshot: MatcherSnapshot;
  findMatches(text: string): RawMatch[];
}

/**
 * Builds the lookup table: aliases keyed by their first (lower-cased) token, longest first, so a
 * scan costs one hash lookup per word of the page whatever the size of the dataset.
 */
export function createMatcher(snapshot: MatcherSnapshot): Matcher {
  const byFirst = new Map<string, CompiledAlias[]>();
  const byExactKey = new Map<string, CompiledAlias>();
  for (const [key, entity, flags] of snapshot.aliases) {
    const caseSensitive = (flags & ALIAS_CASE_SENSITIVE) !== 0;
    const needsContext = (flags & ALIAS_NEEDS_CONTEXT) !== 0;
    const identity = `${caseSensitive ? 'c' : 'i'}${key}`;
    const existing = byExactKey.get(identity);
    if (existing) {
      // The same alias on two entities: one candidate list, and it can only link with context.
      if (!existing.entities.includes(entity)) existing.entities.push(entity);
      existing.needsContext = existing.needsContext || needsContext || existing.entities.length > 1;
      continue;
    }
    const tokens = key.split(' ');
    const first = tokens[0]!;
    const compiled: CompiledAlias = { rest: tokens.slice(1), caseSensitive, first, entities: [entity], needsContext };
    byExactKey.set(identity, compiled);
    const lookup = first.toLowerCase();
    const list = byFirst.get(lookup);
    if (list) list.push(compiled);
    else byFirst.set(lookup, [compiled]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.rest.length - a.rest.length);

  function findMatches(text: string): RawMatch[] {
    const tokens = tokenize(text);
    const matches: RawMatch[] = [];
    const { count, key, exact, joined } = tokens;
    let i = 0;
    while (i < count) {
      const candidates = byFirst.get(key[i]!) ?? byFirst.get(stripPossessive(key[i]!));
      let matched = 0;
      let matchedEnd = 0;
      if (candidates) {
        for (const alias of candidates) {
          const length = matchLength(alias, i);
          if (length === 0) continue;
          matched = length;
          matchedEnd = endOf(i + length - 1);
          matches.push({ start: tokens.start[i]!, end: matchedEnd, entities: alias.entities, needsContext: alias.needsContext });
          break;
        }
      }
      i += matched || 1;
    }
    return matches;

    function matchLength(alias: CompiledAlias, at: number): number {
      const n = alias.rest.length + 1;
      if (at + n > count) return 0;
      const last = at + n - 1;
      if (!tokenEquals(alias.caseSensitive ? exact[at]! : key[at]!, alias.first, at === last)) return 0;
      for (let k = 1; k < n; k++) {
        const t = at + k;
        if (!joined[t]) return 0;
        if (!tokenEquals(alias.caseSensitive ? exact[t]! : key[t]!, alias.rest[k - 1]!, t === last)) return 0;
      }
      return n;
    }

    /** The end of a match: a possessive ending ("’s") is left out of the highlighted name. */
    function endOf(t: number): number {
      const end = tokens.end[t]!;
      const k = key[t]!;
      return k.endsWith("'s") ? end - 2 : end;
    }
  }

  return { snapshot, findMatches };
}

function stripPossessive(token: string): string {
  return token.endsWith("'s") ? token.slice(0, -2) : token;
}

/** The last token of an alias may carry a possessive ("Blinken’s"); inner tokens must match exactly. */
function tokenEquals(token: string, aliasToken: string, isLast: boolean): boolean {
  if (token === aliasToken) return true;
  return isLast && token.endsWith("'s") && token.length === aliasToken.length + 2 && token.startsWith(aliasToken);
}
