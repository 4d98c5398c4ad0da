import { browser } from 'wxt/browser';
import type { Settings } from '../../lib/settings/settings';
import { saveSettings } from '../../lib/settings/storage';
import { isCuratedHost } from '../../lib/sites/curated';

/** Switches Backstory on for a site: curated sites just leave the off list; others need the user's permission. */
export async function enableSite(settings: Settings, tabId: number, url: URL): Promise<Settings> {
  const host = url.hostname;
  const disabledSites = settings.disabledSites.filter((site) => site !== host);
  if (isCuratedHost(host)) return saveSettings({ disabledSites });
  const granted = await browser.permissions.request({ origins: [`${url.origin}/*`] });
  if (!granted) throw new Error(`Backstory needs permission to read ${host} to mark names there.`);
  const next = await saveSettings({ disabledSites, enabledSites: [...new Set([...settings.enabledSites, host])] });
  // Run on the open page now; the background registers the script for later visits.
  await browser.scripting.insertCSS({ target: { tabId }, files: ['/content-scripts/news.css'] });
  await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/news.js'] });
  return next;
}

/** Switches Backstory off for a site: its highlights disappear at once (the content script watches the settings). */
export async function disableSite(settings: Settings, url: URL): Promise<Settings> {
  const host = url.hostname;
  return saveSettings({
    disabledSites: [...new Set([...settings.disabledSites, host])],
    enabledSites: settings.enabledSites.filter((site) => site !== host),
  });
}
