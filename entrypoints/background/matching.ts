import { loadPageSnapshot } from '../../lib/db/pages';
import type { BackstoryDB } from '../../lib/db/tables';
import { createMatcher, type Matcher } from '../../lib/match/matcher';
import { hasBothSaliences } from '../../lib/match/gate';
import { answerBlocks, type MatchAnswer } from '../../lib/match/remote';
import { onlyKinds } from '../../lib/match/snapshot';
import type { EntityKind } from '../../lib/schema/kinds';

/**
 * The one matcher of the browser, in the background: built from every enabled dataset when a page first
 * asks (and again when the data or the kinds asked for change), then shared by every tab. A stopped
 * service worker loses it and builds it again on the next question.
 */
export function createMatching(db: BackstoryDB) {
  let cached: { key: string; matcher: Matcher; topicGated: boolean } | null = null;
  return async function matchBlocks(texts: readonly string[], kinds: readonly EntityKind[]): Promise<MatchAnswer> {
    const snapshot = await loadPageSnapshot(db);
    const key = `${snapshot.version}|${[...kinds].sort().join(',')}`;
    if (cached?.key !== key) {
      // Whether the topic gate applies is a fact of the whole data, not of the kinds marked.
      cached = { key, matcher: createMatcher(onlyKinds(snapshot, kinds)), topicGated: hasBothSaliences(snapshot.entities) };
    }
    return answerBlocks(cached.matcher, texts, cached.topicGated);
  };
}
