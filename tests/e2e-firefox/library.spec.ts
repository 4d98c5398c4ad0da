import { generateDatasetText } from '../fixtures/datasets/generate';
import { courier, gazette, LIBRARY_ARTICLE, LIBRARY_HTML } from '../fixtures/datasets/library';
import { readFileSync } from 'node:fs';
import { OPTIONS } from '../e2e/pages/selectors';
import {
  clickInCard,
  expect,
  type FirefoxWithDownloads,
  highlightedTexts,
  inCard,
  launchFirefoxWithDownloads,
  pointOf,
  test,
  waitForCard,
} from './fixtures';
import { FirefoxOptions } from './pages/options';
import { FirefoxPopup } from './pages/popup';

const bundled = JSON.parse(readFileSync('data/backstory.json', 'utf8')) as { title: string };

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

  test('the bundled dataset can be removed and restored', async ({ firefox, openArticle }) => {
    const options = await FirefoxOptions.open(firefox);
    await options.importFile('gazette.json', gazette);
    const article = await openArticle(LIBRARY_ARTICLE, LIBRARY_HTML);
    await expect.poll(() => marked(article)).toEqual(['Hamas', 'Ka Vexra']);

    await options.page.bringToFront();
    await options.removeDataset('backstory-bundled');
    expect(await options.libraryIds()).toEqual(['test-gazette']);
    await expect.poll(() => marked(article)).toEqual(['Ka Vexra']);
    // A fresh options page (a restarted background would seed it again if it forgot the removal) keeps it removed.
    const reopened = await FirefoxOptions.open(firefox);
    expect(await reopened.libraryIds()).toEqual(['test-gazette']);

    await reopened.restoreBundled();
    await expect.poll(() => reopened.text(`${OPTIONS.dataset('backstory-bundled')} ${OPTIONS.title}`)).toBe(bundled.title);
    await expect.poll(() => marked(article)).toEqual(['Hamas', 'Ka Vexra']);
  });

  test('a backup restored into a fresh profile gives the same library, edits and exports', async () => {
    // The first machine and a fresh profile to restore into, started together.
    const launched = await Promise.allSettled([launchFirefoxWithDownloads(), launchFirefoxWithDownloads()]);
    const failed = launched.find((result) => result.status === 'rejected');
    if (failed) {
      await Promise.all(launched.map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)));
      throw failed.reason;
    }
    const [first, other] = launched.map((result) => (result as PromiseFulfilledResult<FirefoxWithDownloads>).value) as [
      FirefoxWithDownloads,
      FirefoxWithDownloads,
    ];
    try {
      const options = await FirefoxOptions.open(first);
      await options.importFile('gazette.json', gazette);
      await options.openEntity('Ka Vexra');
      await options.editSummary('Noted on the first machine.');
      await options.importFile('courier.json', courier);
      await options.setEnabled('test-courier', false);
      await options.move('test-courier', 'up');
      const backup = await first.download(() => options.clickButton('Back up everything'));
      const exported = await first.download(() => options.use('test-gazette').clickDatasetButton('Export the full dataset'));

      const restored = await FirefoxOptions.open(other);
      expect(await restored.libraryIds()).toEqual(['backstory-bundled']);
      await restored.restoreBackup(backup.file, backup.text);
      await expect.poll(() => restored.libraryIds()).toEqual(['backstory-bundled', 'test-courier', 'test-gazette']);
      expect(await restored.enabled('test-courier')).toBe(false);
      await expect.poll(() => restored.use('test-gazette').editCount()).toBe('1 edited, 0 added, 0 deleted');
      expect((await other.download(() => restored.clickDatasetButton('Export the full dataset'))).text).toBe(exported.text);
      const again = await other.download(() => restored.clickButton('Back up everything'));
      const withoutDate = (text: string) => text.replace(/"createdAt": "[^"]+"/, '');
      expect(withoutDate(again.text)).toBe(withoutDate(backup.text));
    } finally {
      await Promise.all([first.close(), other.close()]);
    }
  });
});
