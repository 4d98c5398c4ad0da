import { servePage } from '../support/extension';
import { expect, highlightedTexts, test } from './fixtures';
import { PopupPage } from './pages/popup-page';

const ARTICLE = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';

test.describe('the popup on a news page', () => {
  test('lists the cast of the page with mention counts matching the highlights', async ({ context, extensionId, openArticle }) => {
    const article = await openArticle(ARTICLE);
    const highlighted = Object.values(await highlightedTexts(article)).flat().length;
    const tabId = await PopupPage.tabIdOf(article);
    const popup = await PopupPage.open(context, extensionId, tabId);
    await expect(popup.castItems.first()).toBeVisible();
    const counts = await popup.page.locator('.cast-count').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(highlighted);
    const names = await popup.page.locator('.cast-name').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Antony Blinken', 'Hamas', 'Israel Defense Forces', 'Khan Younis']));
    // Grouped by kind: people come first, and Blinken (named first) leads them.
    await expect(popup.page.locator('section[aria-labelledby="cast-person"] .cast-name').first()).toHaveText('Antony Blinken');
  });

  test('the toolbar badge shows the number of distinct entities', async ({ openArticle }) => {
    const article = await openArticle(ARTICLE);
    const tabId = await PopupPage.tabIdOf(article);
    const worker = article.context().serviceWorkers()[0]!;
    await expect.poll(() => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toMatch(/^\d+$/);
    const badge = Number(await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId));
    const popup = await PopupPage.open(article.context(), new URL(worker.url()).host, tabId);
    await expect(popup.castItems.first()).toBeVisible();
    expect(badge).toBe(await popup.castItems.count());
  });

  test('the badge follows the tab: cleared when it moves to a page without Backstory, recounted on the next article', async ({
    context,
    openArticle,
  }) => {
    const article = await openArticle(ARTICLE);
    const tabId = await PopupPage.tabIdOf(article);
    const worker = context.serviceWorkers()[0]!;
    const badge = () => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge).toMatch(/^[1-9]\d*$/);

    // Same tab, a site Backstory does not run on.
    const elsewhere = 'https://www.example.org/recipes/soup.html';
    await servePage(context, elsewhere, '<!doctype html><title>Soup</title><p>Antony Blinken likes soup.</p>');
    await article.goto(elsewhere);
    await expect.poll(badge).toBe('');

    // Back to a news page, in the same tab, with one entity only.
    const brief = 'https://edition.cnn.com/2024/03/22/middleeast/brief/index.html';
    await servePage(context, brief, '<!doctype html><title>Brief</title><article><p>Hamas replied on Friday.</p></article>');
    await article.goto(brief);
    await expect.poll(badge).toBe('1');
  });

  test('choosing a cast entry scrolls the page to the mention and flashes it', async ({ context, extensionId, openArticle }) => {
    const html = (await import('./fixtures'))
      .fixturePage('article.html')
      .replace('<p id="p4">', '<div style="height: 2400px"></div><p id="p4">');
    const article = await openArticle(ARTICLE, html);
    const tabId = await PopupPage.tabIdOf(article);
    const popup = await PopupPage.open(context, extensionId, tabId);
    await popup.page.getByRole('button', { name: /^World Health Organization/ }).click();
    await expect.poll(() => article.evaluate(() => CSS.highlights.get('backstory-flash')?.size ?? 0)).toBe(1);
    const flashed = await article.evaluate(() => {
      const range = [...CSS.highlights.get('backstory-flash')!][0]!;
      return range.startContainer.textContent!.slice(range.startOffset, range.endOffset);
    });
    expect(flashed).toBe('World Health Organization');
    await expect.poll(() => article.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  });

  test('turning Backstory off on the site removes the highlights at once, and on again brings them back', async ({
    context,
    extensionId,
    openArticle,
  }) => {
    const article = await openArticle(ARTICLE);
    const tabId = await PopupPage.tabIdOf(article);
    const popup = await PopupPage.open(context, extensionId, tabId);
    await expect(popup.siteToggle).toHaveText('Turn off on this site');
    await popup.siteToggle.click();
    await expect.poll(() => article.evaluate(() => [...CSS.highlights.keys()].filter((n) => n.startsWith('backstory')).length)).toBe(0);
    await expect(popup.page.getByText('Backstory is off on this site.')).toBeVisible();
    await popup.siteToggle.click();
    await expect.poll(async () => Object.values(await highlightedTexts(article)).flat().length).toBeGreaterThan(5);
  });
});

test.describe('the site switch outside the curated list', () => {
  test('turning Backstory on for a new site marks the open page at once and future visits too', async ({
    context,
    extensionId,
    openArticle,
  }) => {
    const url = 'https://www.localnews.example/2024/03/21/talks.html';
    const article = await openArticle(url, undefined, { waitForScan: false });
    await article.waitForTimeout(800);
    expect(Object.values(await highlightedTexts(article)).flat()).toEqual([]);
    const tabId = await PopupPage.tabIdOf(article);
    const popup = await PopupPage.open(context, extensionId, tabId);
    await expect(popup.siteToggle).toHaveText('Turn on for this site');
    await popup.siteToggle.click();
    await expect.poll(async () => Object.values(await highlightedTexts(article)).flat().length).toBeGreaterThan(5);
    // A later visit is marked by the registered content script.
    const again = await openArticle(url.replace('talks', 'more-talks'));
    expect(Object.values(await highlightedTexts(again)).flat()).toContain('Antony Blinken');
  });
});
