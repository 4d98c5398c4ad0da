import { click } from '../support/firefox';
import { allHighlighted, castCounts, expect, highlightedTexts, pointOf, test, waitForCard } from './fixtures';
import { FirefoxOptions } from './pages/options';
import { highlightNames, locateWordBefore, openCard, scanEntries } from '../support/page-probes';

const ARTICLE = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';

test.describe('mentions on a curated news site, in Firefox', () => {
  test('highlights mentions in the article and not in page chrome, with a backstory:scan measure per pass, and no DOM change', async ({
    openArticle,
  }) => {
    const page = await openArticle(ARTICLE);
    const texts = await highlightedTexts(page);
    const all = Object.values(texts).flat();
    expect(texts['backstory-person']).toEqual(expect.arrayContaining(['Antony Blinken', 'Prime Minister Benjamin Netanyahu', 'Netanyahu']));
    expect(texts['backstory-organization']).toEqual(
      expect.arrayContaining(['Hamas', 'Israel Defense Forces', 'IDF', 'World Health Organization']),
    );
    expect(texts['backstory-place']).toEqual(expect.arrayContaining(['Khan Yunis', 'Al-Shifa Hospital', 'Rafah', 'Doha']));
    expect(all).not.toContain('who');
    expect(all).not.toContain('Lloyd Austin');
    expect(all.filter((t) => t === 'Hamas')).toHaveLength(1);
    // The content script's user-timing entries reach the page's timeline in Firefox too (test builds only).
    expect(await page.evaluate(scanEntries)).toEqual({ count: expect.any(Number), types: ['measure'] });
    expect(await page.$$eval('[data-backstory-ui], backstory-card', (els) => els.length)).toBe(0);
    expect(await page.$eval('#p1', (p) => p.innerHTML)).toContain('<a href="#">Antony</a> Blinken');
  });

  test('text the page reveals later is marked, and text it hides loses its marks', async ({ openArticle }) => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks</title></head><body>
      <div id="page" aria-hidden="true"><article>
        <p id="lead">Hamas answered the proposal on Tuesday.</p>
        <div id="more" hidden><p>Antony Blinken arrived in Doha.</p></div>
      </article></div>
      <div role="dialog" aria-label="Cookies"><button>Accept</button></div></body></html>`;
    const page = await openArticle('https://edition.cnn.com/2024/03/21/middleeast/consent-article/index.html', html, {
      waitForScan: false,
    });
    const marked = async () => (await allHighlighted(page)).sort();
    // Backstory has started (its first scan pass is on the timeline) and marked nothing hidden.
    await expect.poll(async () => (await page.evaluate(scanEntries)).count).toBeGreaterThan(0);
    expect(await marked()).toEqual([]);
    await page.evaluate(() => document.getElementById('page')!.removeAttribute('aria-hidden'));
    await expect.poll(marked).toEqual(['Hamas']);
    await page.evaluate(() => (document.getElementById('more')!.hidden = false));
    await expect.poll(marked).toEqual(['Antony Blinken', 'Doha', 'Hamas']);
    await page.evaluate(() => document.getElementById('lead')!.setAttribute('aria-hidden', 'true'));
    await expect.poll(marked).toEqual(['Antony Blinken', 'Doha']);
  });

  test('does nothing on a site outside the curated list', async ({ openArticle }) => {
    const page = await openArticle('https://news.example.org/2024/03/21/demo-article.html', undefined, { waitForScan: false });
    // Nothing to wait for when nothing runs: give a content script ample time to have started.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await page.evaluate(highlightNames)).toEqual([]);
    expect((await page.evaluate(scanEntries)).count).toBe(0);
  });
});

test.describe('only the first mention of each name, in Firefox', () => {
  // The setting holds for every page of the browser: a Firefox of the test's own.
  test.use({ ownBrowser: true });

  test('marks each name once when the reader asks, keeps counting them all, and only the mark opens a card', async ({
    firefox,
    openArticle,
  }) => {
    const page = await openArticle(ARTICLE);
    expect((await highlightedTexts(page))['backstory-person']).toEqual(
      expect.arrayContaining(['Antony Blinken', 'Prime Minister Benjamin Netanyahu', 'Netanyahu']),
    );
    const options = await FirefoxOptions.open(firefox);
    await click(options.page, '::-p-aria(Only the first mention of each name in the article)');
    await expect
      .poll(() => options.page.$eval('[data-testid="settings-saved"]', (el) => el.textContent).catch(() => null))
      .toBe('Marks saved.');

    await expect
      .poll(async () => ((await highlightedTexts(page))['backstory-person'] ?? []).sort())
      .toEqual(['Antony Blinken', 'Prime Minister Benjamin Netanyahu']);
    await expect.poll(async () => (await castCounts(page)).counts['backstory-bundled/benjamin-netanyahu']).toBe(2);
    // The second "Netanyahu" is not marked: the pointer over it opens nothing.
    const second = await page.evaluate(locateWordBefore, { selector: '#p2', word: 'Netanyahu', followedBy: ' has' });
    await page.bringToFront();
    await page.mouse.move(second.x, second.y);
    // Longer than the hover delay and the card's rendering: a card would be open by now.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await page.evaluate(openCard)).toBeNull();
    const first = await pointOf(page, '#p2', 'Benjamin');
    await page.mouse.move(first.x, first.y);
    await waitForCard(page, 'Benjamin Netanyahu');
  });
});
