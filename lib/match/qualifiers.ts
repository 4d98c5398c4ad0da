import { withoutGoing } from './name-edges';
import type { SnapshotEntity } from './snapshot';

/** What this rule reads of a match (a RawMatch of matcher.ts). */
interface Candidate {
  start: number;
  end: number;
  /** Index of the longer match it sits in, -1 for none. */
  outer: number;
  entities: readonly number[];
  needsContext: boolean;
}

type EntityOf = (index: number) => Pick<SnapshotEntity, 'kind' | 'related'>;

/**
 * A place's name right before the generic name of a body says whose body it is: "the U.S. Supreme
 * Court" is not the Israeli Supreme Court that the data's "Supreme Court" stands for. So a match by
 * a context-needing alias of an organisation ("Supreme Court", "health ministry", "Army"), right
 * after a match of a place (one space between) that none of its candidates is related to, is left
 * out. A body named after its own place keeps its mention: a dataset that gives "US National
 * Security Council" matches it whole, and "Israel Supreme Court" links because the court is located
 * in Israel (its relations say so).
 */
export function withoutOtherPlacesBodies<M extends Candidate>(text: string, matches: M[], entity: EntityOf): M[] {
  let previous: M | undefined;
  return withoutGoing(matches, (match) => {
    if (match.outer !== -1) return false;
    const goes = previous !== undefined && isOtherPlacesBody(text, previous, match, entity);
    previous = match;
    return goes;
  });
}

function isOtherPlacesBody(text: string, place: Candidate, body: Candidate, entity: EntityOf): boolean {
  if (!body.needsContext || body.start !== place.end + 1 || !/[ \u00a0]/u.test(text[place.end]!)) return false;
  if (!place.entities.every((p) => entity(p).kind === 'place')) return false;
  return body.entities.every((b) => {
    const candidate = entity(b);
    return candidate.kind === 'organization' && !place.entities.some((p) => candidate.related.includes(p));
  });
}
