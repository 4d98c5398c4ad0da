import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { generateDataset, generateDatasetText } from '../fixtures/datasets/generate';
import { startDatasetServer } from '../fixtures/datasets/server';

const bundled = JSON.parse(readFileSync('data/backstory.json', 'utf8')) as { title: string; version: string; entities: unknown[] };
const v1 = generateDatasetText({ count: 20 });

test.describe('importing a dataset on the options page', () => {
  test('a file from the picker: a new dataset id adds a dataset (dry run, then apply); its second version updates it', async ({
    context,
    extensionId,
  }) => {
    const options = await OptionsPage.open(context, extensionId);
    await options.chooseFile('gazette-1.0.0.json', v1);
    await expect(options.review).toBeVisible();
    await expect(options.importTarget).toHaveText('Adds a new dataset to your library: Test Gazette dataset.');
    await expect(options.diff('added')).toHaveText('20');
    await expect(options.diff('removed')).toHaveText('0');
    await expect(options.diff('changed')).toHaveText('0');
    await expect(options.diff('conflicts')).toHaveText('0');
    // Nothing is written before Apply.
    await expect(options.libraryItems).toHaveCount(1);
    await options.apply();
    await expect(options.title).toHaveText('Test Gazette dataset');
    await expect(options.count).toHaveText('20');
    // The bundled dataset is still there, first in the order.
    await expect(options.libraryItems).toHaveCount(2);
    await expect(options.libraryItems.first().getByTestId('dataset-title')).toHaveText(bundled.title);

    await options.chooseFile('gazette-1.1.0.json', generateDatasetText({ count: 22, version: '1.1.0', changed: [0, 1], removed: [5] }));
    await expect(options.importTarget).toHaveText('Updates Test Gazette dataset in your library.');
    await expect(options.diff('added')).toHaveText('2');
    await expect(options.diff('changed')).toHaveText('2');
    await expect(options.diff('removed')).toHaveText('1');
    await expect(options.diff('unchanged')).toHaveText('17');
    await options.page.getByText('Changed (2)').click();
    await expect(options.page.getByTestId('diff-list-changed')).toContainText('person-0');
    await options.apply();
    await expect(options.version).toHaveText('1.1.0');
    await expect(options.count).toHaveText('21');
  });

  test('a file dropped on the drop zone', async ({ context, extensionId }) => {
    const options = await OptionsPage.open(context, extensionId);
    await options.dropFile('dropped.json', v1);
    await expect(options.diff('added')).toHaveText('20');
    await options.apply();
    await expect(options.count).toHaveText('20');
  });

  test('cancelling the review changes nothing', async ({ context, extensionId }) => {
    const options = await OptionsPage.open(context, extensionId);
    const before = await options.export('full');
    await options.chooseFile('gazette.json', v1);
    await options.review.waitFor();
    await options.page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(options.review).toBeHidden();
    expect((await options.export('full')).text).toBe(before.text);
  });

  test('from a URL on a local server that sends CORS headers', async ({ context, extensionId }) => {
    const server = await startDatasetServer({ '/gazette.json': { body: v1, etag: '"v1"' } });
    try {
      const options = await OptionsPage.open(context, extensionId);
      await options.importUrl(server.url('/gazette.json'));
      await expect(options.diff('added')).toHaveText('20');
      await options.apply();
      await expect(options.title).toHaveText('Test Gazette dataset');
    } finally {
      await server.close();
    }
  });

  test('URL errors are explained: a web page, a missing file, a server without CORS', async ({ context, extensionId }) => {
    const server = await startDatasetServer({
      '/page.html': { body: '<!doctype html><title>Hi</title>', contentType: 'text/html' },
      '/private.json': { body: v1, noCors: true },
    });
    try {
      const options = await OptionsPage.open(context, extensionId);
      const alert = options.page.locator('section[aria-labelledby="import-heading"] [role="alert"]');
      await options.importUrl(server.url('/page.html'));
      await expect(alert).toContainText('a web page (HTML), not a JSON dataset');
      await options.importUrl(server.url('/missing.json'));
      await expect(alert).toContainText('answered 404');
      await options.importUrl(server.url('/private.json'));
      await expect(alert).toContainText('did not allow Backstory to read the file');
      await expect(options.page.getByRole('button', { name: 'Allow access to 127.0.0.1' })).toBeVisible();
      await options.importUrl('javascript:alert(1)');
      await expect(alert).toContainText('Only http:// and https://');
    } finally {
      await server.close();
    }
  });

  test('export, import the file, export again: the same bytes', async ({ context, extensionId }) => {
    const options = await OptionsPage.open(context, extensionId);
    await options.importFile('gazette.json', JSON.stringify(generateDataset({ count: 12 }), null, 4));
    await options.openEntity('Ka Vexra');
    await options.editSummary('A summary corrected on this machine.');
    const first = await options.export('full');
    expect(first.name).toBe('test-gazette-1.0.0.json');
    expect(first.text).toContain('A summary corrected on this machine.');
    await options.removeDataset('test-gazette');
    await expect(options.libraryItems).toHaveCount(1);
    await options.importFile(first.name, first.text);
    const second = await options.export('full');
    expect(second.text).toBe(first.text);
  });

  test('reset the bundled dataset, keeping or discarding local edits; other datasets are not touched', async ({ context, extensionId }) => {
    const options = await OptionsPage.open(context, extensionId);
    await options.importFile('gazette.json', v1);
    await expect(options.count).toHaveText('20');
    await options.reset();
    await expect(options.title).toHaveText(bundled.title);
    await expect(options.count).toHaveText(String(bundled.entities.length));
    await expect(options.dataset('test-gazette').getByTestId('dataset-count')).toHaveText('20');

    await options.openEntity('Hamas');
    await options.editSummary('My own note about this organisation.');
    await options.reset(true);
    await expect(options.editCount).toHaveText('1 edited, 0 added, 0 deleted');
    await options.reset(false);
    await expect(options.editCount).toHaveText('None');
  });
});
