import { generateDatasetText } from '../fixtures/datasets/generate';
import { courier, gazette, LIBRARY_ARTICLE, LIBRARY_HTML } from '../fixtures/datasets/library';
import { clickInCard, expect, highlightedTexts, inCard, pointOf, test, waitForCard } from './fixtures';
import { FirefoxOptions } from './pages/options';
import { FirefoxPopup } from './pages/popup';

async function marked(page: Parameters<typeof highlightedTexts>[0]): Promise<string[]> {
  return Object.values(await highlightedTexts(page))
    .flat()
    .sort();
}

test.describe('the library of datasets, in Firefox', () => {
  test.use({ ownBrowser: true });

  test('two imported datasets are searched in the popup and marked on a page; one switched off leaves the open page at once', async ({
    firefox,
    openArticle,
  }) => {
    const options = await FirefoxOptions.open(firefox);
    await options.importFile('gazette.json', gazette);
    await options.importFile('courier.json', courier);
    await expect.poll(() => options.libraryIds()).toEqual(['backstory-bundled', 'test-gazette', 'test-courier']);

    // One result for each dataset's Vexra, the first's and the second's.
    const popup = await FirefoxPopup.open(firefox);
    await popup.search('vexra');
    await expect
      .poll(async () => (await popup.resultNames()).filter((name) => name === 'Ka Vexra' || name === 'Lokaka Vexra').sort())
      .toEqual(['Ka Vexra', 'Lokaka Vexra']);
    await popup.page.close();

    const article = await openArticle(LIBRARY_ARTICLE, LIBRARY_HTML);
    await expect.poll(() => marked(article)).toEqual(['Hamas', 'Ka Vexra', 'Lokaka Vexra']);

    await options.page.bringToFront();
    await options.setEnabled('test-courier', false);
    await expect.poll(() => marked(article)).toEqual(['Hamas', 'Ka Vexra']);
    await options.setEnabled('test-courier', true);
    await expect.poll(() => marked(article)).toEqual(['Hamas', 'Ka Vexra', 'Lokaka Vexra']);
  });

  test('a name two datasets share marks the higher one, whose card offers the other', async ({ firefox, openArticle }) => {
    const options = await FirefoxOptions.open(firefox);
    await options.importFile('gazette.json', gazette);
    // Entity 0 again, under another dataset: the same name, "Ka Vexra".
    await options.importFile('rival.json', generateDatasetText({ count: 1, id: 'test-rival', title: 'Test Rival' }));
    await expect.poll(() => options.libraryIds()).toEqual(['backstory-bundled', 'test-gazette', 'test-rival']);

    const article = await openArticle(LIBRARY_ARTICLE, LIBRARY_HTML);
    await expect.poll(() => marked(article)).toEqual(['Hamas', 'Ka Vexra']);
    const at = await pointOf(article, 'article', 'Ka Vexra');
    await article.mouse.move(at.x, at.y);
    await waitForCard(article, 'Ka Vexra');
    expect((await inCard(article, '.bs-also'))?.text).toBe('Also: Ka Vexra in Test Rival');
    expect(await clickInCard(article, '.bs-also button')).toBe('Ka Vexra');
    await expect.poll(() => inCard(article, 'button[aria-label="Back to the previous card"]')).toMatchObject({ visible: true });
    await waitForCard(article, 'Ka Vexra');
    await expect.poll(async () => (await inCard(article, '.bs-also'))?.text).toBe('Also: Ka Vexra in Test Gazette dataset');
  });
});
