import { readFileSync } from 'node:fs';
import path from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CURATED_MATCHES } from './lib/sites/curated';

/**
 * End-to-end tests cannot click the browser's permission prompt, so the test build may grant a few
 * made-up hosts up front (BACKSTORY_TEST_GRANTED_HOSTS, comma-separated match patterns). The popup's
 * "turn on for this site" flow then runs unchanged: permissions.request() resolves at once. A granted
 * curated host stands in for the activeTab grant a click on the toolbar button gives: the tests open
 * the popup in a tab of its own, and the popup reads a tab's address only from the browser.
 */
const testGrantedHosts = (process.env.BACKSTORY_TEST_GRANTED_HOSTS ?? '').split(',').filter(Boolean);

/** User-timing entries exist only in builds made with BACKSTORY_PERF_MARKS=1 (tests, bench): see entrypoints/news.content/perf.ts. */
const perfMarks = process.env.BACKSTORY_PERF_MARKS === '1';

export default defineConfig({
  // Explicit imports everywhere: the code reads the same in Node tests and in the extension.
  imports: false,
  // The end-to-end tests build a release build beside the test build (BACKSTORY_OUT_DIR).
  ...(process.env.BACKSTORY_OUT_DIR ? { outDir: process.env.BACKSTORY_OUT_DIR } : {}),
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
    // WXT's content-script context announces every start with an event on the page's document,
    // which the page can hear and forge: Backstory's own context says nothing to the page.
    resolve: {
      alias: [{ find: /^wxt\/utils\/content-script-context$/, replacement: path.resolve('entrypoints/news.content/script-context.ts') }],
    },
    define: { __BACKSTORY_PERF_MARKS__: JSON.stringify(perfMarks) },
  }),
  hooks: {
    // The bundled dataset goes into the package as a file of its own, read by the background only when
    // the library lacks its version (entrypoints/background/seed.ts), not bundled into its script.
    'build:publicAssets': (_wxt, assets) => {
      const data: unknown = JSON.parse(readFileSync(path.resolve('data/backstory.json'), 'utf8'));
      assets.push({ contents: JSON.stringify(data), relativeDest: 'backstory.json' });
    },
  },
  zip: {
    // `npm run zip` also makes the sources archive the Firefox add-on store asks for: reviewers rebuild
    // the package from it with `npm ci && npm run build:firefox`, so it holds the code, the dataset and
    // the build files (package.json, package-lock.json, wxt.config.ts, tsconfig.json), not the tests.
    excludeSources: [
      'tests/**',
      '.demo/**',
      '**/*.log',
      'playwright.config.ts',
      'playwright.firefox.config.ts',
      'vitest.config.ts',
      'eslint.config.js',
    ],
  },
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description: 'Context on the spot for news readers: who is who in the story, what they said and when.',
    // storage: settings; alarms: dataset subscription checks; contextMenus: "Look up" on a selection;
    // activeTab + scripting: run on a site the user enables from the popup.
    permissions: ['storage', 'alarms', 'contextMenus', 'activeTab', 'scripting'],
    // Sites outside the curated list and dataset URLs are asked for one origin at a time. Manifest V2
    // (the Firefox build) has no optional_host_permissions: there the patterns are optional permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    // The curated sites, where the content script already runs: the background injects the card's
    // code into their pages when first needed (scripting.executeScript asks for host access, which a
    // content script's match patterns do not give). No host beyond them is granted up front.
    host_permissions: [...new Set([...CURATED_MATCHES, ...testGrantedHosts])],
    // No externally_connectable: web pages cannot message the extension.
    action: { default_title: 'Backstory' },
    commands: {
      'look-up': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Show the Backstory card for the selected name or the name at the caret',
      },
    },
    // The oldest browsers with every API Backstory relies on: the CSS Custom Highlight API (Chrome 105,
    // Firefox 140; without it nothing can be marked), and in Firefox the data-collection declaration
    // (140 on desktop, 142 on Android).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from version 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '105' }),
  }),
});
