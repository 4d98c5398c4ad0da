import type { BackstoryDB } from '../../lib/db/database';
import * as repo from '../../lib/db/repository';
import type { Handlers } from '../../lib/messaging/handlers';
import { createDataHandlers } from './data-handlers';
import { createSearch } from './search';
import { bundledDataset } from './seed';

export interface BackgroundEffects {
  setBadge(tabId: number, count: number): Promise<void>;
}

/** The background's answers to every message in the protocol. */
export function createHandlers(db: BackstoryDB, ready: Promise<void>, effects: BackgroundEffects): Handlers {
  const searchIndex = createSearch(db);
  return {
    getSnapshot: async () => {
      await ready;
      return repo.getSnapshot(db);
    },
    getEntities: async ({ ids }) => {
      await ready;
      return repo.getEntities(db, ids);
    },
    search: async ({ query, limit }) => {
      await ready;
      return searchIndex(query, limit);
    },
    getDatasetInfo: async () => {
      await ready;
      return repo.getDatasetInfo(db);
    },
    listEntities: async ({ offset, limit }) => {
      await ready;
      return repo.listEntities(db, offset, limit);
    },
    reportCast: async ({ count }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) await effects.setBadge(tabId, count);
      return null;
    },
    resetDataset: async () => {
      await ready;
      return repo.replaceDataset(db, bundledDataset(), 'bundled');
    },
    ...createDataHandlers(db, ready),
  };
}
