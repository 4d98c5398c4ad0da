import { allHighlighted, expect, fixturePage, tabIdOf, test } from './fixtures';
import { FirefoxPopup } from './pages/popup';
import { openExtensionPage } from '../support/firefox';

const ARTICLE = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';

test.describe('the toolbar popup, in Firefox', () => {
  test('finds an entity by a prefix, by an alias ignoring case and accents, and despite a typo; the keyboard chooses', async ({
    firefox,
  }) => {
    const popup = await FirefoxPopup.open(firefox);
    await popup.search('Blink');
    await expect.poll(async () => (await popup.resultNames())[0]).toBe('Antony Blinken');
    await popup.pressInSearch('Enter');
    await expect.poll(() => popup.entryText('Antony Blinken')).toContain('Secretary of State');

    await popup.search('khan yunis');
    await expect.poll(async () => (await popup.resultNames())[0]).toBe('Khan Younis');
    await popup.search('ANTÓNIO');
    await expect.poll(async () => (await popup.resultNames())[0]).toContain('Guterres');
    await popup.search('netanyhau');
    await expect.poll(async () => (await popup.resultNames())[0]).toBe('Benjamin Netanyahu');

    await popup.search('gaza');
    await expect.poll(async () => (await popup.resultNames()).length).toBeGreaterThan(1);
    await popup.pressInSearch('ArrowDown');
    await expect.poll(() => popup.selectedResult()).toBe(1);
    const second = (await popup.resultNames())[1]!;
    await popup.pressInSearch('Enter');
    await expect.poll(() => popup.entryText(second)).not.toBeNull();
  });

  test('lists the cast of the page with mention counts matching the highlights, and the badge counts the entities', async ({
    firefox,
    openArticle,
  }) => {
    const article = await openArticle(ARTICLE);
    const highlighted = (await allHighlighted(article)).length;
    const tabId = await tabIdOf(firefox, article);
    const popup = await FirefoxPopup.open(firefox, tabId);
    await expect.poll(async () => (await popup.castNames()).length).toBeGreaterThan(0);
    const counts = await popup.castCounts();
    expect(counts.reduce((a, b) => a + b, 0)).toBe(highlighted);
    expect(await popup.castNames()).toEqual(expect.arrayContaining(['Antony Blinken', 'Hamas', 'Israel Defense Forces', 'Khan Younis']));
    expect(await popup.firstPerson()).toBe('Antony Blinken');
    // The toolbar badge (browserAction in Firefox's Manifest V2) shows the number of distinct entities.
    const badge = await popup.page.evaluate((id) => browser.browserAction.getBadgeText({ tabId: id }), tabId);
    expect(Number(badge)).toBe(counts.length);
  });

  test('the badge follows the tab: cleared when it moves to a page without Backstory, recounted on the next article', async ({
    firefox,
    openArticle,
  }) => {
    const article = await openArticle(ARTICLE.replace('demo-article', 'badge-article'));
    const tabId = await tabIdOf(firefox, article);
    const reader = await openExtensionPage(firefox.browser, 'popup.html', { background: true });
    const badge = () => reader.evaluate((id) => browser.browserAction.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge).toMatch(/^[1-9]\d*$/);
    // Same tab, a site Backstory does not run on.
    await article.goto(
      firefox.news.serve(
        'https://www.example.org/recipes/soup.html',
        '<!doctype html><title>Soup</title><p>Antony Blinken likes soup.</p>',
      ),
    );
    await expect.poll(badge).toBe('');
    // Back to a news page, in the same tab, with one entity only.
    const brief = 'https://edition.cnn.com/2024/03/22/middleeast/brief/index.html';
    await article.goto(firefox.news.serve(brief, '<!doctype html><title>Brief</title><article><p>Hamas replied on Friday.</p></article>'));
    await expect.poll(badge).toBe('1');
  });

  test('choosing a cast entry scrolls the page to the mention and flashes it', async ({ firefox, openArticle }) => {
    const html = fixturePage('article.html').replace('<p id="p4">', '<div style="height: 2400px"></div><p id="p4">');
    const article = await openArticle(ARTICLE.replace('demo-article', 'demo-article-long'), html);
    // Firefox does not run the smooth scroll of a hidden tab: the page stays in front, as under a real popup.
    const popup = await FirefoxPopup.open(firefox, await tabIdOf(firefox, article), { behind: true });
    // The flash lasts a moment, which a busy machine can spend before the click returns: the page
    // itself notes what it flashed.
    await article.evaluate(() => {
      const w = window as unknown as { __flashed?: string };
      const look = setInterval(() => {
        const range = [...(CSS.highlights.get('backstory-flash') ?? [])][0];
        if (!range) return;
        w.__flashed = range.startContainer.textContent!.slice(range.startOffset, range.endOffset);
        clearInterval(look);
      }, 20);
    });
    await popup.chooseCastEntry('World Health Organization');
    await expect.poll(() => article.evaluate(() => (window as unknown as { __flashed?: string }).__flashed)).toBe('World Health Organization');
    await expect.poll(() => article.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
  });
});

test.describe('the per-site switch, in Firefox', () => {
  test.use({ ownBrowser: true });

  test('turning Backstory off on a curated site removes the highlights at once, and on again brings them back', async ({
    firefox,
    openArticle,
  }) => {
    const article = await openArticle(ARTICLE);
    const popup = await FirefoxPopup.open(firefox, await tabIdOf(firefox, article));
    await expect.poll(() => popup.siteToggleText()).toBe('Turn off on this site');
    await popup.toggleSite();
    await expect.poll(async () => (await allHighlighted(article)).length).toBe(0);
    await expect.poll(() => popup.bodyText()).toContain('Backstory is off on this site.');
    await popup.toggleSite();
    await expect.poll(async () => (await allHighlighted(article)).length).toBeGreaterThan(5);
  });

  test('turning Backstory on for a site outside the curated list marks the open page at once and future visits too', async ({
    firefox,
    openArticle,
  }) => {
    const url = 'https://www.localnews.example/2024/03/21/talks.html';
    const article = await openArticle(url, undefined, { waitForScan: false });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await allHighlighted(article)).toEqual([]);
    const popup = await FirefoxPopup.open(firefox, await tabIdOf(firefox, article));
    await expect.poll(() => popup.siteToggleText()).toBe('Turn on for this site');
    await popup.toggleSite();
    await expect.poll(async () => (await allHighlighted(article)).length).toBeGreaterThan(5);
    const again = await openArticle(url.replace('talks', 'more-talks'));
    expect(await allHighlighted(again)).toContain('Antony Blinken');
  });
});
