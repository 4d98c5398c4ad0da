import { test as base, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { fixturePage } from '../support/fixture-pages';
import { launchFirefoxWithExtension, openExtensionPage, type FirefoxWithExtension } from '../support/firefox';
import { locateText, openCard, readHighlights, scanSettled } from '../support/page-probes';

/**
 * The Firefox suite: Playwright Test runs it, and each test drives its own Firefox through Puppeteer
 * over WebDriver BiDi (Playwright's Firefox cannot load extensions). The in-page probes, fixture
 * pages and datasets are the Chromium suite's own.
 */
interface Fixtures {
  firefox: FirefoxWithExtension;
  /** Serves a fixture page (or given HTML) at a real news URL, opens it, and waits for Backstory's first scan. */
  openArticle(realUrl: string, html?: string, options?: { waitForScan?: boolean }): Promise<Page>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  firefox: async ({}, use) => {
    const firefox = await launchFirefoxWithExtension();
    await use(firefox);
    await firefox.close();
  },
  openArticle: async ({ firefox }, use) => {
    await use(async (realUrl, html = fixturePage('article.html'), options = {}) => {
      const url = firefox.news.serve(realUrl, html);
      const page = await firefox.browser.newPage();
      await page.goto(url);
      if (options.waitForScan ?? true) await waitForScan(page);
      return page;
    });
  },
});

export { expect, fixturePage };

export async function waitForScan(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(scanSettled, 300), { timeout: 20_000, intervals: [100] }).toBe(true);
}

export async function highlightedTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(readHighlights);
}

export async function allHighlighted(page: Page): Promise<string[]> {
  return Object.values(await highlightedTexts(page)).flat();
}

export async function pointOf(page: Page, selector: string, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(locateText, { selector, text, select: false });
  if (!point) throw new Error(`"${text}" not found in ${selector}`);
  return point;
}

export async function selectText(page: Page, selector: string, text: string): Promise<void> {
  if (!(await page.evaluate(locateText, { selector, text, select: true }))) throw new Error(`"${text}" not found in ${selector}`);
}

/**
 * Waits for the card named `name`: role=dialog with that accessible name. The name is read as the
 * card gives it (`aria-labelledby`) by an in-page probe: Puppeteer's ARIA queries do not reach into
 * the card's shadow root on a web page in Firefox (they do on extension pages).
 */
export async function waitForCard(page: Page, name: string): Promise<{ name: string; text: string; focused: boolean }> {
  await expect.poll(async () => (await page.evaluate(openCard))?.name, { timeout: 10_000 }).toBe(name);
  return (await page.evaluate(openCard))!;
}

/** Resolves once no card is open. */
export async function waitForNoCard(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(openCard), { timeout: 10_000 }).toBeNull();
}

/**
 * The tab id of a news page, found from an extension page: the tab whose content script says it is
 * at that page's address (the extension may not read tab URLs), or whose URL it may read.
 */
export async function tabIdOf(firefox: FirefoxWithExtension, page: Page): Promise<number> {
  const helper = await openExtensionPage(firefox.browser, 'popup.html');
  try {
    const url = page.url();
    const id = await helper.evaluate(async (wanted) => {
      for (const tab of await browser.tabs.query({})) {
        if (tab.id === undefined) continue;
        if (tab.url === wanted) return tab.id;
        const answer = (await browser.tabs.sendMessage(tab.id, { backstoryContent: 1, name: 'getCast', payload: {} }).catch(() => null)) as { url?: string } | null;
        if (answer?.url === wanted) return tab.id;
      }
      return null;
    }, url);
    if (id === null) throw new Error(`no tab found at ${url}`);
    return id;
  } finally {
    await helper.close();
  }
}
