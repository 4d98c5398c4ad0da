import type { BackstoryDB } from '../../lib/db/tables';
import * as repo from '../../lib/db/repository';
import type { Handlers } from '../../lib/messaging/handlers';
import { createDataHandlers, type DataEffects } from './data-handlers';
import { createMatching } from './matching';
import { createSearch } from './search';

export interface BackgroundEffects {
  setBadge(tabId: number, count: number): Promise<void>;
}

/** The background's answers to every message in the protocol (the dispatcher waits for readiness). */
export function createHandlers(db: BackstoryDB, effects: BackgroundEffects, dataEffects?: DataEffects): Handlers {
  const search = createSearch(db);
  const match = createMatching(db);
  return {
    matchBlocks: ({ texts, kinds }) => match(texts, kinds),
    getEntities: ({ ids }) => repo.getEntities(db, ids),
    reportCast: async ({ count }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) await effects.setBadge(tabId, count);
      return null;
    },
    search: ({ query, limit }) => search(query, limit),
    ...createDataHandlers(db, dataEffects),
  };
}
