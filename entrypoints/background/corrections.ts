import { PageRules, withoutCorrected, type Correction, type CorrectionScope } from '../../lib/corrections/rules';
import { webPageUrl } from '../../lib/corrections/where';
import { addCorrection, listCorrections, removeCorrections } from '../../lib/db/corrections';
import { getPageEntities } from '../../lib/db/pages';
import type { BackstoryDB } from '../../lib/db/tables';
import type { MatchAnswer } from '../../lib/match/remote';

/** How long after making a correction the card may take it back ("Undo"). */
const UNDO_MS = 10 * 60_000;

/**
 * The reader's corrections, as the background applies them to every answer for a page's text (kept
 * in memory, read again after each change), and the two ways they change: from the card of a page
 * (add one; undo one the same tab made a moment ago) and from Backstory's own pages (any).
 */
export function createCorrections(db: BackstoryDB) {
  let all: Promise<Correction[]> | null = null;
  /** Corrections the card may undo: id → the tab that made it, and until when. */
  const undoable = new Map<string, { tabId: number; until: number }>();
  const current = () => (all ??= listCorrections(db).catch((error: unknown) => ((all = null), Promise.reject(error))));
  const changed = () => void (all = null);

  return {
    /** Leaves out of an answer what the reader corrected on the page at `url` (the sender's, as the browser says). */
    async apply(answer: MatchAnswer, texts: readonly string[], url: string | undefined): Promise<MatchAnswer> {
      const corrections = await current();
      if (!corrections.length) return answer;
      return withoutCorrected(answer, texts, new PageRules(corrections, webPageUrl(url)));
    },

    async correct(request: { entityId: string; text?: string; scope: CorrectionScope }, sender: { tabId?: number; url?: string }) {
      const url = webPageUrl(sender.url);
      if (!url || sender.tabId === undefined) throw new Error('Only a page can correct its marks.');
      const [entity] = (await getPageEntities(db, [request.entityId])).entities;
      if (!entity) throw new Error('That entity is no longer in your data.');
      const correction = await addCorrection(db, {
        entity: entity.id,
        entityName: entity.name,
        scope: request.scope,
        text: request.text,
        url,
      });
      changed();
      undoable.set(correction.id, { tabId: sender.tabId, until: Date.now() + UNDO_MS });
      return { id: correction.id };
    },

    async undo(id: string, tabId: number | undefined): Promise<null> {
      const grant = undoable.get(id);
      if (!grant || grant.tabId !== tabId || grant.until < Date.now()) {
        throw new Error('This correction can no longer be undone here: take it back in Backstory’s settings.');
      }
      undoable.delete(id);
      await removeCorrections(db, [id]);
      changed();
      return null;
    },

    list: () => current(),

    async remove(ids: readonly string[]): Promise<number> {
      const removed = await removeCorrections(db, ids);
      changed();
      return removed;
    },

    /** After the database changed underneath (a backup restored, a dataset removed). */
    changed,
  };
}
