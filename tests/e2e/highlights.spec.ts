import { locateWordBefore } from '../support/page-probes';
import { castCounts, expect, highlightedTexts, pointOf, test } from './fixtures';

const URL = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';

test.describe('mentions on a curated news site', () => {
  test('highlights mentions in the article and not in page chrome', async ({ openArticle }) => {
    const page = await openArticle('https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html');
    const texts = await highlightedTexts(page);
    const all = Object.values(texts).flat();
    expect(texts['backstory-person']).toEqual(expect.arrayContaining(['Antony Blinken', 'Prime Minister Benjamin Netanyahu', 'Netanyahu']));
    expect(texts['backstory-organization']).toEqual(
      expect.arrayContaining(['Hamas', 'Israel Defense Forces', 'IDF', 'World Health Organization']),
    );
    expect(texts['backstory-place']).toEqual(expect.arrayContaining(['Khan Yunis', 'Al-Shifa Hospital', 'Rafah', 'Doha']));
    // "who" is not the WHO; the aside and the footer are not article text.
    expect(all).not.toContain('who');
    expect(all).not.toContain('Lloyd Austin');
    expect(all.filter((t) => t === 'Hamas')).toHaveLength(1);
  });

  test('leaves the page DOM untouched until a card is opened', async ({ openArticle }) => {
    const page = await openArticle('https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html');
    expect(await page.locator('[data-backstory-ui]').count()).toBe(0);
    expect(await page.locator('#p1').innerHTML()).toContain('<a href="#">Antony</a> Blinken');
  });

  test('text the page reveals later is marked, and text it hides loses its marks', async ({ openArticle }) => {
    // A consent dialog hides the whole page from assistive technology until it is answered.
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks</title></head><body>
      <div id="page" aria-hidden="true"><article>
        <p id="lead">Hamas answered the proposal on Tuesday.</p>
        <div id="more" hidden><p>Antony Blinken arrived in Doha.</p></div>
      </article></div>
      <div role="dialog" aria-label="Cookies"><button>Accept</button></div></body></html>`;
    const page = await openArticle('https://edition.cnn.com/2024/03/21/middleeast/consent-article/index.html', html, {
      waitForScan: false,
    });
    const marked = async () =>
      Object.values(await highlightedTexts(page))
        .flat()
        .sort();
    await page.waitForTimeout(1000);
    expect(await marked()).toEqual([]);

    await page.evaluate(() => document.getElementById('page')!.removeAttribute('aria-hidden'));
    await expect.poll(marked).toEqual(['Hamas']);
    await page.evaluate(() => (document.getElementById('more')!.hidden = false));
    await expect.poll(marked).toEqual(['Antony Blinken', 'Doha', 'Hamas']);
    await page.evaluate(() => document.getElementById('lead')!.setAttribute('aria-hidden', 'true'));
    await expect.poll(marked).toEqual(['Antony Blinken', 'Doha']);
  });

  test('records a backstory:scan measure for each scan pass', async ({ openArticle }) => {
    const page = await openArticle('https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html');
    const measures = await page.evaluate(() => performance.getEntriesByName('backstory:scan').map((e) => e.entryType));
    expect(measures.length).toBeGreaterThan(0);
    expect(new Set(measures)).toEqual(new Set(['measure']));
  });

  test('does nothing on a site outside the curated list', async ({ openArticle }) => {
    const page = await openArticle('https://news.example.org/2024/03/21/demo-article.html', undefined, { waitForScan: false });
    await page.waitForTimeout(1500);
    const count = await page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('backstory')).length);
    expect(count).toBe(0);
    expect(await page.evaluate(() => performance.getEntriesByName('backstory:scan').length)).toBe(0);
  });
});

test.describe('only the first mention of each name', () => {
  test('marks each name once when the reader asks, keeps counting them all, and only the mark opens a card', async ({
    context,
    extensionId,
    openArticle,
  }) => {
    const page = await openArticle(URL);
    expect((await highlightedTexts(page))['backstory-person']).toEqual(
      expect.arrayContaining(['Antony Blinken', 'Prime Minister Benjamin Netanyahu', 'Netanyahu']),
    );
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByLabel('Only the first mention of each name in the article').check();
    await expect(options.getByTestId('settings-saved')).toHaveText('Marks saved.');

    await expect
      .poll(async () => ((await highlightedTexts(page))['backstory-person'] ?? []).sort())
      .toEqual(['Antony Blinken', 'Prime Minister Benjamin Netanyahu']);
    await expect.poll(async () => (await castCounts(page)).counts['backstory-bundled/benjamin-netanyahu']).toBe(2);
    // The second "Netanyahu" is not marked: the pointer over it opens nothing.
    const second = await page.evaluate(locateWordBefore, { selector: '#p2', word: 'Netanyahu', followedBy: ' has' });
    await page.bringToFront();
    await page.mouse.move(second.x, second.y);
    await page.waitForTimeout(800);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const first = await pointOf(page, '#p2', 'Benjamin');
    await page.mouse.move(first.x, first.y);
    await expect(page.getByRole('dialog', { name: 'Benjamin Netanyahu' })).toBeVisible();
  });
});
