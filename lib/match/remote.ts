import type { EntityMatcher, RawMatch } from './matcher';
import type { SnapshotEntity } from './snapshot';

/**
 * Matching in the background for a page: the content script sends the text of its blocks, the
 * background (which holds the one matcher, built from the data) answers with the raw matches and
 * just the entities they name. Entity references in the answer are indices into its own `entities`
 * list; `related` names entities by id, since the page knows only the entities it has met.
 */
export interface AnswerEntity {
  id: string;
  name: string;
  kind: SnapshotEntity['kind'];
  related: string[];
  start?: string;
  background?: boolean;
}

export interface MatchAnswer {
  /** Per text asked about, its raw matches (candidates as indices into `entities`). */
  matches: RawMatch[][];
  entities: AnswerEntity[];
  /** Whether the data holds both core and background entities: only then does the topic gate apply. */
  topicGated: boolean;
}

export function answerBlocks(matcher: EntityMatcher, texts: readonly string[]): MatchAnswer {
  const named: AnswerEntity[] = [];
  const at = new Map<number, number>();
  const ref = (index: number): number => {
    let local = at.get(index);
    if (local === undefined) {
      const entity = matcher.entity(index);
      local = named.length;
      at.set(index, local);
      named.push({
        id: entity.id,
        name: entity.name,
        kind: entity.kind,
        related: entity.related.map((other) => matcher.entity(other).id),
        ...(entity.start === undefined ? {} : { start: entity.start }),
        ...(entity.background ? { background: true } : {}),
      });
    }
    return local;
  };
  const matches = texts.map((text) => matcher.findMatches(text).map((match) => ({ ...match, entities: match.entities.map(ref) })));
  return { matches, entities: named, topicGated: matcher.topicGated };
}
