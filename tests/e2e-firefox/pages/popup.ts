import type { Page } from 'puppeteer-core';
import { openExtensionPage, type FirefoxWithExtension, click, fill } from '../../support/firefox';
import { POPUP } from '../../e2e/pages/selectors';

/** The toolbar popup in Firefox, opened as a page (the Chromium page object's twin, on the same selectors). */
export class FirefoxPopup {
  private constructor(readonly page: Page) {}

  /**
   * Opens the popup in a tab of its own, about the tab `forTab` (as if opened from that tab's toolbar);
   * `behind` keeps that tab in front, as a real popup floats over its page.
   */
  static async open(firefox: FirefoxWithExtension, forTab?: number, options: { behind?: boolean } = {}): Promise<FirefoxPopup> {
    const page = await openExtensionPage(firefox.browser, `popup.html${forTab ? `?tab=${forTab}` : ''}`, { background: options.behind });
    return new FirefoxPopup(page);
  }

  async search(query: string): Promise<void> {
    await fill(this.page, POPUP.search, query);
  }

  async pressInSearch(key: 'Enter' | 'ArrowDown'): Promise<void> {
    await this.page.focus(POPUP.search);
    await this.page.keyboard.press(key);
  }

  /** The names of the search results, in order. */
  resultNames(): Promise<string[]> {
    return this.page.$$eval(`${POPUP.result} ${POPUP.resultName}`, (els) => els.map((el) => el.textContent ?? ''));
  }

  /** Which result is selected (aria-selected), by position. */
  selectedResult(): Promise<number> {
    return this.page.$$eval(POPUP.result, (els) => els.findIndex((el) => el.getAttribute('aria-selected') === 'true'));
  }

  /** The text of the entry shown for `name`, or null. */
  entryText(name: string): Promise<string | null> {
    return this.page.$eval(POPUP.entry(name), (el) => el.textContent).catch(() => null);
  }

  castNames(): Promise<string[]> {
    return this.page.$$eval(POPUP.castName, (els) => els.map((el) => el.textContent ?? ''));
  }

  castCounts(): Promise<number[]> {
    return this.page.$$eval(POPUP.castCount, (els) => els.map((el) => Number(el.textContent)));
  }

  /** Chooses the cast entry of `name` (the page scrolls to its next mention and flashes it). */
  async chooseCastEntry(name: string): Promise<void> {
    const item = await this.page.waitForSelector(`${POPUP.castItem} ::-p-text(${name})`);
    await item!.click();
  }

  firstPerson(): Promise<string | null> {
    return this.page.$eval(POPUP.castPeople, (el) => el.textContent).catch(() => null);
  }

  siteToggleText(): Promise<string | null> {
    return this.page.$eval(POPUP.siteToggle, (el) => el.textContent).catch(() => null);
  }

  async toggleSite(): Promise<void> {
    await click(this.page, POPUP.siteToggle);
  }

  bodyText(): Promise<string> {
    return this.page.evaluate(() => document.body.innerText);
  }
}
