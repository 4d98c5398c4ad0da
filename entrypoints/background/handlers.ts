import { getPageEntities } from '../../lib/db/pages';
import type { BackstoryDB } from '../../lib/db/tables';
import type { Handlers } from '../../lib/messaging/handlers';
import { webPageUrl } from '../../lib/corrections/where';
import { isActiveOn } from '../../lib/settings/settings';
import { loadSettings } from '../../lib/settings/storage';
import { isCuratedHost } from '../../lib/sites/curated';
import { createCorrections } from './corrections';
import { createDataHandlers, type DataEffects } from './data-handlers';
import { createMatching, type Matching } from './matching';
import { createSearch } from './search';

export interface BackgroundEffects {
  setBadge(tabId: number, count: number): Promise<void>;
  /** Runs the card's script in one frame of a tab, in the world of Backstory's content script. */
  injectCard(tabId: number, frameId: number): Promise<void>;
  /** Tells open pages the data changed (they start their page session again with the new snapshot). */
  dataChanged(): Promise<void>;
}

/** The messages after which what pages see may have changed. */
const CHANGES_DATA = new Set<keyof Handlers>([
  'setDatasetEnabled',
  'moveDataset',
  'removeDataset',
  'restoreBundled',
  'saveEntity',
  'deleteEntity',
  'revertEntity',
  'applyImport',
  'resetToBundled',
  'restoreBackup',
  'addSubscription',
  'checkSubscription',
  'changeSubscriptionUrl',
  'removeCorrections',
]);

/**
 * The messages that may change the corrections underneath the background's copy of them: a dataset
 * removed with its corrections, a backup restored, an edits file imported with its corrections.
 */
const CHANGES_CORRECTIONS = new Set<keyof Handlers>(['removeDataset', 'restoreBackup', 'applyImport']);

/** The background's answers to every message in the protocol (the dispatcher waits for readiness). */
export function createHandlers(
  db: BackstoryDB,
  effects: BackgroundEffects,
  dataEffects?: DataEffects,
  match: Matching = createMatching(db),
): Handlers {
  const search = createSearch(db);
  const corrections = createCorrections(db);
  const handlers: Handlers = {
    matchBlocks: async ({ texts, kinds }, sender) => corrections.apply(await match(texts, kinds), texts, sender.url),
    getEntities: ({ ids }) => getPageEntities(db, ids),
    pageSettings: async (_payload, sender) => {
      const settings = await loadSettings();
      const host = webPageUrl(sender.url)?.hostname ?? null;
      return { active: host !== null && isActiveOn(settings, host, isCuratedHost(host)), settings };
    },
    loadCard: async (_payload, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('only a page can load the card');
      await effects.injectCard(tabId, sender.frameId ?? 0);
      return null;
    },
    correctMark: (request, sender) => corrections.correct(request, { tabId: sender.tab?.id, url: sender.url }),
    undoCorrection: ({ id }, sender) => corrections.undo(id, sender.tab?.id),
    listCorrections: async () => {
      const all = await corrections.list();
      const known = new Set((await getPageEntities(db, [...new Set(all.map((c) => c.entity))])).entities.map((entity) => entity.id));
      return all.map((correction) => ({ ...correction, known: known.has(correction.entity) }));
    },
    removeCorrections: async ({ ids }) => ({ removed: await corrections.remove(ids) }),
    reportCast: async ({ count }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) await effects.setBadge(tabId, count);
      return null;
    },
    search: ({ query, limit }) => search(query, limit),
    ...createDataHandlers(db, dataEffects),
  };
  for (const name of CHANGES_CORRECTIONS) {
    const handle = handlers[name] as (payload: never, sender: never) => Promise<unknown>;
    (handlers as Record<string, unknown>)[name] = async (payload: never, sender: never) => {
      try {
        return await handle(payload, sender);
      } finally {
        // Even after a failure: a transaction may have been written before something later threw.
        corrections.changed();
      }
    };
  }
  for (const name of CHANGES_DATA) {
    const handle = handlers[name] as (payload: never, sender: never) => Promise<unknown>;
    (handlers as Record<string, unknown>)[name] = async (payload: never, sender: never) => {
      const result = await handle(payload, sender);
      await effects.dataChanged().catch((error: unknown) => console.warn('[Backstory] could not tell pages about the change:', error));
      return result;
    };
  }
  return handlers;
}
