import { fixturePage } from '../support/fixture-pages';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { launchWithExtension, servePage } from '../support/extension';
import { locateText, readCast, readHighlights, scanSettled } from '../support/page-probes';

export { fixturePage } from '../support/fixture-pages';

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  /** Opens a fixture page (or given HTML) under a real-looking URL and waits for Backstory's first scan. */
  openArticle(url: string, html?: string, options?: { waitForScan?: boolean }): Promise<Page>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const loaded = await launchWithExtension();
    // Offline and deterministic: any web request a test does not serve itself fails at once
    // (local test servers on 127.0.0.1 stay reachable).
    await loaded.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort('internetdisconnected'));
    await use(loaded.context);
    await loaded.close();
  },
  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },
  openArticle: async ({ context }, use) => {
    await use(async (url, html = fixturePage('article.html'), options = {}) => {
      await servePage(context, url, html);
      const page = await context.newPage();
      await page.goto(url);
      if (options.waitForScan ?? true) await waitForScan(page);
      return page;
    });
  },
});

export const expect = test.expect;

/**
 * Waits until Backstory has scanned the page and its highlights have settled: the last scan pass
 * left nothing to read or to hear back about from the background, and no pass came for 300 ms.
 * Polls with plain evaluate calls: a hostile page may have broken what waitForFunction uses.
 */
export async function waitForScan(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(scanSettled, 300), { timeout: 15_000, intervals: [100] }).toBe(true);
}

/** Highlighted text per highlight name, read from the page's own world. */
export async function highlightedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(readHighlights);
}

/**
 * Finds the first occurrence of `text` inside `selector`; with `select`, also makes it the page's
 * selection. Returns a point inside it, for pointer moves.
 */
async function findText(page: Page, selector: string, text: string, select: boolean): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(locateText, { selector, text, select });
  if (!point) throw new Error(`"${text}" not found in ${selector}`);
  return point;
}

/** A point inside the first occurrence of `text` inside `selector`, for pointer moves. */
export function pointOf(page: Page, selector: string, text: string): Promise<{ x: number; y: number }> {
  return findText(page, selector, text, false);
}

/** Selects the first occurrence of `text` inside `selector`. */
export async function selectText(page: Page, selector: string, text: string): Promise<void> {
  await findText(page, selector, text, true);
}

/** Mentions per entity id as the content script last reported them (`backstory:cast` mark), painted or not. */
export async function castCounts(page: Page): Promise<{ mentions: number; counts: Record<string, number> }> {
  return page.evaluate(readCast);
}

/** Sends the look-up message to the page's tab from the service worker, exactly as the keyboard command does. */
export async function runLookUpCommand(page: Page): Promise<void> {
  await page.bringToFront();
  const worker = page.context().serviceWorkers()[0]!;
  await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await chrome.tabs.sendMessage(tab!.id!, { backstoryContent: 1, name: 'lookUpSelection', payload: {} });
  });
}
