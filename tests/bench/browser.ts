import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../support/chromium';
import { debuggingEndpoint } from './worker-cpu';

/** A curated news site: the content script runs here. */
export const NEWS_BASE = 'https://edition.cnn.com/bench/';
/** Not a curated site: Backstory stays off, so baselines measure the bare page. */
export const PLAIN_BASE = 'https://bench.invalid/';

/**
 * Cross-origin isolation (COOP + COEP) gives performance.now() 5 µs resolution instead of 100 µs;
 * without it a 1 ms TreeWalker pass would be measured in ten coarse ticks.
 */
const PAGE_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/**
 * Runs before any page code: records long tasks from the first moment (the observer must exist
 * before load), and defines the `__name` helper that tsx adds to functions we send to the page.
 */
const INIT_SCRIPT = `
globalThis.__name = globalThis.__name || ((fn) => fn);
window.__benchLongTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__benchLongTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
} catch (error) { /* no Long Tasks API: the column stays empty */ }
`;

export interface BenchBrowser {
  context: BrowserContext;
  /** The browser's DevTools endpoint, when launched with `debugging` (see worker-cpu.ts). */
  debuggingEndpoint?: string;
  version: string;
  /** Serves `html` at `url`; everything not served is aborted (no network). */
  serve(url: string, html: string): void;
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium with the given build of the extension, in a throwaway profile; `debugging` opens a DevTools port too. */
export async function launchBench(extensionDir: string, options: { debugging?: boolean } = {}): Promise<BenchBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'backstory-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable(),
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.debugging ? ['--remote-debugging-port=0'] : []),
    ],
  });
  // The extension must be up (its service worker seeds the data) before any page asks for a snapshot.
  if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
  await context.addInitScript({ content: INIT_SCRIPT });

  const served = new Map<string, string>();
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => {
      const html = served.get(route.request().url());
      if (html === undefined) return route.abort('blockedbyclient');
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: PAGE_HEADERS, body: html });
    },
  );

  return {
    context,
    ...(options.debugging ? { debuggingEndpoint: debuggingEndpoint(profile) } : {}),
    version: await browserVersion(context),
    serve: (url, html) => void served.set(url, html),
    open: async (url) => {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function browserVersion(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    const { product } = await session.send('Browser.getVersion');
    return product;
  } finally {
    await page.close();
  }
}
