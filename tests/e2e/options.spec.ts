import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { generateDatasetText } from '../fixtures/datasets/generate';
import { AXE_SCRIPT } from '../support/vendor-scripts';

const bundled = JSON.parse(readFileSync('data/backstory.json', 'utf8')) as { title: string; version: string; entities: unknown[] };

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugger protocol: the extension page's CSP would refuse an injected <script>.
  await page.evaluate(readFileSync(AXE_SCRIPT, 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

/** The extension page's `chrome` with `storage.local` (the shared `chrome` typing leaves storage out). */
type WithStorage = {
  chrome: {
    storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
  };
};

test.describe('the options page', () => {
  test("shows the loaded dataset's title, version and entity count, and lists entities", async ({ context, extensionId }) => {
    const options = await OptionsPage.open(context, extensionId);
    await expect(options.title).toHaveText(bundled.title);
    await expect(options.version).toHaveText(bundled.version);
    await expect(options.count).toHaveText(String(bundled.entities.length));
    await expect(options.entityRows.first()).toBeVisible();
    await expect(options.page.getByTestId('list-position')).toHaveText(`1–50 of ${bundled.entities.length}`);
    await options.page.getByRole('button', { name: 'Next page' }).click();
    await expect(options.page.getByTestId('list-position')).toHaveText(`51–100 of ${bundled.entities.length}`);
    await expect(options.page.getByTestId('storage')).toContainText(/Using [\d.]+ [MG]B/);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no accessibility violations (${scheme} theme), with the card and the editor open`, async ({ context, extensionId }) => {
      const options = await OptionsPage.open(context, extensionId);
      await options.page.emulateMedia({ colorScheme: scheme });
      await options.openEntity('Antony Blinken');
      expect(await axeViolations(options.page)).toEqual([]);
      await options.page.getByTestId('entity-detail').getByRole('button', { name: 'Edit' }).click();
      await options.page.getByLabel('Name', { exact: true }).fill('');
      expect(await axeViolations(options.page)).toEqual([]);
    });
  }

  test('axe finds no accessibility violations in the import problems and the dry-run review', async ({ context, extensionId }) => {
    const options = await OptionsPage.open(context, extensionId);
    await options.chooseFile('broken.json', '{"schemaVersion": 2, "entities": [{ "id": "X" }]}');
    await expect(options.problems.first()).toBeVisible();
    await expect(options.problems.first()).toBeFocused();
    expect(await axeViolations(options.page)).toEqual([]);
    await options.chooseFile('gazette.json', generateDatasetText({ count: 5 }));
    await expect(options.review).toBeVisible();
    await expect(options.page.locator('#review-heading')).toBeFocused();
    await options.page.getByText(/^Added \(/).click();
    expect(await axeViolations(options.page)).toEqual([]);
  });

  test('settings are validated, saved at once and still there after a reload', async ({ context, extensionId }) => {
    const options = await OptionsPage.open(context, extensionId);
    const page = options.page;
    await page.evaluate(() =>
      (globalThis as unknown as WithStorage).chrome.storage.local.set({
        settings: { enabledSites: ['example.org', 'news.example'], disabledSites: ['edition.cnn.com'] },
      }),
    );
    await page.reload();
    await page.getByRole('button', { name: 'Remove: example.org' }).click();
    await page.getByRole('button', { name: 'Switch back on: edition.cnn.com' }).click();
    const delay = page.getByLabel('Delay (milliseconds)');
    await delay.fill('5000');
    await expect(page.locator('section.settings [role="alert"]')).toContainText('between 0 and 3000');
    await delay.fill('650');
    await page.getByLabel('Places').uncheck();
    await page.getByLabel('Background colour').check();
    await page.getByLabel('Hide them').check();
    await expect(page.getByTestId('settings-saved')).toHaveText('Later facts saved.');

    await page.reload();
    await expect(page.getByLabel('Delay (milliseconds)')).toHaveValue('650');
    await expect(page.getByLabel('Places')).not.toBeChecked();
    await expect(page.getByLabel('People')).toBeChecked();
    await expect(page.getByLabel('Background colour')).toBeChecked();
    await expect(page.getByLabel('Hide them')).toBeChecked();
    const stored = await page.evaluate(() => (globalThis as unknown as WithStorage).chrome.storage.local.get('settings'));
    expect(stored.settings).toMatchObject({
      enabledSites: ['news.example'],
      disabledSites: [],
      dwellMs: 650,
      kinds: ['person', 'organization', 'event'],
      highlightStyle: 'background',
      laterFacts: 'hide',
    });
  });
});
