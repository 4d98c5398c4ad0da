import type { WxtBrowser } from 'wxt/browser';

let found: WxtBrowser | undefined;

/**
 * The extension API (`browser` in Firefox, `chrome` in Chromium: the same choice as WXT's `browser`),
 * looked up on first use instead of when a script loads. In a content script the first look-up makes
 * the browser build the API's bindings, which takes about a millisecond: that way it runs in the
 * script's first task of work, not in the task that loads it on every news page. Modules the news
 * content script imports use this; the extension's own pages and the background use `wxt/browser`.
 */
export function extensionApi(): WxtBrowser {
  const scope = globalThis as { browser?: WxtBrowser; chrome?: WxtBrowser };
  return (found ??= scope.browser?.runtime?.id ? scope.browser : scope.chrome!);
}
