import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { fixturePage } from '../support/fixture-pages';
import { launchFirefoxWithExtension, openExtensionPage, type FirefoxWithExtension } from '../support/firefox';
import { afterNextFrame, axeViolationLines, locateText, openCard, readCast, readHighlights, scanSettled } from '../support/page-probes';

/**
 * The Firefox suite: Playwright Test runs it, and each test drives its own Firefox through Puppeteer
 * over WebDriver BiDi (Playwright's Firefox cannot load extensions). The in-page probes, fixture
 * pages and datasets are the Chromium suite's own.
 */
interface Fixtures {
  /** Launch a Firefox of the test's own (for tests that change data or settings): `test.use({ ownBrowser: true })`. */
  ownBrowser: boolean;
  firefox: FirefoxWithExtension;
  /** Serves a fixture page (or given HTML) at a real news URL, opens it, and waits for Backstory's first scan. */
  openArticle(realUrl: string, html?: string, options?: { waitForScan?: boolean }): Promise<Page>;
}

interface WorkerFixtures {
  sharedFirefox: FirefoxWithExtension;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  ownBrowser: [false, { option: true }],
  // Starting Firefox costs seconds: tests that only read share one, each in tabs of its own.
  sharedFirefox: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const firefox = await launchFirefoxWithExtension();
      await use(firefox);
      await firefox.close();
    },
    { scope: 'worker' },
  ],
  firefox: async ({ ownBrowser, sharedFirefox }, use) => {
    if (!ownBrowser) {
      const before = new Set(await sharedFirefox.browser.pages());
      await use(sharedFirefox);
      for (const page of await sharedFirefox.browser.pages()) if (!before.has(page)) await page.close().catch(() => undefined);
      return;
    }
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

/** Mentions per entity id as the content script last reported them (the popup's cast is built from them). */
export async function castCounts(page: Page): Promise<{ mentions: number; counts: Record<string, number> }> {
  return page.evaluate(readCast);
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
 * the card's shadow root on a web page in Firefox (they do on extension pages). Resolves once the
 * card has rendered all of it (see afterNextFrame).
 */
export async function waitForCard(page: Page, name: string): Promise<{ name: string; text: string; focused: boolean }> {
  await expect.poll(async () => (await page.evaluate(openCard))?.name, { timeout: 10_000 }).toBe(name);
  await page.evaluate(afterNextFrame);
  return (await page.evaluate(openCard))!;
}

/** Resolves once no card is open. */
export async function waitForNoCard(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(openCard), { timeout: 10_000 }).toBeNull();
}

/** The tab id of a page: asked from an extension page opened behind it, while that page is the active tab. */
export async function tabIdOf(firefox: FirefoxWithExtension, page: Page): Promise<number> {
  await page.bringToFront();
  const helper = await openExtensionPage(firefox.browser, 'popup.html', { background: true });
  try {
    const [tab] = await helper.evaluate(() => browser.tabs.query({ active: true, currentWindow: true }));
    if (tab?.id === undefined) throw new Error(`no active tab for ${page.url()}`);
    return tab.id;
  } finally {
    await helper.close();
  }
}

/**
 * The first element matching `selector` inside the open card (its shadow root): its text, whitespace
 * collapsed as an accessible name's would be, and whether it is rendered (a closed `<details>` hides
 * its content); null when there is none.
 */
export async function inCard(page: Page, selector: string): Promise<{ text: string; visible: boolean } | null> {
  return page.evaluate((sel) => {
    const element = document.querySelector('backstory-card')?.shadowRoot?.querySelector(sel);
    if (!element) return null;
    return { text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(), visible: element.checkVisibility() };
  }, selector);
}

/**
 * Clicks the first element matching `selector` inside the open card (its shadow root), as a pointer
 * would; returns its text. It clicks the middle of the element's first box: an inline element that
 * wraps (a source line after a fact) has nothing of its own at the middle of its bounding box.
 */
export async function clickInCard(page: Page, selector: string): Promise<string> {
  const target = await page.evaluate((sel) => {
    const element = document.querySelector('backstory-card')?.shadowRoot?.querySelector(sel);
    if (!element) return null;
    element.scrollIntoView({ block: 'center' });
    const rect = element.getClientRects()[0] ?? element.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, text: (element.textContent ?? '').trim() };
  }, selector);
  if (!target) throw new Error(`${selector} is not in the open card`);
  await page.mouse.click(target.x, target.y);
  return target.text;
}

/**
 * The keyboard look-up (Alt+Shift+K). Firefox gives a test no way to press a browser shortcut
 * (WebDriver BiDi key presses reach the page, not the browser's command handling), so the message
 * the command handler sends to the tab is sent from an extension page, with the page in front.
 */
export async function runLookUpCommand(firefox: FirefoxWithExtension, page: Page): Promise<void> {
  const tabId = await tabIdOf(firefox, page);
  const sender = await openExtensionPage(firefox.browser, 'popup.html', { background: true });
  await sender.evaluate((id) => browser.tabs.sendMessage(id, { backstoryContent: 1, name: 'lookUpSelection', payload: {} }), tabId);
  await sender.close();
}

/** Axe's violations on a page (axe is evaluated over BiDi: an extension page's CSP refuses an injected <script>). */
export async function axeViolations(page: Page, include: string[][] | null = null): Promise<string[]> {
  await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
  return page.evaluate(axeViolationLines, include);
}

export interface FirefoxWithDownloads extends FirefoxWithExtension {
  /** Runs `action` (a click that downloads a file) and returns the new file in the downloads folder, once complete. */
  download(action: () => Promise<void>): Promise<{ file: string; text: string }>;
}

/** A Firefox of its own that saves downloads into a folder the test reads (no download dialog); closing it removes the folder. */
export async function launchFirefoxWithDownloads(): Promise<FirefoxWithDownloads> {
  const downloads = mkdtempSync(path.join(tmpdir(), 'backstory-downloads-'));
  const firefox = await launchFirefoxWithExtension({
    prefs: {
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
  return {
    ...firefox,
    async download(action) {
      const before = new Set(readdirSync(downloads));
      const fresh = () => readdirSync(downloads).filter((file) => !before.has(file) && file.endsWith('.json'));
      await action();
      await expect.poll(() => fresh().length, { timeout: 20_000 }).toBe(1);
      const file = fresh()[0]!;
      // The file is complete once the partial download is gone.
      await expect.poll(() => readdirSync(downloads).some((f) => f.endsWith('.part'))).toBe(false);
      return { file, text: readFileSync(path.join(downloads, file), 'utf8') };
    },
    close: async () => {
      await firefox.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}
