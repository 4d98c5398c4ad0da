import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { CURATED_MATCHES } from '../../lib/sites/curated';

// Checks on the built Firefox extension that no browser run would show (the Chromium suite's twins):
// the test build most tests load, and the release build as users get it.
type Manifest = {
  manifest_version: number;
  content_scripts: Array<{ js: string[] }>;
  permissions: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  background: { persistent?: boolean; scripts?: string[] };
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  browser_specific_settings: {
    gecko: { id: string; strict_min_version?: string; data_collection_permissions?: { required: string[] } };
    gecko_android?: { strict_min_version?: string };
  };
};
const manifest = JSON.parse(readFileSync('.output/firefox-mv2/manifest.json', 'utf8')) as Manifest;
const contentScript = readFileSync(`.output/firefox-mv2/${manifest.content_scripts[0]!.js[0]}`, 'utf8');
const release = JSON.parse(readFileSync('.output/release/firefox-mv2/manifest.json', 'utf8')) as Manifest;
const releaseScript = readFileSync(`.output/release/firefox-mv2/${release.content_scripts[0]!.js[0]}`, 'utf8');

test.describe('the built Firefox extension', () => {
  test('the content script never touches IndexedDB or Dexie, and stays under 12 KB gzipped without the card code', () => {
    expect(contentScript).not.toMatch(/indexedDB|Dexie/);
    expect(gzipSync(releaseScript).length).toBeLessThan(12_000);
    const cardScript = readFileSync('.output/release/firefox-mv2/card.js', 'utf8');
    // Nor its Zod schemas: the settings come validated from the background, and the checks of messages
    // from Backstory's pages come with the card's code.
    for (const piece of ['.bs-pop', 'aria-labelledby', 'ZodObject']) {
      expect(cardScript).toContain(piece);
      expect(releaseScript).not.toContain(piece);
    }
    expect(release.web_accessible_resources).toBeUndefined();
  });

  test('the release content script writes no user-timing entries and announces nothing to the page', () => {
    expect(contentScript).toMatch(/backstory:scan/);
    expect(releaseScript).not.toMatch(/performance\.(mark|measure)|backstory:scan|backstory:cast|content-script-started|postMessage/);
  });

  test('web pages cannot message the extension, and the release build is granted no host beyond the curated sites', () => {
    expect(release.externally_connectable).toBeUndefined();
    // The curated sites are where the content script runs anyway; the card's code is injected there.
    expect(release.permissions.filter((permission) => permission.includes('/')).sort()).toEqual([...CURATED_MATCHES].sort());
    // The test build differs only by the hosts the tests grant (see wxt.config.ts).
    const apis = (permissions: string[]) => permissions.filter((permission) => !permission.includes('/')).sort();
    expect(apis(manifest.permissions)).toEqual(apis(release.permissions));
    expect(apis(release.permissions)).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage']);
  });

  test('other sites are optional permissions (Manifest V2 has no optional_host_permissions)', () => {
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.optional_host_permissions).toBeUndefined();
    expect(manifest.optional_permissions?.sort()).toEqual(['http://*/*', 'https://*/*']);
  });

  test('the background is an event page, stopped when idle', () => {
    expect(manifest.background).toEqual({ persistent: false, scripts: ['background.js'] });
  });

  test('declares the oldest Firefox with the CSS Custom Highlight API, its id, and that it collects no data', () => {
    expect(manifest.browser_specific_settings.gecko).toEqual({
      id: 'backstory@backstory.invalid',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(manifest.browser_specific_settings.gecko_android).toEqual({ strict_min_version: '142.0' });
  });
});
