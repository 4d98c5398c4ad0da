import { readFileSync } from 'node:fs';
import { launchWithExtension } from '../support/extension';
import { expect, highlightedTexts, pointOf, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { generateDatasetText } from '../fixtures/datasets/generate';
import { LIBRARY_ARTICLE as ARTICLE, LIBRARY_HTML as HTML, courier, gazette } from '../fixtures/datasets/library';

const bundled = JSON.parse(readFileSync('data/backstory.json', 'utf8')) as { title: string };

async function marked(page: Parameters<typeof highlightedTexts>[0]): Promise<string[]> {
  return Object.values(await highlightedTexts(page))
    .flat()
    .sort();
}

test.describe('the library of datasets', () => {
  test('two imported datasets are searched in the popup and marked on a page; one switched off leaves the open page at once', async ({
    context,
    extensionId,
    openArticle,
  }) => {
    const options = await OptionsPage.open(context, extensionId);
    await options.importFile('gazette.json', gazette);
    await options.importFile('courier.json', courier);
    await expect(options.libraryItems).toHaveCount(3);

    const popup = await PopupPage.open(context, extensionId);
    await popup.search.fill('vexra');
    await expect(popup.results.filter({ hasText: /^Ka Vexra/ })).toHaveCount(1);
    await expect(popup.results.filter({ hasText: /^Lokaka Vexra/ })).toHaveCount(1);
    await popup.page.close();

    const article = await openArticle(ARTICLE, HTML);
    await expect.poll(() => marked(article)).toEqual(['Hamas', 'Ka Vexra', 'Lokaka Vexra']);

    await options.page.bringToFront();
    await options.setEnabled('test-courier', false);
    await expect.poll(() => marked(article)).toEqual(['Hamas', 'Ka Vexra']);
    await options.setEnabled('test-courier', true);
    await expect.poll(() => marked(article)).toEqual(['Hamas', 'Ka Vexra', 'Lokaka Vexra']);
  });

  test('a name two datasets share marks the higher one, whose card offers the other', async ({ context, extensionId, openArticle }) => {
    const options = await OptionsPage.open(context, extensionId);
    await options.importFile('gazette.json', gazette);
    // Entity 0 again, under another dataset: the same name, "Ka Vexra".
    await options.importFile('rival.json', generateDatasetText({ count: 1, id: 'test-rival', title: 'Test Rival' }));
    await expect(options.libraryItems).toHaveCount(3);

    const article = await openArticle(ARTICLE, HTML);
    await expect.poll(() => marked(article)).toEqual(['Hamas', 'Ka Vexra']);
    const at = await pointOf(article, 'article', 'Ka Vexra');
    await article.mouse.move(at.x, at.y);
    const card = article.getByRole('dialog', { name: 'Ka Vexra' });
    await expect(card.locator('.bs-also')).toHaveText('Also: Ka Vexra in Test Rival');
    await card.getByRole('button', { name: 'Ka Vexra' }).click();
    await expect(article.getByRole('button', { name: 'Back to the previous card' })).toBeVisible();
    await expect(article.getByRole('dialog', { name: 'Ka Vexra' }).locator('.bs-also')).toHaveText(
      'Also: Ka Vexra in Test Gazette dataset',
    );
  });

  test('the bundled dataset can be removed and restored', async ({ context, extensionId, openArticle }) => {
    const options = await OptionsPage.open(context, extensionId);
    await options.importFile('gazette.json', gazette);
    const article = await openArticle(ARTICLE, HTML);
    await expect.poll(() => marked(article)).toEqual(['Hamas', 'Ka Vexra']);

    await options.page.bringToFront();
    await options.removeDataset('backstory-bundled');
    await expect(options.libraryItems).toHaveCount(1);
    await expect.poll(() => marked(article)).toEqual(['Ka Vexra']);
    // Reopening the page (a restarted background would seed it again if it forgot the removal) keeps it removed.
    await options.page.reload();
    await expect(options.libraryItems).toHaveCount(1);

    await options.restoreBundled();
    await expect(options.dataset('backstory-bundled').getByTestId('dataset-title')).toHaveText(bundled.title);
    await expect.poll(() => marked(article)).toEqual(['Hamas', 'Ka Vexra']);
  });

  test('a backup restored into a fresh profile gives the same library, edits and exports', async ({ context, extensionId }) => {
    const options = await OptionsPage.open(context, extensionId);
    await options.importFile('gazette.json', gazette);
    await options.openEntity('Ka Vexra');
    await options.editSummary('Noted on the first machine.');
    await options.importFile('courier.json', courier);
    await options.setEnabled('test-courier', false);
    await options.move('test-courier', 'up');
    const backup = await options.backUp();
    const exported = await options.use('test-gazette').export('full');

    const other = await launchWithExtension();
    try {
      const restored = await OptionsPage.open(other.context, other.extensionId);
      await expect(restored.libraryItems).toHaveCount(1);
      await restored.restoreBackup(backup.name, backup.text);
      await expect(restored.libraryItems).toHaveCount(3);
      const order = await restored.libraryItems.evaluateAll((items) => items.map((item) => item.getAttribute('data-id')));
      expect(order).toEqual(['backstory-bundled', 'test-courier', 'test-gazette']);
      await expect(restored.switchOf('test-courier')).toHaveAttribute('aria-checked', 'false');
      await expect(restored.use('test-gazette').editCount).toHaveText('1 edited, 0 added, 0 deleted');
      expect((await restored.export('full')).text).toBe(exported.text);
      expect((await restored.backUp()).text.replace(/"createdAt": "[^"]+"/, '')).toBe(backup.text.replace(/"createdAt": "[^"]+"/, ''));
    } finally {
      await other.close();
    }
  });
});
