import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';

const bundled = JSON.parse(readFileSync('data/backstory.json', 'utf8')) as { title: string; version: string; entities: unknown[] };

test.describe('the options page', () => {
  test("shows the loaded dataset's title, version and entity count, and lists entities", async ({ context, extensionId }) => {
    const options = await OptionsPage.open(context, extensionId);
    await expect(options.title).toHaveText(bundled.title);
    await expect(options.version).toHaveText(bundled.version);
    await expect(options.count).toHaveText(String(bundled.entities.length));
    await expect(options.entityRows.first()).toBeVisible();
  });
});
