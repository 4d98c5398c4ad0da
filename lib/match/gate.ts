import type { RawMatch } from './matcher';
import { hasBothSaliences, type SnapshotEntity } from './snapshot';

/**
 * Context gating: which matches may link, given what else the page names.
 *
 * An entity is "established" on a page once it is named by an alias that needs no context.
 * A context-needing alias links to an entity that is established, or that has at least
 * `RELATED_NEEDED` established related entities; shared aliases go to the best-supported candidate.
 *
 * Topic gating, on top: a background entity (a country, a city, the UN, a news outlet; see
 * `salience` in the dataset format) links only once the page is about the dataset's topic, that is
 * once it establishes `TOPIC_ENTITIES_NEEDED` distinct core entities, or one core entity by its
 * display name. Until then its matches wait, like context-needing ones, and are linked when the
 * topic appears (the scanner retries waiting matches whenever the established set grows).
 */
export const RELATED_NEEDED = 2;

/**
 * Two distinct core entities: one named in passing by a short alias ("Mossad" in a spy story,
 * "IDF" in a list of armies) may be a coincidence, two rarely are. One core entity named by its
 * display name ("Hamas", "Benjamin Netanyahu", "Israel-Hamas war") is enough on its own: a short
 * news item may name only one actor of the topic.
 */
export const TOPIC_ENTITIES_NEEDED = 2;

/** Characters of an ISO date that give its year. */
const YEAR = 4;

export interface GateOptions {
  /** The page's publication date (ISO), when known: events that start later cannot be meant. */
  pageDate?: string;
}

/**
 * The entities matches refer to. `topicGated`, when given, says whether the data has both core and
 * background entities (the background knows; a page sees only the entities it meets); otherwise
 * it is read off `entities`, which must then be the whole snapshot.
 */
export interface GateEntities {
  readonly entities: readonly SnapshotEntity[];
  readonly topicGated?: boolean;
}

export class PageContext {
  readonly established = new Set<number>();
  private onTopic = false;
  private gatedBySnapshot: boolean | undefined;
  private coreEstablished = 0;

  constructor(
    private readonly snapshot: GateEntities,
    private readonly options: GateOptions = {},
  ) {}

  /** Whether the page is about the dataset's topic (always, for data with nothing to gate). */
  get topical(): boolean {
    return this.onTopic || !(this.snapshot.topicGated ?? (this.gatedBySnapshot ??= hasBothSaliences(this.snapshot.entities)));
  }

  /**
   * Records the entities a batch of matches establishes; returns true when that can let a waiting
   * match link: the established set grew, or the page turned out to be on topic.
   */
  establish(matches: readonly RawMatch[]): boolean {
    const before = this.established.size;
    const wasTopical = this.topical;
    for (const match of matches) {
      if (match.needsContext || match.entities.length !== 1) continue;
      const entity = match.entities[0]!;
      const isCore = this.snapshot.entities[entity]!.background !== true;
      if (!this.established.has(entity)) {
        this.established.add(entity);
        if (isCore) this.coreEstablished++;
      }
      if (isCore && (match.byName || this.coreEstablished >= TOPIC_ENTITIES_NEEDED)) this.onTopic = true;
    }
    return this.established.size > before || this.topical !== wasTopical;
  }

  /** The entity a match links to, or -1 when the page gives no (or not enough) context for it. */
  resolve(match: RawMatch): number {
    const entity = this.resolveContext(match);
    if (entity < 0 || this.topical || this.snapshot.entities[entity]!.background !== true) return entity;
    return -1;
  }

  private resolveContext(match: RawMatch): number {
    if (!match.needsContext && match.entities.length === 1) {
      const entity = match.entities[0]!;
      return this.ruledOutByDate(entity, match) ? -1 : entity;
    }
    let best = -1;
    let bestScore = 0;
    for (const candidate of match.entities) {
      if (this.ruledOutByDate(candidate, match)) continue;
      const score = this.support(candidate);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      } else if (score === bestScore && score > 0) {
        best = -1; // a tie between candidates: do not guess
      }
    }
    return best;
  }

  /**
   * An event cannot be meant by a date written with another year ("October 7, 2015"), nor on a page
   * published before it began: by a context-needing alias ("October 7") not before its day, by
   * another alias ("the holy month of Ramadan") not in an earlier year (a page of February 2024 may
   * look ahead to Ramadan 2024; one of 2015 means another Ramadan). Its display name links whatever
   * the page's date: a page's date can be wrong, a name as precise as "October 7 attack" is not.
   */
  private ruledOutByDate(entity: number, match: RawMatch): boolean {
    const start = this.snapshot.entities[entity]!.start;
    if (start === undefined) return false;
    if (match.year !== 0 && String(match.year) !== start.slice(0, YEAR)) return true;
    if (match.byName) return false;
    return this.predatesPage(entity, match.needsContext ? start.length : YEAR);
  }

  private support(entity: number): number {
    if (this.established.has(entity)) return 1_000;
    let related = 0;
    for (const other of this.snapshot.entities[entity]!.related) if (this.established.has(other)) related++;
    return related >= RELATED_NEEDED ? related : 0;
  }

  /**
   * True when the page was published before the event began, compared to `precision` characters of
   * the date ("2023-10-07": 4 for the year, 10 for the day) and no more precisely than both are
   * known: a page dated "2023" may be talking about an event of 2023-10-07.
   */
  private predatesPage(entity: number, precision: number): boolean {
    const start = this.snapshot.entities[entity]!.start;
    const pageDate = this.options.pageDate;
    if (start === undefined || pageDate === undefined) return false;
    const length = Math.min(precision, start.length, pageDate.length);
    return pageDate.slice(0, length) < start.slice(0, length);
  }
}

/**
 * The nearest match containing match `index` that links (see RawMatch.outer), or -1. A name inside
 * a longer name that does not link ("Rafah" in "offensive in Rafah" on a page with no context for
 * the offensive) is a mention of its own. `linked[i]` is the entity match i links to, or -1.
 */
export function linkedOuter(matches: readonly RawMatch[], linked: readonly number[], index: number): number {
  let outer = matches[index]!.outer;
  while (outer >= 0 && linked[outer]! < 0) outer = matches[outer]!.outer;
  return outer;
}
