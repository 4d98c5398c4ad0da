import { expect, highlightedTexts, test } from './fixtures';
import { PopupPage } from './pages/popup-page';

const ARTICLE = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';

test.describe('lifecycle', () => {
  test('a stopped service worker loses nothing: the popup still searches and pages still get their data', async ({ context, extensionId, openArticle }) => {
    const page = await openArticle(ARTICLE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const popup = await PopupPage.open(context, extensionId);
    await popup.search.fill('netanya');
    await expect(popup.results.first()).toContainText('Benjamin Netanyahu');
    const fresh = await openArticle(ARTICLE.replace('demo-article', 'demo-article-2'));
    expect(Object.values(await highlightedTexts(fresh)).flat()).toContain('Antony Blinken');
  });

  test('when the extension is reloaded (as on update), the old content script removes its highlights', async ({ context, openArticle }) => {
    const page = await openArticle(ARTICLE);
    expect(Object.values(await highlightedTexts(page)).flat().length).toBeGreaterThan(5);
    const worker = context.serviceWorkers()[0]!;
    await worker.evaluate(() => (chrome.runtime as unknown as { reload(): void }).reload()).catch(() => undefined);
    // WXT's context notices the extension went away; the session then clears everything it added.
    await page.mouse.move(10, 10);
    await expect.poll(async () => Object.values(await highlightedTexts(page)).flat().length, { timeout: 15_000 }).toBe(0);
    await expect(page.locator('backstory-card')).toHaveCount(0);
  });

  test('Backstory makes no network requests of its own', async ({ context, extensionId, openArticle }) => {
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const page = await openArticle(ARTICLE);
    await page.mouse.move(10, 10);
    const popup = await PopupPage.open(context, extensionId);
    await popup.search.fill('hamas');
    await expect(popup.results.first()).toBeVisible();
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForTimeout(500);
    const web = requests.filter((url) => /^https?:/.test(url));
    expect(web).toEqual([ARTICLE]);
  });
});
