import { readFileSync } from 'node:fs';
import { generateDataset, generateDatasetText } from '../fixtures/datasets/generate';
import { startDatasetServer } from '../fixtures/datasets/server';
import { OPTIONS } from '../e2e/pages/selectors';
import { expect, launchFirefoxWithDownloads, test } from './fixtures';
import { FirefoxOptions } from './pages/options';

const bundled = JSON.parse(readFileSync('data/backstory.json', 'utf8')) as { title: string; version: string; entities: unknown[] };

test.describe('the data on the options page, in Firefox', () => {
  test.use({ ownBrowser: true });

  test("shows the loaded dataset's title, version and entity count, and lists entities", async ({ firefox }) => {
    const options = await FirefoxOptions.open(firefox);
    await expect.poll(() => options.title()).toBe(bundled.title);
    expect(await options.version()).toBe(bundled.version);
    expect(await options.count()).toBe(String(bundled.entities.length));
    await expect.poll(() => options.page.$$eval(OPTIONS.entityRows, (rows) => rows.length)).toBeGreaterThan(10);
  });

  test('URL errors are explained: a web page, a missing file, a server without CORS', async ({ firefox }) => {
    const server = await startDatasetServer({
      '/page.html': { body: '<!doctype html><title>Hi</title>', contentType: 'text/html' },
      '/private.json': { body: generateDatasetText({ count: 3 }), noCors: true },
    });
    try {
      const options = await FirefoxOptions.open(firefox);
      const alert = () =>
        options.page.$eval('section[aria-labelledby="import-heading"] [role="alert"]', (el) => el.textContent ?? '').catch(() => '');
      await options.importUrl(server.url('/page.html'));
      await expect.poll(alert).toContain('a web page (HTML), not a JSON dataset');
      await options.importUrl(server.url('/missing.json'));
      await expect.poll(alert).toContain('answered 404');
      await options.importUrl(server.url('/private.json'));
      await expect.poll(alert).toContain('did not allow Backstory to read the file');
      expect(await options.hasButton(`Allow access to ${new URL(server.url('/')).host}`)).toBe(true);
    } finally {
      await server.close();
    }
  });

  test('export, reset the bundled dataset (the export is not touched), remove and import the file, export again: the same bytes', async () => {
    const firefox = await launchFirefoxWithDownloads();
    /** Exports the current dataset in full. */
    const exported = (options: FirefoxOptions) => firefox.download(() => options.clickDatasetButton('Export the full dataset'));
    try {
      const options = await FirefoxOptions.open(firefox);
      await options.importFile('gazette.json', JSON.stringify(generateDataset({ count: 12 }), null, 4));
      await options.openEntity('Ka Vexra');
      await options.editSummary('A summary corrected on this machine.');
      const first = await exported(options);
      expect(first.file).toBe('test-gazette-1.0.0.json');
      expect(first.text).toContain('A summary corrected on this machine.');

      // Resetting the bundled dataset leaves the imported one as it was.
      await options.reset();
      await expect.poll(() => options.title()).toBe(bundled.title);
      await expect.poll(() => options.count()).toBe(String(bundled.entities.length));
      expect(await options.use('test-gazette').count()).toBe('12');
      expect((await exported(options)).text).toBe(first.text);

      await options.removeDataset('test-gazette');
      expect(await options.libraryIds()).toEqual(['backstory-bundled']);
      await options.importFile(first.file, first.text);
      await expect.poll(() => options.libraryIds()).toEqual(['backstory-bundled', 'test-gazette']);
      const second = await exported(options);
      expect(second.file).not.toBe(first.file);
      expect(second.text).toBe(first.text);
    } finally {
      await firefox.close();
    }
  });

  test('reset the bundled dataset, keeping or discarding local edits; other datasets are not touched', async ({ firefox }) => {
    const options = await FirefoxOptions.open(firefox);
    await options.importFile('gazette.json', generateDatasetText({ count: 20 }));
    await expect.poll(() => options.count()).toBe('20');
    await options.reset();
    await expect.poll(() => options.title()).toBe(bundled.title);
    await expect.poll(() => options.count()).toBe(String(bundled.entities.length));
    expect(await options.text(`${OPTIONS.dataset('test-gazette')} ${OPTIONS.count}`)).toBe('20');

    await options.openEntity('Hamas');
    await options.editSummary('My own note about this organisation.');
    await expect.poll(() => options.editCount()).toBe('1 edited, 0 added, 0 deleted');
    await options.reset(true);
    expect(await options.text(OPTIONS.dataMessage)).toContain('1 local edits kept.');
    await expect.poll(() => options.editCount()).toBe('1 edited, 0 added, 0 deleted');
    await options.reset(false);
    await expect.poll(() => options.editCount()).toBe('None');
    expect(await options.text(`${OPTIONS.dataset('test-gazette')} ${OPTIONS.count}`)).toBe('20');
  });
});
