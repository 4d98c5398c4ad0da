import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { CURATED_MATCHES } from '../../lib/sites/curated';

interface Manifest {
  content_scripts: Array<{ js: string[] }>;
  permissions: string[];
  host_permissions?: string[];
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  minimum_chrome_version?: string;
}

// Checks on the built extension that no browser run would show: the test build most tests load,
// and the release build as users get it.
const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')) as Manifest;
const contentScript = readFileSync(`.output/chrome-mv3/${manifest.content_scripts[0]!.js[0]}`, 'utf8');
const release = JSON.parse(readFileSync('.output/release/chrome-mv3/manifest.json', 'utf8')) as Manifest;
const releaseScript = readFileSync(`.output/release/chrome-mv3/${release.content_scripts[0]!.js[0]}`, 'utf8');

test.describe('the built extension', () => {
  test('the content script never touches IndexedDB or Dexie', () => {
    expect(contentScript).not.toMatch(/indexedDB|Dexie/);
  });

  test('the content script stays under 12 KB gzipped: the card code is a script of its own, which no page can load', () => {
    expect(gzipSync(releaseScript).length).toBeLessThan(12_000);
    const cardScript = readFileSync('.output/release/chrome-mv3/card.js', 'utf8');
    // The card's own styles and dialog markup are in the card script, not in the one every page loads.
    // Nor its Zod schemas: the settings come validated from the background, and the checks of messages
    // from Backstory's pages come with the card's code.
    for (const piece of ['.bs-pop', 'aria-labelledby', 'ZodObject']) {
      expect(cardScript).toContain(piece);
      expect(releaseScript).not.toContain(piece);
    }
    expect(release.web_accessible_resources).toBeUndefined();
  });

  test('web pages cannot message the extension, and the release build is granted no host beyond the curated sites', () => {
    expect(release.externally_connectable).toBeUndefined();
    // The curated sites are where the content script runs anyway; the card's code is injected there.
    expect(release.host_permissions?.sort()).toEqual([...CURATED_MATCHES].sort());
    expect(release.permissions.sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage']);
    // The test build differs only by the hosts the tests grant (see wxt.config.ts).
    expect(manifest.permissions.sort()).toEqual(release.permissions);
  });

  test('the release content script writes no user-timing entries and announces nothing to the page', () => {
    expect(contentScript).toMatch(/backstory:scan/);
    expect(releaseScript).not.toMatch(/performance\.(mark|measure)|backstory:scan|backstory:cast|content-script-started|postMessage/);
  });

  test('declares the oldest Chrome with the CSS Custom Highlight API', () => {
    expect(manifest.minimum_chrome_version).toBe('105');
  });
});
