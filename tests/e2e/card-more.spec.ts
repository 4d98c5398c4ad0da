import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchWithExtension, servePage } from '../support/extension';
import { expect, fixturePage, pointOf, selectText, test, waitForScan, runLookUpCommand } from './fixtures';
import { AXE_SCRIPT } from '../support/vendor-scripts';
import { afterNextFrame, openCardFaces } from '../support/page-probes';
import { FACE_CARDS, unwarmedFaces } from '../support/card-faces';

const URL = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';

test.describe('the card, by keyboard and from other cards', () => {
  test('the look-up command opens the card for the selection with focus; Esc closes it and focus returns', async ({ openArticle }) => {
    const page = await openArticle(URL);
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'reader-focus';
      button.textContent = 'focus me';
      document.querySelector('main')!.append(button);
      button.focus();
    });
    await selectText(page, '#p3', 'IDF');
    await runLookUpCommand(page);
    const dialog = page.getByRole('dialog', { name: 'Israel Defense Forces' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toBeFocused();
    // Tab stays inside the card.
    for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BACKSTORY-CARD');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reader-focus');
  });

  test('a related entity opens its own card in place, and Back returns', async ({ openArticle }) => {
    const page = await openArticle(URL);
    await selectText(page, '#p1', 'Antony');
    await runLookUpCommand(page);
    await expect(page.getByRole('dialog', { name: 'Antony Blinken' })).toBeVisible();
    const related = page.getByRole('dialog').getByRole('region', { name: 'Related' }).getByRole('button').first();
    const relatedName = (await related.textContent())!.trim();
    await related.click();
    await expect(page.getByRole('dialog', { name: relatedName })).toBeVisible();
    await page.getByRole('button', { name: 'Back to the previous card' }).click();
    await expect(page.getByRole('dialog', { name: 'Antony Blinken' })).toBeVisible();
  });

  test('axe finds no accessibility violations in the open card', async ({ openArticle }) => {
    const page = await openArticle(URL);
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.mouse.move(at.x, at.y);
    await expect(page.getByRole('dialog', { name: 'Antony Blinken' })).toBeVisible();
    await page.addScriptTag({ content: readFileSync(AXE_SCRIPT, 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; help: string; nodes: unknown[] }> }> };
        }
      ).axe;
      const result = await axe.run({ include: [['backstory-card', '[role="dialog"]']] }, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });
});

test.describe('the card, as of the article and isolated from the page', () => {
  test('an article from November 2023 labels facts from 2024 as later', async ({ openArticle }) => {
    const page = await openArticle('https://www.cnn.com/2023/11/05/politics/early-talks/index.html', fixturePage('article-2023.html'));
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.mouse.move(at.x, at.y);
    const dialog = page.getByRole('dialog', { name: 'Antony Blinken' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('As of this article (5 Nov 2023)');
    await expect(dialog.locator('.bs-later').first()).toBeVisible();
    await expect(dialog.locator('.bs-later').first()).toHaveText('later');
  });

  test('every face an open card shows is one its warm-up shapes', async ({ openArticle }) => {
    const faces = new Set<string>();
    for (const { url, page: html, selector, text, name } of FACE_CARDS) {
      const page = await openArticle(url, fixturePage(html));
      const point = await pointOf(page, selector, text);
      await page.mouse.move(point.x, point.y);
      await expect(page.getByRole('dialog', { name })).toBeVisible();
      await page.evaluate(afterNextFrame);
      for (const face of await page.evaluate(openCardFaces)) faces.add(face);
    }
    expect(faces.size).toBeGreaterThanOrEqual(6);
    expect(unwarmedFaces(faces)).toEqual([]);
  });

  test('a hostile page stylesheet does not change the card', async ({ openArticle }) => {
    const reference = await openArticle(URL);
    const normal = await cardStyle(reference);
    const hostile = await openArticle('https://www.theguardian.com/world/hostile-styles', fixturePage('hostile-styles.html'));
    const styled = await cardStyle(hostile);
    expect(styled).toEqual(normal);
  });

  // eslint-disable-next-line no-empty-pattern
  test('the dark theme follows the browser setting', async ({}, testInfo) => {
    const dark = await launchWithExtension({ colorScheme: 'dark' });
    try {
      await servePage(dark.context, URL, fixturePage('article.html'));
      const page = await dark.context.newPage();
      await page.goto(URL);
      await waitForScan(page);
      const at = await pointOf(page, '#p1', 'Blinken');
      await page.mouse.move(at.x, at.y);
      const dialog = page.getByRole('dialog', { name: 'Antony Blinken' });
      await expect(dialog).toBeVisible();
      const background = await dialog.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).toBe('rgb(30, 34, 40)');
      await testInfo.attach('card-dark.png', { body: await page.screenshot(), contentType: 'image/png' });
    } finally {
      await dark.close();
    }
  });
});

/** Hovers Blinken and reads the computed styles that page CSS would most likely break. */
async function cardStyle(page: Page) {
  const at = await pointOf(page, '#p1', 'Blinken');
  await page.mouse.move(at.x, at.y);
  const dialog = page.getByRole('dialog', { name: 'Antony Blinken' });
  await expect(dialog).toBeVisible();
  return dialog.evaluate((el) => {
    const name = el.querySelector('.bs-name')!;
    const s = getComputedStyle(el);
    const n = getComputedStyle(name);
    return {
      width: Math.round(el.getBoundingClientRect().width),
      background: s.backgroundColor,
      display: s.display,
      nameColor: n.color,
      nameSize: n.fontSize,
      nameFont: n.fontFamily,
      letterSpacing: n.letterSpacing,
    };
  });
}
