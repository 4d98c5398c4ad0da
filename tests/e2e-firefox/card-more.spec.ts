import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension } from '../support/firefox';
import { clickInCard, expect, fixturePage, pointOf, runLookUpCommand, selectText, test, waitForCard, waitForScan } from './fixtures';

const URL = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';

/** Hovers Blinken and reads the computed styles that page CSS would most likely break. */
async function cardStyle(page: Page) {
  const at = await pointOf(page, '#p1', 'Blinken');
  await page.mouse.move(at.x, at.y);
  await waitForCard(page, 'Antony Blinken');
  return page.evaluate(() => {
    const el = document.querySelector('backstory-card')!.shadowRoot!.querySelector('[role="dialog"]')!;
    const name = el.querySelector('.bs-name')!;
    const s = getComputedStyle(el);
    const n = getComputedStyle(name);
    return {
      width: Math.round(el.getBoundingClientRect().width),
      background: s.backgroundColor,
      display: s.display,
      nameColor: n.color,
      nameSize: n.fontSize,
      nameFont: n.fontFamily,
      letterSpacing: n.letterSpacing,
    };
  });
}

test.describe('the card from other cards, and isolated from the page, in Firefox', () => {
  test('a related entity opens its own card in place, and Back returns', async ({ firefox, openArticle }) => {
    const page = await openArticle(URL);
    await selectText(page, '#p1', 'Antony');
    await runLookUpCommand(firefox, page);
    await waitForCard(page, 'Antony Blinken');
    const relatedName = await clickInCard(page, 'section[aria-label="Related"] button');
    await waitForCard(page, relatedName);
    await clickInCard(page, 'button[aria-label="Back to the previous card"]');
    await waitForCard(page, 'Antony Blinken');
  });

  test('a hostile page stylesheet does not change the card', async ({ openArticle }) => {
    const normal = await cardStyle(await openArticle(URL));
    const styled = await cardStyle(
      await openArticle('https://www.theguardian.com/world/hostile-styles', fixturePage('hostile-styles.html')),
    );
    expect(styled).toEqual(normal);
  });

  test('the dark theme follows the browser setting', async () => {
    // 0 = dark: what a reader's "dark" website appearance setting sets.
    const dark = await launchFirefoxWithExtension({ prefs: { 'layout.css.prefers-color-scheme.content-override': 0 } });
    try {
      const page = await dark.browser.newPage();
      await page.goto(dark.news.serve(URL, fixturePage('article.html')));
      await waitForScan(page);
      const at = await pointOf(page, '#p1', 'Blinken');
      await page.mouse.move(at.x, at.y);
      await waitForCard(page, 'Antony Blinken');
      const background = await page.evaluate(
        () => getComputedStyle(document.querySelector('backstory-card')!.shadowRoot!.querySelector('[role="dialog"]')!).backgroundColor,
      );
      expect(background).toBe('rgb(30, 34, 40)');
    } finally {
      await dark.close();
    }
  });
});
