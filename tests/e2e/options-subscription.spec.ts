import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { generateDatasetText } from '../fixtures/datasets/generate';
import { startDatasetServer } from '../fixtures/datasets/server';

test.describe('dataset subscriptions on the options page', () => {
  test('subscribes, gets 304 for the same ETag, applies a new version with a new ETag, and holds a conflicting one for review', async ({
    context,
    extensionId,
  }) => {
    const server = await startDatasetServer({ '/feed.json': { body: generateDatasetText({ count: 10 }), etag: '"a"' } });
    try {
      const options = await OptionsPage.open(context, extensionId);
      await options.subscribe(server.url('/feed.json'));
      // The first version from the address is a dry run: nothing is applied before the user says so.
      await expect(options.subscriptionStatus).toHaveAttribute('data-status', 'waiting');
      await expect(options.importTarget).toHaveText('Adds a new dataset to your library: Test Gazette dataset.');
      await expect(options.diff('added')).toHaveText('10');
      await expect(options.libraryItems).toHaveCount(1);
      await options.apply();
      await expect(options.subscriptionStatus).toContainText('Version 1.0.0 is loaded (reviewed)');
      await expect(options.version).toHaveText('1.0.0');
      await expect(options.count).toHaveText('10');
      await expect(options.page.getByTestId('sub-checked')).not.toHaveText('Never');

      // Same file: the server answers 304 to the stored ETag.
      await options.checkNow();
      await expect(options.subscriptionStatus).toHaveAttribute('data-status', 'unchanged');
      await expect(options.subscriptionStatus).toContainText('Up to date');
      const conditional = server.requests.filter((r) => r.method === 'GET' && r.path === '/feed.json').at(-1);
      expect(conditional?.headers['if-none-match']).toBe('"a"');

      // A new version under a new ETag is applied by itself, keeping a local edit it does not touch.
      await options.openEntity('Lo Union');
      await options.editSummary('My note on Lo Union.');
      server.set('/feed.json', { body: generateDatasetText({ count: 11, version: '1.1.0', changed: [2] }), etag: '"b"' });
      await options.checkNow();
      await expect(options.subscriptionStatus).toContainText('Version 1.1.0 is loaded (1 added, 1 changed, 0 removed)');
      await expect(options.subscriptionVersion).toHaveText('1.1.0');
      await expect(options.version).toHaveText('1.1.0');
      await expect(options.editCount).toHaveText('1 edited, 0 added, 0 deleted');

      // A version that changes the edited entity waits for the user.
      server.set('/feed.json', { body: generateDatasetText({ count: 11, version: '1.2.0', changed: [1, 2] }), etag: '"c"' });
      await options.checkNow();
      await expect(options.subscriptionStatus).toHaveAttribute('data-status', 'waiting');
      await expect(options.subscriptionStatus).toContainText('Version 1.2.0 changes 1 entity you edited');
      await expect(options.version).toHaveText('1.1.0');
      await options.page.getByRole('button', { name: 'Review the update' }).click();
      await expect(options.diff('conflicts')).toHaveText('1');
      await options.conflict('organization-1').getByLabel('Keep mine').check();
      await options.apply();
      await expect(options.version).toHaveText('1.2.0');
      await expect(options.subscriptionStatus).toContainText('Version 1.2.0 is loaded (reviewed)');
      await options.openEntity('Lo Union');
      await expect(options.card).toContainText('My note on Lo Union.');
    } finally {
      await server.close();
    }
  });

  test('a URL that does not work is not subscribed, and says why', async ({ context, extensionId }) => {
    const server = await startDatasetServer({ '/broken.json': { body: '{"schemaVersion": 1', etag: '"x"' } });
    try {
      const options = await OptionsPage.open(context, extensionId);
      await options.subscribe(server.url('/broken.json'));
      await expect(options.page.locator('section[aria-labelledby="subs-heading"] [role="alert"]')).toContainText('not a valid dataset');
      await expect(options.page.getByTestId('subscription')).toHaveCount(0);
    } finally {
      await server.close();
    }
  });
});
