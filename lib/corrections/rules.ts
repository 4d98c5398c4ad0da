import type { MatchAnswer } from '../match/remote';
import { keepMatches } from '../match/name-edges';
import { foldWords } from '../text/fold';
import { pageOf, siteOf } from './where';

/**
 * The reader's corrections of marks (from the card: "Not this", "Don't mark …"), kept in the user
 * layer beside the edits. Each hides marks of one entity: by the words that matched, on one page, on
 * one site or everywhere; or every mark of the entity, everywhere. A correction only ever takes a
 * mark away, never adds one or changes what a card says.
 */
export type CorrectionScope = 'page' | 'site' | 'everywhere' | 'entity';

export interface Correction {
  id: string;
  /** The entity, as pages know it: "datasetId/entityId". */
  entity: string;
  /** Its name when the correction was made, for the list in the options page. */
  entityName: string;
  /** The words that matched, folded (see `correctionWords`); absent for "Don't mark" (every mark of the entity). */
  words?: string;
  /** The text as the page showed it, for the list. */
  text?: string;
  /** Only on this page: its address without query or fragment. */
  page?: string;
  /** Only on this site: its host name without "www.". */
  site?: string;
  createdAt: string;
}

/**
 * The words of a match as corrections compare them: case, accents and punctuation folded away, and
 * a possessive dropped ("Blinken’s" is "Blinken").
 */
export function correctionWords(text: string): string {
  return foldWords(text).join(' ').replace(/'s$/, '');
}

/** The corrections that apply on one page, for quick questions while its text is matched. */
export class PageRules {
  private readonly entities = new Set<string>();
  private readonly words = new Set<string>();

  constructor(corrections: readonly Correction[], url: URL | null) {
    const site = url ? siteOf(url) : null;
    const page = url ? pageOf(url) : null;
    for (const correction of corrections) {
      if (correction.page !== undefined && correction.page !== page) continue;
      if (correction.site !== undefined && correction.site !== site) continue;
      if (correction.words === undefined) this.entities.add(correction.entity);
      else this.words.add(pair(correction.entity, correction.words));
    }
  }

  get empty(): boolean {
    return this.entities.size === 0 && this.words.size === 0;
  }

  /** Whether a match of these words may not link to the entity here. */
  hides(entity: string, words: string): boolean {
    return this.entities.has(entity) || this.words.has(pair(entity, words));
  }
}

function pair(entity: string, words: string): string {
  return `${entity}\u0000${words}`;
}

/**
 * The background's answer for a batch of a page's blocks, without what the reader corrected there:
 * a hidden entity leaves the candidates of a match, a match left without candidates goes, and a
 * name inside a match that went then counts as inside the next longer one still there (or none).
 */
export function withoutCorrected(answer: MatchAnswer, texts: readonly string[], rules: PageRules): MatchAnswer {
  if (rules.empty) return answer;
  const matches = answer.matches.map((list, t) => {
    const text = texts[t] ?? '';
    let changed = false;
    const kept = keepMatches(list, (match) => {
      const words = correctionWords(text.slice(match.start, match.end));
      const entities = match.entities.filter((index) => !rules.hides(answer.entities[index]!.id, words));
      if (entities.length === match.entities.length) return true;
      changed = true;
      return entities.length > 0 && { ...match, entities };
    });
    return changed ? kept : list;
  });
  return { ...answer, matches };
}
