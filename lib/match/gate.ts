import type { RawMatch } from './matcher';
import type { SnapshotEntity } from './snapshot';

/**
 * Context gating: which context-needing matches may link, given what else the page names.
 * An entity is "established" on a page once it is named by an alias that needs no context.
 * A context-needing alias links to an entity that is established, or that has at least
 * `RELATED_NEEDED` established related entities; shared aliases go to the best-supported candidate.
 */
export const RELATED_NEEDED = 2;

export interface GateOptions {
  /** The page's publication date (ISO), when known: events that start later cannot be meant. */
  pageDate?: string;
}

export class PageContext {
  readonly established = new Set<number>();

  constructor(
    private readonly snapshot: { readonly entities: readonly SnapshotEntity[] },
    private readonly options: GateOptions = {},
  ) {}

  /** Records the entities a batch of matches establishes; returns true when the set grew. */
  establish(matches: readonly RawMatch[]): boolean {
    const before = this.established.size;
    for (const match of matches) {
      if (!match.needsContext && match.entities.length === 1) this.established.add(match.entities[0]!);
    }
    return this.established.size > before;
  }

  /** The entity a match links to, or -1 when the page gives no (or not enough) context for it. */
  resolve(match: RawMatch): number {
    if (!match.needsContext && match.entities.length === 1) return match.entities[0]!;
    let best = -1;
    let bestScore = 0;
    for (const candidate of match.entities) {
      if (this.predatesPage(candidate)) continue;
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

  private support(entity: number): number {
    if (this.established.has(entity)) return 1_000;
    let related = 0;
    for (const other of this.snapshot.entities[entity]!.related) if (this.established.has(other)) related++;
    return related >= RELATED_NEEDED ? related : 0;
  }

  /**
   * True when the page was published before the event began. Dates are compared only as precisely as
   * both are known: a page dated "2023" may be talking about an event of 2023-10-07.
   */
  private predatesPage(entity: number): boolean {
    const start = this.snapshot.entities[entity]!.start;
    const pageDate = this.options.pageDate;
    if (start === undefined || pageDate === undefined) return false;
    const precision = Math.min(start.length, pageDate.length);
    return pageDate.slice(0, precision) < start.slice(0, precision);
  }
}
