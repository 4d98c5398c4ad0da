import type { MatchSource } from '../../lib/dom/page-scanner';
import type { RawMatch } from '../../lib/match/matcher';
import type { MatchAnswer } from '../../lib/match/remote';
import type { SnapshotEntity } from '../../lib/match/snapshot';
import type { EntityKind } from '../../lib/schema/kinds';

/**
 * Batches of text, to gather before asking the background: enough that a long article takes a few
 * messages, few enough that the first highlights come soon.
 */
const BATCH_CHARS = 16_000;

/**
 * The page's side of matching in the background: block texts go out in batches, raw matches come
 * back, and the entities they name are kept in a table of the page's own (indexed as they are met).
 * The tab holds only what this page names, never the matcher's tables: its memory does not grow
 * with the data.
 */
export class RemoteMatches implements MatchSource {
  readonly entities: SnapshotEntity[] = [];
  readonly batchChars = BATCH_CHARS;
  /** Said by the background with every answer (see GateEntities); no match is gated before the first. */
  topicGated = false;
  private readonly index = new Map<string, number>();

  constructor(
    private readonly ask: (texts: string[], kinds: EntityKind[]) => Promise<MatchAnswer>,
    private readonly kinds: readonly EntityKind[],
  ) {}

  async match(texts: readonly string[]): Promise<RawMatch[][]> {
    const answer = await this.ask([...texts], [...this.kinds]);
    this.topicGated = answer.topicGated;
    const local = answer.entities.map((entity) => {
      const at = this.indexOf(entity.id);
      const known = this.entities[at]!;
      known.name = entity.name;
      known.kind = entity.kind;
      known.related = entity.related.map((id) => this.indexOf(id));
      if (entity.start !== undefined) known.start = entity.start;
      if (entity.background) known.background = true;
      return at;
    });
    return answer.matches.map((list) => list.map((match) => ({ ...match, entities: match.entities.map((i) => local[i]!) })));
  }

  /** The entity with this id, if the page has met it. */
  byId(id: string): SnapshotEntity | undefined {
    const at = this.index.get(id);
    return at === undefined ? undefined : this.entities[at];
  }

  /**
   * The page's index of an entity, made on first sight. An entity known only as related to one the
   * page named is a placeholder (its id for a name) until the page names it too: the gate needs no
   * more of it.
   */
  private indexOf(id: string): number {
    let at = this.index.get(id);
    if (at === undefined) {
      at = this.entities.length;
      this.index.set(id, at);
      this.entities.push({ id, name: id, kind: 'organization', related: [] });
    }
    return at;
  }
}
