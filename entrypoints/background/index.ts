import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { storageProblem } from '../../lib/db/availability';
import { openDatabase } from '../../lib/db/database';
import { listDatasets } from '../../lib/db/library';
import { createDispatcher, retryingSetup } from '../../lib/messaging/handlers';
import { bumpDataVersion, loadSettings, rememberLibrary } from '../../lib/settings/storage';
import { createHandlers } from './handlers';
import { createMatching } from './matching';
import { registerPageActions } from './page-actions';
import { registerSubscriptionChecks } from './subscriptions';
import { ensureBundledDataset } from './seed';
import { registerUserSites } from './user-sites';

export default defineBackground({
  // Firefox runs the background as an event page, stopped when idle like Chrome's service worker
  // (nothing lives only in its memory: the database is reopened and the matcher read back from its
  // stored compact form on wake).
  persistent: false,
  main,
});

function main(): void {
  // The database is opened lazily by Dexie on first use, so a restarted service worker simply reopens it.
  const db = openDatabase();
  const ready = retryingSetup(() => ensureBundledDataset(db));
  void ready().catch((error: unknown) => console.warn('[Backstory] setup failed; it is tried again on the next request:', error));
  // Manifest V2 (the Firefox build) names the toolbar button browserAction.
  const toolbarButton = browser.action ?? browser.browserAction;
  registerSubscriptionChecks(db, ready);
  // Most wakes are a page's first question: its matcher is read from storage while the worker starts.
  const matching = createMatching(db);
  void loadSettings().then(
    ({ kinds }) => matching.readAhead(kinds),
    () => undefined,
  );
  const handlers = createHandlers(
    db,
    {
      setBadge: async (tabId, count) => {
        await toolbarButton.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
        await toolbarButton.setBadgeBackgroundColor({ tabId, color: '#3b4a6b' });
      },
      // The isolated world (the default) is the content script's: the page's own scripts never see the card's code.
      injectCard: async (tabId, frameId) => {
        await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/card.js'] });
      },
      dataChanged: async () => {
        await bumpDataVersion();
        await rememberLibrary(await listDatasets(db));
      },
    },
    undefined,
    matching,
  );
  const dispatch = createDispatcher({
    handlers,
    identity: { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') },
    ready,
  });

  registerPageActions();
  registerUserSites();

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: unknown) => void) => {
    // Answered through sendResponse (returning true keeps the channel open): Chrome honours a
    // Promise returned by the listener only from version 144. Anything invalid gets an error response.
    answer(message, sender).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });

  async function answer(message: unknown, sender: Browser.runtime.MessageSender) {
    // Without storage no call can be answered: say so plainly rather than with IndexedDB's own error.
    const problem = await storageProblem(db);
    if (problem) return { ok: false, error: problem };
    return dispatch(message, sender);
  }
}
