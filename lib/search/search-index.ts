import MiniSearch from 'minisearch';
import type { MatcherSnapshot } from '../match/snapshot';
import { foldWords } from '../text/fold';
import type { EntityKind } from '../schema/dataset';

/**
 * Search as you type over names and aliases: prefix, case-, diacritic- and punctuation-insensitive,
 * typo-tolerant. Built from the matcher snapshot (which already holds every name and folded alias),
 * so it follows the effective data without reading the database twice.
 */
export interface SearchResult {
  id: string;
  name: string;
  kind: EntityKind;
  /** The alias that matched when it differs from the name. */
  matched?: string;
  score: number;
}

/** A search result as the popup shows it. */
export interface SearchHit {
  id: string;
  name: string;
  kind: EntityKind;
  /** The alias that matched, when it is not the name. */
  matched?: string;
  summary: string;
}

interface Doc {
  id: number;
  name: string;
  aliases: string;
}

/** A term as MiniSearch stores it: folded words, apostrophes dropped ("Netanyahu's" → "netanyahus"). */
function fold(text: string): string[] {
  return foldWords(text).map((word) => word.replace(/'/g, ''));
}

export class SearchIndex {
  private readonly mini: MiniSearch<Doc>;
  private readonly aliasTexts: string[][];

  constructor(private readonly snapshot: MatcherSnapshot) {
    this.aliasTexts = snapshot.entities.map(() => []);
    for (const [key, entity] of snapshot.aliases) this.aliasTexts[entity]!.push(key);
    this.mini = new MiniSearch<Doc>({
      fields: ['name', 'aliases'],
      idField: 'id',
      tokenize: (text) => text.split(/\s+/),
      processTerm: (term) => fold(term).join('') || null,
    });
    this.mini.addAll(
      snapshot.entities.map((entity, i) => ({
        id: i,
        name: fold(entity.name).join(' '),
        aliases: this.aliasTexts[i]!.map((alias) => fold(alias).join(' ')).join(' '),
      })),
    );
  }

  /** Shortest term searched as a prefix: 2 letters, or 4 in a large dataset (shorter ones match whole words). */
  private get minPrefix(): number {
    return this.snapshot.entities.length > 20_000 ? 4 : 2;
  }

  get version(): string {
    return this.snapshot.version;
  }

  search(query: string, limit = 20): SearchResult[] {
    const terms = fold(query);
    if (!terms.length) return [];
    const joined = terms.join(' ');
    const results = this.mini.search(joined, {
      // A very short prefix expands to a large share of a big index: wait for more letters there.
      prefix: (term) => term.length >= this.minPrefix,
      fuzzy: (term) => (term.length >= 4 ? 0.25 : false),
      boost: { name: 2 },
      combineWith: 'AND',
      tokenize: (text) => text.split(' '),
    });
    return results
      .map((result) => {
        const entity = this.snapshot.entities[result.id as number]!;
        const name = fold(entity.name).join(' ');
        // Exact and prefix matches of the whole name outrank everything else, then MiniSearch's score.
        const bonus = name === joined ? 1_000 : name.startsWith(joined) ? 100 : 0;
        const alias = bonus ? undefined : this.aliasTexts[result.id as number]!.find((a) => fold(a).join(' ').startsWith(joined));
        const hit: SearchResult = { id: entity.id, name: entity.name, kind: entity.kind, score: result.score + bonus };
        if (alias && fold(alias).join(' ') !== name) hit.matched = alias;
        return hit;
      })
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
      .slice(0, limit);
  }
}
