import './highlights.css';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readPublicationDate } from '../../lib/dom/page-date';
import { extensionApi } from '../../lib/extension-api';
import { createClient } from '../../lib/messaging/client';
import { askedAgain } from '../../lib/messaging/retry';
import type { ContentRequest, ContentResult } from '../../lib/messaging/content-protocol';
import type { ContentScriptCalls } from '../../lib/messaging/protocol';
import { SETTINGS_KEY, type Settings } from '../../lib/settings/settings';
import { watchDataVersion } from '../../lib/settings/storage';
import { CURATED_MATCHES } from '../../lib/sites/curated';
import { loadCardModule } from './card-loader';
import { PageSession } from './session';

export default defineContentScript({
  matches: CURATED_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  // The page is not told that Backstory started (WXT's window.postMessage confuses some pages' own
  // message handlers); a newer copy of this script still finds the old one through WXT's DOM event.
  noScriptStartedPostMessage: true,
  // Compiling and loading this script is already one task on the page: the start itself (settings,
  // publication date, the first calls into the extension's and the page's APIs) runs in a task of its own.
  main: (ctx) =>
    void ctx.setTimeout(() => void run(ctx).catch((error: unknown) => console.debug('[Backstory] not running on this page:', error)), 0),
});

/** How often the settings are asked again when the background did not answer. */
const SETTINGS_RETRIES = 5;

/** Content scripts registered for user-enabled sites run this file too; a second copy must not start. */
const RUNNING = Symbol.for('backstory.content');

async function run(ctx: ContentScriptContext): Promise<void> {
  // Without the Custom Highlight API there is no way to mark text without touching the page: back off.
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined' || !document.body) return;
  const marker = globalThis as { [RUNNING]?: boolean };
  if (marker[RUNNING]) return;
  marker[RUNNING] = true;
  ctx.onInvalidated(() => (marker[RUNNING] = false));

  // Looked up here, in the first task of work, not while the script loads (see extensionApi).
  const browser = extensionApi();
  const call = createClient<ContentScriptCalls>((message) => browser.runtime.sendMessage(message));
  // The background reads and validates the settings and says whether Backstory runs on this page,
  // so this script carries neither the schemas nor the list of curated sites.
  const pageSettings = () =>
    askedAgain(() => call('pageSettings', {}), { retries: SETTINGS_RETRIES, pauseMs: 250, giveUp: () => ctx.isInvalid });
  let pageDate = readPublicationDate(document);
  let { settings, active } = await pageSettings();
  let session: PageSession | null = null;
  let starting: Promise<void> | null = null;

  async function start(): Promise<void> {
    if (ctx.isInvalid || session || !active) return;
    // The background matches the page's text as the session sends it: nothing to fetch first.
    session = new PageSession(document, call, settings, pageDate);
    session.start();
  }
  function stop(): void {
    session?.stop();
    session = null;
  }
  async function apply(next: Settings, nextActive: boolean): Promise<void> {
    const restart =
      session !== null &&
      (next.highlightStyle !== settings.highlightStyle || next.kinds.join() !== settings.kinds.join() || next.marks !== settings.marks);
    settings = next;
    active = nextActive;
    if (!active) return stop();
    if (restart) stop();
    if (session) session.updateSettings(settings);
    else await (starting ??= start().finally(() => (starting = null)));
  }

  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    void pageSettings().then(
      (next) => apply(next.settings, next.active),
      (error: unknown) => console.debug('[Backstory] could not read the new settings:', error),
    );
  };
  browser.storage.onChanged.addListener(onStorage);
  const unwatch = () => browser.storage.onChanged.removeListener(onStorage);
  // A dataset switched on or off, moved, imported or edited: the session starts again, and the
  // background matches its text against the new data (after a start in flight).
  const unwatchData = watchDataVersion(() => {
    void (starting ?? Promise.resolve()).then(() => {
      if (!session) return;
      stop();
      return apply(settings, active);
    });
  });
  // Answered through sendResponse and `return true`, not a returned Promise (Chrome honours that only
  // from version 144). Only Backstory's own messages are read; their checks come with the card's code
  // (loaded now if need be), and a message that is not for this script gets no answer.
  const onMessage = (message: unknown, sender: { id?: string }, sendResponse: (response: unknown) => void) => {
    if (sender.id !== browser.runtime.id || !isForThisScript(message)) return undefined;
    loadCardModule(call)
      .then((module) => {
        const request = module.parseContentMessage(message);
        return request ? answer(request) : undefined;
      })
      .then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  function answer(request: ContentRequest): ContentResult<ContentRequest['name']> | Promise<boolean> {
    switch (request.name) {
      case 'getCast':
        return { active: session !== null, entries: session?.cast() ?? [] };
      case 'jumpToMention':
        return session?.jumpTo(request.payload.entityId) ?? false;
      case 'lookUpSelection':
        return session ? session.lookUpSelection(request.payload.text) : false;
    }
  }
  browser.runtime.onMessage.addListener(onMessage);
  // Once a second: the context check notices that the extension was updated, reloaded or disabled
  // (the old script then cleans up after itself even on an idle page), and a page that moved to
  // another article without loading (a single-page news app, the History API) gets a fresh
  // session: its date, cast and marks follow the new article.
  let address = location.href;
  ctx.setInterval(() => {
    if (location.href === address) return;
    address = location.href;
    pageDate = readPublicationDate(document);
    if (!session) return;
    stop();
    void apply(settings, active);
  }, 1_000);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    unwatch();
    unwatchData();
    stop();
  });

  await apply(settings, active);
}

/** Messages to content scripts carry this mark (see lib/messaging/content-protocol.ts); the rest is not ours. */
function isForThisScript(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { backstoryContent?: unknown }).backstoryContent === 1;
}
