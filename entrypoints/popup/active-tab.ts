import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { contentMessage, type ContentMessageName, type ContentMessages, type ContentResults } from '../../lib/messaging/content-protocol';

export interface ActiveTab {
  id: number;
  url: URL | null;
}

/**
 * The tab the popup is about: the active tab of the current window, or the tab named by `?tab=ID`
 * (used when the popup is opened in a tab of its own, as the end-to-end tests do).
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

/** Asks the tab's content script; null when there is none (not a news page, or Backstory is off there). */
export async function askTab<N extends ContentMessageName>(
  tabId: number,
  name: N,
  payload: z.input<ContentMessages[N]>,
): Promise<ContentResults[N] | null> {
  try {
    const answer = await browser.tabs.sendMessage(tabId, contentMessage(name, payload));
    return (answer ?? null) as ContentResults[N] | null;
  } catch {
    return null;
  }
}
