import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

// Checks on the built Firefox extension that no browser run would show (the Chromium suite's twins).
const manifest = JSON.parse(readFileSync('.output/firefox-mv2/manifest.json', 'utf8')) as {
  manifest_version: number;
  content_scripts: Array<{ js: string[] }>;
  permissions: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  background: { persistent?: boolean; scripts?: string[] };
  externally_connectable?: unknown;
  browser_specific_settings: {
    gecko: { id: string; strict_min_version?: string; data_collection_permissions?: { required: string[] } };
    gecko_android?: { strict_min_version?: string };
  };
};
const contentScript = readFileSync(`.output/firefox-mv2/${manifest.content_scripts[0]!.js[0]}`, 'utf8');

test.describe('the built Firefox extension', () => {
  test('the content script never touches IndexedDB or Dexie, and stays under 30 KB gzipped', () => {
    expect(contentScript).not.toMatch(/indexedDB|Dexie/);
    expect(gzipSync(contentScript).length).toBeLessThan(30 * 1024);
  });

  test('web pages cannot message the extension, and no real host is granted up front', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    const hosts = manifest.permissions.filter((permission) => permission.includes('/'));
    // The test build grants only made-up hosts (see wxt.config.ts); the release build grants none.
    expect(hosts.filter((host) => !host.includes('.example/'))).toEqual([]);
    expect(manifest.permissions.filter((permission) => !permission.includes('/')).sort()).toEqual([
      'activeTab',
      'alarms',
      'contextMenus',
      'scripting',
      'storage',
    ]);
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
