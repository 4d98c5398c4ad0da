import { allHighlighted, expect, fixturePage, test } from './fixtures';
import { FirefoxOptions } from './pages/options';
import { FirefoxPopup } from './pages/popup';
import { launchFirefoxWithExtension } from '../support/firefox';

const ARTICLE = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';

/** Whether the background page is running, as the extension itself sees its views. */
function backgroundRunning(): boolean {
  return browser.extension.getViews().some((view) => view.location.pathname.includes('background'));
}

test.describe('lifecycle, in Firefox', () => {
  test('the background (an event page) is stopped when idle and loses nothing: the popup still searches and pages still get their data', async () => {
    // Firefox stops an idle event page after extensions.background.idle.timeout seconds (30 by
    // default, like Chrome's service worker): 4 here, so the test sees a real stop and restart.
    const firefox = await launchFirefoxWithExtension({ prefs: { 'extensions.background.idle.timeout': 4 } });
    try {
      const url = firefox.news.serve(ARTICLE, fixturePage('article.html'));
      const article = await firefox.browser.newPage();
      await article.goto(url);
      await expect.poll(async () => (await allHighlighted(article)).length, { timeout: 20_000 }).toBeGreaterThan(5);

      const popup = await FirefoxPopup.open(firefox);
      // Running while it answers the page and the popup, then stopped once idle.
      await expect.poll(() => popup.page.evaluate(backgroundRunning), { intervals: [100] }).toBe(true);
      await expect.poll(() => popup.page.evaluate(backgroundRunning), { timeout: 30_000, intervals: [250] }).toBe(false);

      // Woken by the search, with nothing lost: the database is reopened, the index rebuilt.
      await popup.search('netanya');
      await expect.poll(async () => (await popup.resultNames())[0]).toBe('Benjamin Netanyahu');

      await expect.poll(() => popup.page.evaluate(backgroundRunning), { timeout: 30_000, intervals: [250] }).toBe(false);
      const fresh = await firefox.browser.newPage();
      await fresh.goto(firefox.news.serve(ARTICLE.replace('demo-article', 'demo-article-2'), fixturePage('article.html')));
      await expect.poll(async () => allHighlighted(fresh), { timeout: 20_000 }).toContain('Antony Blinken');
    } finally {
      await firefox.close();
    }
  });

  test('Backstory makes no network requests of its own', async ({ firefox, openArticle }) => {
    // Every host name resolves to the local server, so it sees every request Firefox makes to the web.
    const before = firefox.news.requests.length;
    const page = await openArticle(ARTICLE.replace('demo-article', 'quiet-article'));
    await page.mouse.move(10, 10);
    const popup = await FirefoxPopup.open(firefox);
    await popup.search('hamas');
    await expect.poll(async () => (await popup.resultNames()).length).toBeGreaterThan(0);
    const options = await FirefoxOptions.open(firefox);
    await expect.poll(() => options.title()).not.toBeNull();
    // Firefox asks for the site's icon itself; anything else would be Backstory's.
    const requests = firefox.news.requests.slice(before).filter((request) => !request.endsWith('/favicon.ico'));
    expect(requests).toEqual(['edition.cnn.com/2024/03/21/middleeast/quiet-article/index.html']);
  });

  test.skip('when the extension is reloaded (as on update), the old content script removes its highlights', () => {
    // Cannot pass in Firefox today, so it is not run: Firefox unloads a reloaded or updated
    // extension's content scripts together with their sandbox, so the old script never runs its
    // clean-up (WXT's context check is a timer in that sandbox). Probed with runtime.reload(): the
    // open page keeps every highlight registered and painted, while new pages get the new script.
    // Clearing them needs the new instance to reach the old tabs (host permissions for the news sites).
  });
});
