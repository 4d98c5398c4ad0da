import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolationLines } from '../support/page-probes';
import { AXE_SCRIPT } from '../support/vendor-scripts';
import { castCounts, expect, pointOf, test } from './fixtures';

// The reader corrects a mark from its card: "Wrong link?", then where the mark is wrong.
const ARTICLE = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';
const SAME_SITE = 'https://edition.cnn.com/2024/03/22/middleeast/another-article/index.html';
const OTHER_SITE = 'https://apnews.com/article/demo-article-2024';
const QATAR = 'backstory-bundled/qatar';
const NETANYAHU = 'backstory-bundled/benjamin-netanyahu';

async function counts(page: Page, id: string): Promise<number> {
  return (await castCounts(page)).counts[id] ?? 0;
}

async function openCardOf(page: Page, selector: string, text: string, name: string) {
  const at = await pointOf(page, selector, text);
  await page.mouse.move(at.x, at.y);
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('correcting a mark from its card', () => {
  test('"Never on this site" takes the marks of those words away at once; Undo, from the keyboard, brings them back', async ({
    openArticle,
  }) => {
    const page = await openArticle(ARTICLE);
    expect(await counts(page, QATAR)).toBeGreaterThan(0);
    const dialog = await openCardOf(page, '#p2', 'Qatar', 'Qatar');
    await dialog.getByRole('button', { name: 'Wrong link?' }).click();
    const choices = dialog.getByRole('group', { name: 'Correct the mark “Qatar”' });
    await expect(choices).toContainText('“Qatar” is not Qatar:');
    // Focus went to the first choice.
    await expect(choices.getByRole('button', { name: 'Not here (this page)' })).toBeFocused();
    await choices.getByRole('button', { name: 'Never on edition.cnn.com' }).click();
    await expect(dialog.getByRole('status')).toHaveText('“Qatar” is no longer marked as Qatar on edition.cnn.com.');
    await expect.poll(() => counts(page, QATAR)).toBe(0);
    // Other entities keep their marks.
    expect(await counts(page, NETANYAHU)).toBe(2);

    const undo = dialog.getByRole('button', { name: 'Undo' });
    await expect(undo).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('status')).toHaveText('Marked again.');
    await expect.poll(() => counts(page, QATAR)).toBeGreaterThan(0);
  });

  test('"Not here" holds on this page after a reload, and nowhere else; "Don’t mark" holds on every site', async ({ openArticle }) => {
    const page = await openArticle(ARTICLE);
    const dialog = await openCardOf(page, '#p2', 'Qatar', 'Qatar');
    await dialog.getByRole('button', { name: 'Wrong link?' }).click();
    await dialog.getByRole('button', { name: 'Not here (this page)' }).click();
    await expect(dialog.getByRole('status')).toHaveText('“Qatar” is no longer marked as Qatar on this page.');
    await expect.poll(() => counts(page, QATAR)).toBe(0);

    await page.reload();
    await expect.poll(() => castCounts(page).then((cast) => cast.counts[NETANYAHU] ?? 0)).toBe(2);
    expect(await counts(page, QATAR)).toBe(0);
    const sameSite = await openArticle(SAME_SITE);
    expect(await counts(sameSite, QATAR)).toBeGreaterThan(0);

    // "Don't mark" from the other page's card: Netanyahu goes here and on another site.
    const card = await openCardOf(sameSite, '#p2', 'Benjamin Netanyahu', 'Benjamin Netanyahu');
    await card.getByRole('button', { name: 'Wrong link?' }).click();
    await card.getByRole('button', { name: 'Don’t mark Benjamin Netanyahu' }).click();
    await expect(card.getByRole('status')).toHaveText('Benjamin Netanyahu is no longer marked anywhere.');
    await expect.poll(() => counts(sameSite, NETANYAHU)).toBe(0);
    const otherSite = await openArticle(OTHER_SITE);
    expect(await counts(otherSite, QATAR)).toBeGreaterThan(0);
    expect(await counts(otherSite, NETANYAHU)).toBe(0);
  });

  test('the choices pass axe in light and dark; Escape still closes the card while they are open, correcting nothing', async ({
    openArticle,
  }) => {
    const page = await openArticle(ARTICLE);
    await page.addScriptTag({ content: readFileSync(AXE_SCRIPT, 'utf8') });
    const dialog = await openCardOf(page, '#p2', 'Qatar', 'Qatar');
    await dialog.getByRole('button', { name: 'Wrong link?' }).click();
    await expect(dialog.getByRole('button', { name: 'Wrong link?' })).toHaveAttribute('aria-expanded', 'true');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(axeViolationLines, [['backstory-card', '[role="dialog"]']])).toEqual([]);
    }
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await counts(page, QATAR)).toBeGreaterThan(0);
  });
});
