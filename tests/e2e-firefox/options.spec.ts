import { readFileSync } from 'node:fs';
import { generateDatasetText } from '../fixtures/datasets/generate';
import { OPTIONS } from '../e2e/pages/selectors';
import { launchFirefoxWithExtension, click } from '../support/firefox';
import { allHighlighted, axeViolations, expect, test } from './fixtures';
import { FirefoxOptions } from './pages/options';

const bundled = JSON.parse(readFileSync('data/backstory.json', 'utf8')) as { title: string; version: string; entities: unknown[] };
const ARTICLE = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';

test.describe('the options page, in Firefox', () => {
  test.use({ ownBrowser: true });

  test('a file from the picker adds a dataset: dry-run counts (axe finds no violations in the review), nothing written before Apply; its second version updates it', async ({
    firefox,
  }) => {
    const options = await FirefoxOptions.open(firefox);
    await expect.poll(() => options.version()).toBe(bundled.version);
    await options.chooseFile('gazette-1.0.0.json', generateDatasetText({ count: 20 }));
    await expect.poll(() => options.reviewShown(), { timeout: 30_000 }).toBe(true);
    expect(await options.importTarget()).toEqual({ id: 'test-gazette', text: 'Adds a new dataset to your library: Test Gazette dataset.' });
    await expect.poll(() => options.diff('added')).toBe('20');
    expect(await options.diff('removed')).toBe('0');
    expect(await options.diff('changed')).toBe('0');
    expect(await options.diff('conflicts')).toBe('0');
    // Nothing is written before Apply.
    expect(await options.libraryIds()).toEqual(['backstory-bundled']);
    expect(await axeViolations(options.page)).toEqual([]);
    await options.apply();
    await expect.poll(() => options.title()).toBe('Test Gazette dataset');
    await expect.poll(() => options.count()).toBe('20');
    // The bundled dataset is still there, first in the order, as it was.
    expect(await options.libraryIds()).toEqual(['backstory-bundled', 'test-gazette']);
    expect(await options.use('backstory-bundled').summary()).toEqual({
      title: bundled.title,
      version: bundled.version,
      count: String(bundled.entities.length),
    });

    await options.chooseFile('gazette-1.1.0.json', generateDatasetText({ count: 22, version: '1.1.0', changed: [0, 1], removed: [5] }));
    await expect.poll(() => options.importTarget()).toEqual({ id: 'test-gazette', text: 'Updates Test Gazette dataset in your library.' });
    await expect.poll(() => options.diff('added')).toBe('2');
    expect(await options.diff('changed')).toBe('2');
    expect(await options.diff('removed')).toBe('1');
    expect(await options.diff('unchanged')).toBe('17');
    await options.apply();
    await expect.poll(() => options.version()).toBe('1.1.0');
    await expect.poll(() => options.count()).toBe('21');
    expect(await options.libraryIds()).toEqual(['backstory-bundled', 'test-gazette']);
  });

  test('a site switched off is listed in the settings; switching it back on there marks its pages again', async ({
    firefox,
    openArticle,
  }) => {
    const options = await FirefoxOptions.open(firefox);
    await options.page.evaluate(() =>
      (globalThis as unknown as { browser: { storage: { local: { set(items: object): Promise<void> } } } }).browser.storage.local.set({
        settings: { disabledSites: ['edition.cnn.com'] },
      }),
    );
    const article = await openArticle(ARTICLE, undefined, { waitForScan: false });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await allHighlighted(article)).toEqual([]);

    // A fresh options page reads the settings as stored (page.reload() never sees an extension page load).
    const reopened = await FirefoxOptions.open(firefox);
    await reopened.page.waitForSelector('::-p-aria(Switch back on: edition.cnn.com[role="button"])');
    await reopened.clickButton('Switch back on: edition.cnn.com');
    await expect.poll(() => reopened.hasButton('Switch back on: edition.cnn.com')).toBe(false);
    // The open page hears of the change (storage.onChanged) and marks its mentions.
    await expect.poll(async () => (await allHighlighted(article)).length).toBeGreaterThan(5);
  });
});

test.describe('the options page, in Firefox, for axe', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no accessibility violations (${scheme} theme), with the card and the editor open`, async ({ firefox: shared }) => {
      // Dark: what a reader's "dark" website appearance setting sets (0), in a Firefox of its own.
      const firefox =
        scheme === 'dark' ? await launchFirefoxWithExtension({ prefs: { 'layout.css.prefers-color-scheme.content-override': 0 } }) : shared;
      try {
        const options = await FirefoxOptions.open(firefox);
        expect(await options.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
        await options.openEntity('Antony Blinken');
        expect(await axeViolations(options.page)).toEqual([]);
        await click(options.page, `${OPTIONS.entityDetail} ::-p-aria(Edit[role="button"])`);
        // An empty name: the form shows its error, which must be accessible too (nothing is saved).
        await options.clear('::-p-aria(Name[role="textbox"])');
        await expect.poll(() => options.text('#err-name')).toContain('must not be empty');
        expect(await axeViolations(options.page)).toEqual([]);
      } finally {
        if (firefox !== shared) await firefox.close();
      }
    });
  }
});
