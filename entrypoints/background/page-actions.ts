import { browser } from 'wxt/browser';
import { contentMessage } from '../../lib/messaging/content-protocol';

export const LOOK_UP_MENU_ID = 'backstory-look-up';

/**
 * The keyboard command and the context-menu entry: both ask the tab's content script to open the
 * card for the selection (or the mention at the caret). Listeners are registered at the top level
 * of the service worker so a restarted worker still receives them.
 */
export function registerPageActions(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: LOOK_UP_MENU_ID, title: 'Backstory: look up “%s”', contexts: ['selection'] }),
    );
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOK_UP_MENU_ID || tab?.id === undefined) return;
    const text = info.selectionText?.slice(0, 500);
    void browser.tabs.sendMessage(tab.id, contentMessage('lookUpSelection', text ? { text } : {}), { frameId: info.frameId ?? 0 }).catch(() => undefined);
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'look-up') return;
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) return;
    await browser.tabs.sendMessage(tab.id, contentMessage('lookUpSelection', {})).catch(() => undefined);
  });
}
