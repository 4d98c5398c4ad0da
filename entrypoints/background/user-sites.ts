import { browser } from 'wxt/browser';
import { SETTINGS_KEY } from '../../lib/settings/settings';
import { loadSettings, saveSettings } from '../../lib/settings/storage';

const SCRIPT_ID = 'backstory-user-sites';

/** Match patterns for a user-enabled host (the host itself and its subdomains). */
export function hostPatterns(host: string): string[] {
  return [`*://${host}/*`, `*://*.${host}/*`];
}

/**
 * Sites the user enabled outside the curated list: the content script is registered for the hosts
 * whose permission the user granted, and re-registered whenever the list or the permissions change.
 */
export function registerUserSites(): void {
  const sync = async () => {
    const settings = await loadSettings();
    const granted = new Set((await browser.permissions.getAll()).origins ?? []);
    const hosts = settings.enabledSites.filter((host) => hostPatterns(host).some((p) => granted.has(p)) || granted.has(`https://${host}/*`) || granted.has(`http://${host}/*`));
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => undefined);
    if (!hosts.length) return;
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches: hosts.flatMap(hostPatterns),
        js: ['content-scripts/news.js'],
        css: ['content-scripts/news.css'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  };
  const safeSync = () => void sync().catch((error: unknown) => console.warn('[Backstory] could not register user sites', error));

  browser.runtime.onInstalled.addListener(safeSync);
  browser.runtime.onStartup.addListener(safeSync);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) safeSync();
  });
  // A permission removed in the browser's settings takes the site off the list too.
  browser.permissions.onRemoved.addListener(async (removed) => {
    const origins = removed.origins ?? [];
    if (!origins.length) return;
    const settings = await loadSettings();
    const remaining = settings.enabledSites.filter((host) => !origins.some((origin) => origin.includes(`//${host}/`)));
    if (remaining.length !== settings.enabledSites.length) await saveSettings({ enabledSites: remaining });
  });
}
