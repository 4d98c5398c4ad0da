import type { Page } from 'puppeteer-core';
import { ARTICLE_CORRECTIONS, manyCorrections, seedCorrections, type SeededCorrection } from '../support/corrections';
import { launchFirefoxWithExtension, openExtensionPage, type FirefoxWithExtension, fill } from '../support/firefox';
import { allHighlighted, axeViolations, expect, test } from './fixtures';
import { FirefoxOptions } from './pages/options';

const ARTICLE = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';

/** Writes corrections into the database from an extension page, before anything has read them. */
async function seed(firefox: FirefoxWithExtension, rows: SeededCorrection[]): Promise<void> {
  const helper = await openExtensionPage(firefox.browser, 'popup.html', { background: true });
  try {
    await helper.evaluate(seedCorrections, rows);
  } finally {
    await helper.close();
  }
}

/** Each correction row: its header cell (the entity) and its other cells, whitespace collapsed. */
function rows(page: Page): Promise<string[][]> {
  return page.$$eval('[data-testid="correction"]', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );
}

function text(page: Page, testId: string): Promise<string | null> {
  return page.$eval(`[data-testid="${testId}"]`, (el) => el.textContent).catch(() => null);
}

/** The focused element: its accessible name as its aria-label or text gives it, or its id. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('aria-label') ?? (el?.id ? `#${el.id}` : (el?.textContent ?? '').trim());
  });
}

test.describe('the corrections of marks in the options page, in Firefox', () => {
  test.use({ ownBrowser: true });

  test('lists each correction; taking one back removes it and brings its marks back on an open page', async ({ firefox, openArticle }) => {
    await seed(firefox, ARTICLE_CORRECTIONS);
    const article = await openArticle(ARTICLE);
    const before = await allHighlighted(article);
    expect(before).toContain('Prime Minister Benjamin Netanyahu');
    expect(before).not.toContain('Antony Blinken');
    expect(before).not.toContain('Hamas');

    const options = await FirefoxOptions.open(firefox);
    await expect.poll(() => rows(options.page).then((list) => list.length)).toBe(3);
    const [blinken, hamas, gone] = await rows(options.page);
    expect(blinken).toEqual(['Antony Blinken', '“Antony Blinken”', 'Everywhere', expect.stringMatching(/2024/), 'Take back']);
    expect(hamas).toEqual(['Hamas', 'Every mark', 'Every mark of the entity', expect.stringMatching(/2024/), 'Take back']);
    expect(gone!.slice(0, 3)).toEqual(['Someone Removed no longer in your data', '“Removed”', 'On one site: edition.cnn.com']);

    await options.clickButton('Take back: Antony Blinken, “Antony Blinken”, everywhere');
    await expect.poll(() => text(options.page, 'corrections-status')).toBe('Took back the correction of Antony Blinken: its marks return.');
    await expect
      .poll(async () => (await rows(options.page)).map((row) => row[0]))
      .toEqual(['Hamas', 'Someone Removed no longer in your data']);

    await expect.poll(() => allHighlighted(article), { timeout: 20_000 }).toContain('Antony Blinken');
    expect(await allHighlighted(article)).not.toContain('Hamas');
  });

  test('everything by keyboard: take one back (the focus moves to the next), then all of them after confirming', async ({
    firefox,
    openArticle,
  }) => {
    await seed(firefox, ARTICLE_CORRECTIONS);
    const options = await FirefoxOptions.open(firefox);
    const page = options.page;
    await expect.poll(() => rows(page).then((list) => list.length)).toBe(3);
    await page.focus('[data-testid="corrections-position"] ~ table tbody button');
    await expect.poll(() => focused(page)).toBe('Take back: Antony Blinken, “Antony Blinken”, everywhere');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows(page).then((list) => list.length)).toBe(2);
    await expect.poll(() => focused(page)).toBe('Take back: Hamas, every mark');

    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    await expect.poll(() => focused(page)).toBe('Take back all');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open]');
    expect(await page.$eval('dialog[open] h2', (el) => el.textContent)).toBe('Take back all 2 corrections?');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog[open]', { hidden: true });
    expect((await rows(page)).length).toBe(2);
    await expect.poll(() => focused(page)).toBe('Take back all');

    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog[open]');
    await expect.poll(() => focused(page)).toBe('Take back all');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page, 'corrections-status')).toBe('Took back 2 corrections: their marks return.');
    await expect.poll(() => text(page, 'corrections-empty')).toMatch(/^No corrections yet/);
    await expect.poll(() => focused(page)).toBe('#corrections-heading');

    const article = await openArticle(ARTICLE);
    expect(await allHighlighted(article)).toEqual(expect.arrayContaining(['Antony Blinken', 'Hamas']));
  });

  test('thousands of corrections: the newest hundred at first, more on demand, found by name', async ({ firefox }) => {
    await seed(firefox, manyCorrections(2_500));
    const options = await FirefoxOptions.open(firefox);
    const page = options.page;
    await expect.poll(() => text(page, 'corrections-position'), { timeout: 20_000 }).toBe('Showing 100 of 2,500.');
    expect((await rows(page))[0]![0]).toBe('Made-up entity 2499 no longer in your data');
    await options.clickButton('Show 100 more');
    await expect.poll(() => rows(page).then((list) => list.length)).toBe(200);
    await fill(page, '::-p-aria(Find corrections)', 'entity 42');
    await expect.poll(() => text(page, 'corrections-position')).toBe('Showing 11 of 11 found (2,500 in all).');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no accessibility violations in the list and its confirmation (${scheme} theme)`, async () => {
      // 0 = dark, 1 = light: what a reader's website appearance setting sets.
      const firefox = await launchFirefoxWithExtension({
        prefs: { 'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1 },
      });
      try {
        await seed(firefox, ARTICLE_CORRECTIONS);
        const options = await FirefoxOptions.open(firefox);
        expect(await options.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
        await expect.poll(() => rows(options.page).then((list) => list.length)).toBe(3);
        expect(await axeViolations(options.page)).toEqual([]);
        await options.clickButton('Take back all');
        await options.page.waitForSelector('dialog[open]');
        expect(await axeViolations(options.page)).toEqual([]);
      } finally {
        await firefox.close();
      }
    });
  }
});
