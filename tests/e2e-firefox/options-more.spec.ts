import { click, fill } from '../support/firefox';
import { generateDatasetText } from '../fixtures/datasets/generate';
import { startDatasetServer } from '../fixtures/datasets/server';
import { expect, test } from './fixtures';
import { FirefoxOptions } from './pages/options';

const v1 = generateDatasetText({ count: 20 });

test.describe('more of the options page, in Firefox', () => {
  test.use({ ownBrowser: true });

  test('a file dropped on the drop zone adds a dataset; a review cancelled changes nothing', async ({ firefox }) => {
    const options = await FirefoxOptions.open(firefox);
    const before = await options.summary();
    await options.chooseFile('gazette.json', v1);
    await expect.poll(() => options.reviewShown(), { timeout: 30_000 }).toBe(true);
    await options.clickButton('Cancel');
    await expect.poll(() => options.reviewShown()).toBe(false);
    expect(await options.libraryIds()).toEqual(['backstory-bundled']);
    expect(await options.summary()).toEqual(before);

    await options.dropFile('dropped.json', v1);
    await expect.poll(() => options.diff('added'), { timeout: 30_000 }).toBe('20');
    expect((await options.importTarget())?.id).toBe('test-gazette');
    await options.apply();
    await expect.poll(() => options.count()).toBe('20');
    expect(await options.libraryIds()).toEqual(['backstory-bundled', 'test-gazette']);
    expect(await options.use('backstory-bundled').summary()).toEqual(before);
  });

  test('from a URL on a local server that sends CORS headers', async ({ firefox }) => {
    const server = await startDatasetServer({ '/gazette.json': { body: v1, etag: '"v1"' } });
    try {
      const options = await FirefoxOptions.open(firefox);
      await options.importUrl(server.url('/gazette.json'));
      await expect.poll(() => options.diff('added'), { timeout: 30_000 }).toBe('20');
      expect(await options.importTarget()).toEqual({
        id: 'test-gazette',
        text: 'Adds a new dataset to your library: Test Gazette dataset.',
      });
      await options.apply();
      await expect.poll(() => options.title()).toBe('Test Gazette dataset');
      expect(await options.count()).toBe('20');
      expect(await options.libraryIds()).toEqual(['backstory-bundled', 'test-gazette']);
    } finally {
      await server.close();
    }
  });

  test('settings are saved at once and still there on a new options page', async ({ firefox }) => {
    const options = await FirefoxOptions.open(firefox);
    const delay = 'section.settings input[type="number"]';
    await fill(options.page, delay, '650');
    await expect.poll(() => options.page.$eval('[data-testid="settings-saved"]', (el) => el.textContent)).toBe('Hover delay saved.');
    await click(options.page, '::-p-aria(Places[role="checkbox"])');
    await expect.poll(() => options.page.$eval('[data-testid="settings-saved"]', (el) => el.textContent)).toBe('Kinds saved.');

    const reopened = await FirefoxOptions.open(firefox);
    await expect.poll(() => reopened.page.$eval(delay, (el) => (el as HTMLInputElement).value)).toBe('650');
    expect(await reopened.page.$eval('::-p-aria(Places[role="checkbox"])', (el) => (el as HTMLInputElement).checked)).toBe(false);
    expect(await reopened.page.$eval('::-p-aria(People[role="checkbox"])', (el) => (el as HTMLInputElement).checked)).toBe(true);
  });
});
