import { browser } from 'wxt/browser';
import {
  contentMessage,
  parseContentReply,
  type ContentMessageName,
  type ContentPayload,
  type ContentResult,
} from '../../lib/messaging/content-protocol';

export interface ActiveTab {
  id: number;
  url: URL | null;
}

/**
 * The tab the popup is about: the active tab of the current window, or the tab named by `?tab=ID`
 * (used when the popup is opened in a tab of its own, as the end-to-end tests do). Its address comes
 * only from the browser's own tab data, never from what a page's content script says.
 */
export async function activeTab(): Promise<ActiveTab | null> {
  const requested = Number(new URLSearchParams(location.search).get('tab'));
  const tab =
    Number.isInteger(requested) && requested > 0
      ? await browser.tabs.get(requested).catch(() => undefined)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (tab?.id === undefined) return null;
  let url: URL | null = null;
  try {
    url = tab.url ? new URL(tab.url) : null;
  } catch {
    url = null;
  }
  return { id: tab.id, url };
}

/**
 * Asks the tab's content script; null when there is none (not a news page, or Backstory is off
 * there) or when its answer is not what the protocol declares.
 */
export async function askTab<N extends ContentMessageName>(
  tabId: number,
  name: N,
  payload: ContentPayload<N>,
): Promise<ContentResult<N> | null> {
  try {
    return parseContentReply(name, await browser.tabs.sendMessage(tabId, contentMessage(name, payload)));
  } catch {
    return null;
  }
}
