import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

// Checks on the built extension that no browser run would show.
const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')) as {
  content_scripts: Array<{ js: string[] }>;
  permissions: string[];
  host_permissions?: string[];
  externally_connectable?: unknown;
  minimum_chrome_version?: string;
};
const contentScript = readFileSync(`.output/chrome-mv3/${manifest.content_scripts[0]!.js[0]}`, 'utf8');

test.describe('the built extension', () => {
  test('the content script never touches IndexedDB or Dexie', () => {
    expect(contentScript).not.toMatch(/indexedDB|Dexie/);
  });

  test('the content script stays under 30 KB gzipped', () => {
    expect(gzipSync(contentScript).length).toBeLessThan(30 * 1024);
  });

  test('web pages cannot message the extension, and no real host is granted up front', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    // The test build grants only made-up hosts (see wxt.config.ts); the release build grants none.
    expect((manifest.host_permissions ?? []).filter((host) => !host.includes('.example/'))).toEqual([]);
    expect(manifest.permissions.sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage']);
  });

  test('declares the oldest Chrome with the CSS Custom Highlight API', () => {
    expect(manifest.minimum_chrome_version).toBe('105');
  });
});
