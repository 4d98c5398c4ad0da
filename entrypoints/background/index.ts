import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDatabase } from '../../lib/db/database';
import { createDispatcher, retryingSetup } from '../../lib/messaging/handlers';
import { createHandlers } from './handlers';
import { registerPageActions } from './page-actions';
import { registerSubscriptionChecks } from './subscriptions';
import { ensureBundledDataset } from './seed';
import { registerUserSites } from './user-sites';
import { listDatasets } from '../../lib/db/library';
import { bumpDataVersion, rememberLibrary } from '../../lib/settings/storage';

export default defineBackground(() => {
  // The database is opened lazily by Dexie on first use, so a restarted service worker simply reopens it.
  const db = openDatabase();
  const ready = retryingSetup(() => ensureBundledDataset(db));
  void ready().catch((error: unknown) => console.warn('[Backstory] setup failed; it is tried again on the next request:', error));
  registerSubscriptionChecks(db, ready);
  const handlers = createHandlers(db, {
    setBadge: async (tabId, count) => {
      await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b4a6b' });
    },
    dataChanged: async () => {
      await bumpDataVersion();
      await rememberLibrary(await listDatasets(db));
    },
  });
  const dispatch = createDispatcher({
    handlers,
    identity: { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') },
    ready,
  });

  registerPageActions();
  registerUserSites();

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // The returned promise answers the message (with an error response for anything invalid).
    return dispatch(message, sender);
  });
});
