import { fill } from '../support/firefox';
import { generateDatasetText } from '../fixtures/datasets/generate';
import { startDatasetServer } from '../fixtures/datasets/server';
import { expect, test } from './fixtures';
import { FirefoxOptions } from './pages/options';

test.describe('dataset subscriptions on the options page, in Firefox', () => {
  test.use({ ownBrowser: true });

  test('subscribes, gets 304 for the same ETag, and applies a new version with a new ETag', async ({ firefox }) => {
    const server = await startDatasetServer({ '/feed.json': { body: generateDatasetText({ count: 10 }), etag: '"a"' } });
    try {
      const options = await FirefoxOptions.open(firefox);
      const page = options.page;
      const status = () =>
        page.$eval('[data-testid="sub-status"]', (el) => `${el.getAttribute('data-status')} ${el.textContent}`).catch(() => '');
      // The local server's address is loopback http, the one kind of http address a subscription may have.
      await fill(page, '::-p-aria(Dataset URL to follow)', server.url('/feed.json'));
      await options.clickButton('Subscribe');
      // The first version from the address is a dry run: nothing is applied before the user says so.
      await expect.poll(status, { timeout: 30_000 }).toMatch(/^waiting /);
      await expect
        .poll(() => options.importTarget())
        .toEqual({
          id: 'test-gazette',
          text: 'Adds a new dataset to your library: Test Gazette dataset.',
        });
      await expect.poll(() => options.diff('added')).toBe('10');
      expect(await options.libraryIds()).toEqual(['backstory-bundled']);
      await options.apply();
      await expect.poll(status, { timeout: 30_000 }).toContain('Version 1.0.0 is loaded (reviewed)');
      await expect.poll(() => options.version()).toBe('1.0.0');
      expect(await options.count()).toBe('10');
      expect(await options.libraryIds()).toEqual(['backstory-bundled', 'test-gazette']);

      // Same file: the server answers 304 to the stored ETag.
      await options.clickButton('Check now');
      await expect.poll(status).toMatch(/^unchanged .*Up to date/);
      const conditional = server.requests.filter((r) => r.method === 'GET' && r.path === '/feed.json').at(-1);
      expect(conditional?.headers['if-none-match']).toBe('"a"');

      server.set('/feed.json', { body: generateDatasetText({ count: 11, version: '1.1.0', changed: [2] }), etag: '"b"' });
      await options.clickButton('Check now');
      await expect.poll(status, { timeout: 30_000 }).toContain('Version 1.1.0 is loaded (1 added, 1 changed, 0 removed)');
      await expect.poll(() => options.version()).toBe('1.1.0');
    } finally {
      await server.close();
    }
  });

  test('a URL that does not work is not subscribed, and says why', async ({ firefox }) => {
    const server = await startDatasetServer({ '/broken.json': { body: '{"schemaVersion": 1', etag: '"x"' } });
    try {
      const options = await FirefoxOptions.open(firefox);
      await fill(options.page, '::-p-aria(Dataset URL to follow)', server.url('/broken.json'));
      await options.clickButton('Subscribe');
      await expect
        .poll(
          () => options.page.$eval('section[aria-labelledby="subs-heading"] [role="alert"]', (el) => el.textContent ?? '').catch(() => ''),
          { timeout: 30_000 },
        )
        .toContain('not a valid dataset');
      expect(await options.page.$$eval('[data-testid="subscription"]', (els) => els.length)).toBe(0);
    } finally {
      await server.close();
    }
  });
});
