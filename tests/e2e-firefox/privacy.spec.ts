import type { Page } from 'puppeteer-core';
import { cardDialogNames, FIREFOX_RELEASE_DIR, launchFirefoxWithExtension, type FirefoxWithExtension } from '../support/firefox';
import { expect, fixturePage, pointOf, test } from './fixtures';

/**
 * What a news page's own scripts can learn from Backstory, checked on the release build (the build
 * users install; the other tests load an instrumented build that records user-timing entries and
 * leaves the card's shadow root open). The Chromium suite's twins, with the card read through
 * WebDriver BiDi's serialisation of its host, closed shadow root included, where Chromium asks CDP.
 */
const URL = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';
/** The gecko id (wxt.config.ts): WXT's own content-script context would announce itself under it. */
const GECKO_ID = 'backstory@backstory.invalid';

let release: FirefoxWithExtension;

test.describe('the release build tells the page nothing, in Firefox', () => {
  // One release Firefox for the three tests, each on a fresh tab of its own.
  test.beforeAll(async () => {
    release = await launchFirefoxWithExtension({ extensionDir: FIREFOX_RELEASE_DIR });
  });
  test.afterAll(async () => {
    await release?.close();
  });

  /** Opens the article (at an address of the test's own) once Backstory has marked it. */
  async function openArticle(name: string): Promise<Page> {
    const page = await release.browser.newPage();
    // Everything the page could hear from Backstory, recorded from its own world before any of its code.
    await page.evaluateOnNewDocument((geckoId: string) => {
      const heard: string[] = [];
      (window as unknown as { __heard: string[] }).__heard = heard;
      window.addEventListener('message', (event) => heard.push(`message: ${JSON.stringify(event.data)}`), true);
      document.addEventListener(`${geckoId}:news:wxt:content-script-started`, () => heard.push('content-script-started'), true);
    }, GECKO_ID);
    await page.goto(release.news.serve(URL.replace('demo-article', name), fixturePage('article.html')));
    // No user-timing entries to wait on in this build: the highlights are what the page shows.
    await expect.poll(() => highlightCount(page), { timeout: 20_000 }).toBeGreaterThan(5);
    return page;
  }

  function highlightCount(page: Page): Promise<number> {
    return page.evaluate(() =>
      [...CSS.highlights].filter(([name]) => name.startsWith('backstory')).reduce((n, [, highlight]) => n + highlight.size, 0),
    );
  }

  /** The dialogs in the card, read by the test harness (which reaches into closed shadow roots; the page cannot). */
  function dialogNames(page: Page): Promise<string[]> {
    return cardDialogNames(page);
  }

  test('no user-timing entries, no messages and no start events reach the page', async () => {
    const page = await openArticle('timeline-article');
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => dialogNames(page)).toEqual(['Antony Blinken']);
    const timeline = await page.evaluate(() =>
      performance
        .getEntries()
        .filter((e) => e.entryType === 'mark' || e.entryType === 'measure')
        .map((e) => e.name),
    );
    expect(timeline).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard)).toEqual([]);
  });

  test("the card's shadow root is closed: the page cannot read the card", async () => {
    const page = await openArticle('closed-root-article');
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => dialogNames(page)).toEqual(['Antony Blinken']);
    const seen = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('*')].filter((element) => element.tagName.toLowerCase().startsWith('backstory'));
      return { hosts: hosts.length, open: hosts.filter((host) => host.shadowRoot !== null).length };
    });
    expect(seen).toEqual({ hosts: 1, open: 0 });
  });

  test('synthetic events from the page neither open nor close a card', async () => {
    const page = await openArticle('synthetic-events-article');
    const at = await pointOf(page, '#p1', 'Blinken');
    const hosts = () => page.evaluate(() => document.querySelectorAll('backstory-card').length);
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y)!;
      for (const type of ['pointerover', 'pointermove', 'mouseover', 'mousemove'])
        target.dispatchEvent(new (type.startsWith('pointer') ? PointerEvent : MouseEvent)(type, { bubbles: true, clientX: x, clientY: y }));
    }, at);
    // Longer than the hover delay (300 ms) and the card's rendering: a card would be open by now.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await dialogNames(page)).toEqual([]);
    expect(await hosts()).toBe(0);

    await page.mouse.move(at.x, at.y);
    await expect.poll(() => dialogNames(page)).toEqual(['Antony Blinken']);
    await page.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await dialogNames(page)).toEqual(['Antony Blinken']);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogNames(page)).toEqual([]);
  });
});
