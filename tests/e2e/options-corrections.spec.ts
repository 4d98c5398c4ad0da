import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { ARTICLE_CORRECTIONS, manyCorrections, seedCorrections, type SeededCorrection } from '../support/corrections';
import { axeViolationLines } from '../support/page-probes';
import { AXE_SCRIPT } from '../support/vendor-scripts';
import { expect, highlightedTexts, test } from './fixtures';
import { OptionsPage } from './pages/options-page';

const ARTICLE = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';

/** Writes corrections into the database from the service worker, before anything has read them. */
async function seed(context: BrowserContext, rows: SeededCorrection[]): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(seedCorrections, rows);
}

async function marked(page: Page): Promise<string[]> {
  return Object.values(await highlightedTexts(page)).flat();
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(AXE_SCRIPT, 'utf8'));
  return page.evaluate(axeViolationLines, null);
}

const rows = (options: OptionsPage) => options.page.getByTestId('correction');
const status = (options: OptionsPage) => options.page.getByTestId('corrections-status');

test.describe('the corrections of marks in the options page', () => {
  test('lists each correction; taking one back removes it and brings its marks back on an open page', async ({
    context,
    extensionId,
    openArticle,
  }) => {
    await seed(context, ARTICLE_CORRECTIONS);
    const article = await openArticle(ARTICLE);
    const before = await marked(article);
    expect(before).toEqual(expect.arrayContaining(['Prime Minister Benjamin Netanyahu']));
    expect(before).not.toContain('Antony Blinken');
    expect(before).not.toContain('Hamas');

    const options = await OptionsPage.open(context, extensionId);
    await expect(rows(options)).toHaveCount(3);
    const [blinken, hamas, gone] = [rows(options).nth(0), rows(options).nth(1), rows(options).nth(2)];
    await expect(blinken.getByRole('rowheader')).toHaveText('Antony Blinken');
    await expect(blinken.getByRole('cell')).toHaveText(['“Antony Blinken”', 'Everywhere', /2024/, 'Take back']);
    await expect(hamas.getByRole('cell')).toHaveText(['Every mark', 'Every mark of the entity', /2024/, 'Take back']);
    await expect(gone.getByRole('rowheader')).toHaveText('Someone Removed no longer in your data');
    await expect(gone.getByRole('cell').nth(1)).toHaveText('On one site: edition.cnn.com');
    await expect(options.page.getByTestId('correction-gone')).toHaveCount(1);

    await options.page.getByRole('button', { name: 'Take back: Antony Blinken, “Antony Blinken”, everywhere' }).click();
    await expect(status(options)).toHaveText('Took back the correction of Antony Blinken: its marks return.');
    await expect(rows(options)).toHaveCount(2);
    await expect(rows(options).first().getByRole('rowheader')).toHaveText('Hamas');

    // The data changed: the open page starts its session again, and Blinken is marked once more.
    await expect.poll(() => marked(article), { timeout: 15_000 }).toContain('Antony Blinken');
    expect(await marked(article)).not.toContain('Hamas');
    // A new options page reads the same list.
    const again = await OptionsPage.open(context, extensionId);
    await expect(rows(again)).toHaveCount(2);
  });

  test('everything by keyboard: take one back (the focus moves to the next), then all of them after confirming', async ({
    context,
    extensionId,
    openArticle,
  }) => {
    await seed(context, ARTICLE_CORRECTIONS);
    const options = await OptionsPage.open(context, extensionId);
    const page = options.page;
    await expect(rows(options)).toHaveCount(3);
    await page.getByRole('link', { name: 'Corrections' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Find corrections')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Take back all' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: /^Take back: Antony Blinken/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(rows(options)).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Take back: Hamas, every mark' })).toBeFocused();

    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('button', { name: 'Take back all' })).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Take back all 2 corrections?' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(rows(options)).toHaveCount(2);
    await expect(page.getByRole('button', { name: 'Take back all' })).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: 'Take back all' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(status(options)).toHaveText('Took back 2 corrections: their marks return.');
    await expect(page.getByTestId('corrections-empty')).toBeVisible();
    await expect(page.locator('#corrections-heading')).toBeFocused();

    const article = await openArticle(ARTICLE);
    expect(await marked(article)).toEqual(expect.arrayContaining(['Antony Blinken', 'Hamas']));
  });

  test('exported with the local edits and imported back: the dry run counts them, the list shows them again', async ({
    context,
    extensionId,
  }) => {
    await seed(context, ARTICLE_CORRECTIONS);
    const options = await OptionsPage.open(context, extensionId);
    await expect(rows(options)).toHaveCount(3);
    const exported = await options.use('backstory-bundled').export('edits');
    const file = JSON.parse(exported.text) as { formatVersion: number; corrections: Array<{ entity: string }> };
    expect(file.formatVersion).toBe(2);
    expect(file.corrections.map((c) => c.entity)).toEqual(['someone-removed', 'hamas', 'antony-blinken']);

    await options.page.getByRole('button', { name: 'Take back all' }).click();
    await options.page.getByRole('dialog').getByRole('button', { name: 'Take back all' }).click();
    await expect(options.page.getByTestId('corrections-empty')).toBeVisible();
    await options.chooseFile(exported.name, exported.text);
    await expect(options.page.getByTestId('diff-corrections')).toHaveText('3');
    await options.apply();
    await expect(options.importDone).toContainText('3 corrections of marks added.');
    await expect(rows(options)).toHaveCount(3);
    expect((await options.export('edits')).text).toBe(exported.text);
  });

  test('removing a dataset says how many corrections go with it, and removes them', async ({ context, extensionId }) => {
    await seed(context, ARTICLE_CORRECTIONS);
    const options = await OptionsPage.open(context, extensionId);
    await expect(rows(options)).toHaveCount(3);
    await options
      .dataset('backstory-bundled')
      .getByRole('button', { name: /^Remove/ })
      .click();
    await expect(options.page.getByRole('dialog')).toContainText('your 3 corrections of marks to it are removed with it');
    await options.page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
    await options.dataset('backstory-bundled').waitFor({ state: 'detached' });
    await expect(options.page.getByTestId('corrections-empty')).toBeVisible();
    await options.restoreBundled();
    await expect(options.page.getByTestId('corrections-empty')).toBeVisible();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no accessibility violations in the list and its confirmation (${scheme} theme)`, async ({ context, extensionId }) => {
      await seed(context, ARTICLE_CORRECTIONS);
      const options = await OptionsPage.open(context, extensionId);
      await options.page.emulateMedia({ colorScheme: scheme });
      await expect(rows(options)).toHaveCount(3);
      expect(await axeViolations(options.page)).toEqual([]);
      await options.page.getByRole('button', { name: 'Take back all' }).click();
      await expect(options.page.getByRole('dialog')).toBeVisible();
      expect(await axeViolations(options.page)).toEqual([]);
    });
  }

  test('thousands of corrections: the newest hundred at first, more on demand, found by name; all taken back at once', async ({
    context,
    extensionId,
  }) => {
    await seed(context, manyCorrections(2_500));
    const options = await OptionsPage.open(context, extensionId);
    const page = options.page;
    const position = page.getByTestId('corrections-position');
    await expect(position).toHaveText('Showing 100 of 2,500.', { timeout: 15_000 });
    await expect(rows(options)).toHaveCount(100);
    await expect(rows(options).first().getByRole('rowheader')).toHaveText('Made-up entity 2499 no longer in your data');
    await page.getByRole('button', { name: 'Show 100 more' }).click();
    await expect(rows(options)).toHaveCount(200);
    await expect(position).toHaveText('Showing 200 of 2,500.');

    // "entity 42": 42 and 420–429.
    await page.getByLabel('Find corrections').fill('entity 42');
    await expect(position).toHaveText('Showing 11 of 11 found (2,500 in all).');
    await page.getByLabel('Find corrections').fill('nothing like it');
    await expect(position).toHaveText('No correction matches “nothing like it”.');

    await page.getByRole('button', { name: 'Take back all' }).click();
    await page.getByRole('dialog', { name: 'Take back all 2,500 corrections?' }).getByRole('button', { name: 'Take back all' }).click();
    await expect(status(options)).toHaveText('Took back 2,500 corrections: their marks return.');
    await expect(page.getByTestId('corrections-empty')).toBeVisible();
  });
});
