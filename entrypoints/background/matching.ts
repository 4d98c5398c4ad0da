import { readStoredMatcher, storeMatcher } from '../../lib/db/matcher-store';
import { loadPageSnapshot, pageSnapshotVersion } from '../../lib/db/pages';
import type { BackstoryDB } from '../../lib/db/tables';
import { compileAliases } from '../../lib/match/alias-index';
import { BrokenMatcherError } from '../../lib/match/compact-entities';
import { encodeMatcher, openCompactMatcher } from '../../lib/match/compact-matcher';
import { matcherOver, type EntityMatcher } from '../../lib/match/matcher';
import { answerBlocks, type MatchAnswer } from '../../lib/match/remote';
import { hasBothSaliences, onlyKinds } from '../../lib/match/snapshot';
import type { EntityKind } from '../../lib/schema/kinds';

/** Runs a task once the answer that needed it is on its way (a test awaits it instead). */
type Later = (task: () => Promise<void>) => void;

/** Storing the matcher waits this long, so the first batches of the page are answered first. */
const STORE_AFTER_MS = 1_000;

const afterAnswering: Later = (task) => {
  setTimeout(() => void task().catch((error: unknown) => console.warn('[Backstory] could not store the matcher:', error)), STORE_AFTER_MS);
};

/**
 * The one matcher of the browser, in the background, shared by every tab. When a page first asks
 * (and again when the data or the kinds asked for change) it is read from its stored compact form
 * if that was made from the same data; otherwise it is built from every enabled dataset's snapshot,
 * answers at once, and its compact form is stored afterwards. A stopped service worker loses it from
 * memory only: woken, it reads the stored form back without parsing any snapshot (issue #15).
 */
export function createMatching(db: BackstoryDB, later: Later = afterAnswering) {
  /** `stored`: whether the matcher may be the stored one (then a lookup may find it damaged). */
  let cached: { key: string; matcher: Promise<EntityMatcher>; stored: boolean } | null = null;

  async function load(key: string, kinds: readonly EntityKind[], stored: 'read' | 'ignore'): Promise<EntityMatcher> {
    const compact = stored === 'read' ? await readStoredMatcher(db, key) : null;
    if (compact) return openCompactMatcher(compact);
    const snapshot = await loadPageSnapshot(db);
    const index = compileAliases(onlyKinds(snapshot, kinds));
    // Whether the topic gate applies is a fact of the whole data, not of the kinds marked.
    const topicGated = hasBothSaliences(snapshot.entities);
    // Stored under the version of the data it was built from (which may be newer than `key`'s, if the
    // data changed meanwhile: the next question then asks for that version).
    const storedAs = `${snapshot.version}|${kindsKey(kinds)}`;
    later(() => storeMatcher(db, storedAs, encodeMatcher(index, snapshot.entities, topicGated)));
    return { ...matcherOver(index, (i) => snapshot.entities[i]!), topicGated };
  }

  async function matcherFor(kinds: readonly EntityKind[], stored: 'read' | 'ignore' = 'read'): Promise<EntityMatcher> {
    const key = `${await pageSnapshotVersion(db)}|${kindsKey(kinds)}`;
    // The batches of a page arrive together: they share one load.
    // A damaged stored matcher is built again once, however many batches found it damaged.
    if (cached?.key !== key || (stored === 'ignore' && cached.stored)) {
      const loading = load(key, kinds, stored);
      cached = { key, matcher: loading, stored: stored === 'read' };
      loading.catch(() => {
        if (cached?.matcher === loading) cached = null;
      });
    }
    return cached.matcher;
  }

  async function matchBlocks(texts: readonly string[], kinds: readonly EntityKind[]): Promise<MatchAnswer> {
    const matcher = await matcherFor(kinds);
    try {
      return answerBlocks(matcher, texts);
    } catch (error) {
      if (!(error instanceof BrokenMatcherError)) throw error;
      // A stored matcher is checked part by part as lookups read it: this one is not whole. It is
      // built again from the snapshots (which also stores it again), and answers the same question.
      console.warn('[Backstory] the stored matcher is damaged; building it again:', error);
      return answerBlocks(await matcherFor(kinds, 'ignore'), texts);
    }
  }

  /**
   * Starts loading the matcher of these kinds before any page asks: a worker woken by a page reads
   * the stored matcher while it starts and the page sends its first batch, instead of after.
   */
  function readAhead(kinds: readonly EntityKind[]): Promise<void> {
    return matcherFor(kinds).then(
      () => undefined,
      () => undefined,
    );
  }

  return Object.assign(matchBlocks, { readAhead });
}

export type Matching = ReturnType<typeof createMatching>;

function kindsKey(kinds: readonly EntityKind[]): string {
  return [...kinds].sort().join(',');
}
