import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openDatabase } from '../../lib/db/database';
import { dispatch, type Identity } from '../../lib/messaging/handlers';
import { createHandlers } from './handlers';
import { registerPageActions } from './page-actions';
import { ensureBundledDataset } from './seed';
import { registerUserSites } from './user-sites';

export default defineBackground(() => {
  // The database is opened lazily by Dexie on first use, so a restarted service worker simply reopens it.
  const db = openDatabase();
  const identity: Identity = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  const ready = ensureBundledDataset(db);
  const handlers = createHandlers(db, ready, {
    setBadge: async (tabId, count) => {
      await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b4a6b' });
    },
  });

  registerPageActions();
  registerUserSites();

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const response = dispatch(handlers, message, sender, identity);
    // Returning a promise answers the message; undefined leaves it to other listeners.
    return response.then((r) => r) as Promise<unknown>;
  });
});
