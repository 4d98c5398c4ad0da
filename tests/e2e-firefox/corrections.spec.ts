import type { Page } from 'puppeteer-core';
import { axeViolations, castCounts, expect, inCard, pointOf, test, waitForCard, waitForNoCard } from './fixtures';

// Firefox twin of tests/e2e/corrections.spec.ts: the reader corrects a mark from its card.
const ARTICLE = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';
const SAME_SITE = 'https://edition.cnn.com/2024/03/22/middleeast/another-article/index.html';
const OTHER_SITE = 'https://apnews.com/article/demo-article-2024';
const QATAR = 'backstory-bundled/qatar';
const NETANYAHU = 'backstory-bundled/benjamin-netanyahu';

async function counts(page: Page, id: string): Promise<number> {
  return (await castCounts(page)).counts[id] ?? 0;
}

async function openCardOf(page: Page, selector: string, text: string, name: string): Promise<void> {
  const at = await pointOf(page, selector, text);
  await page.mouse.move(at.x, at.y);
  await waitForCard(page, name);
}

/** Clicks the card's button with exactly this text, as a pointer would. */
async function clickButton(page: Page, text: string): Promise<void> {
  const at = await page.evaluate((label) => {
    const buttons = [...(document.querySelector('backstory-card')?.shadowRoot?.querySelectorAll('button') ?? [])];
    const button = buttons.find((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim() === label);
    if (!button) return null;
    // The foot of a long card is scrolled to first, as a reader would.
    button.scrollIntoView({ block: 'center' });
    const rect = button.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  }, text);
  if (!at) throw new Error(`no button "${text}" in the open card`);
  await page.mouse.click(at.x, at.y);
}

/** The text of the card's focused element (inside its shadow root), or null. */
function focusedInCard(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('backstory-card')?.shadowRoot?.activeElement?.textContent?.trim() ?? null);
}

async function status(page: Page): Promise<string | undefined> {
  return (await inCard(page, '[role="status"]'))?.text;
}

test.describe('correcting a mark from its card, in Firefox', () => {
  test.use({ ownBrowser: true });

  test('"Never on this site" takes the marks of those words away at once; Undo, from the keyboard, brings them back', async ({
    openArticle,
  }) => {
    const page = await openArticle(ARTICLE);
    expect(await counts(page, QATAR)).toBeGreaterThan(0);
    await openCardOf(page, '#p2', 'Qatar', 'Qatar');
    await clickButton(page, 'Wrong link?');
    await expect.poll(() => inCard(page, '[role="group"]')).toMatchObject({ visible: true });
    expect((await inCard(page, '.bs-fix-status'))?.text).toBe('“Qatar” is not Qatar:');
    await expect.poll(() => focusedInCard(page)).toBe('Not here (this page)');
    expect(await axeViolations(page, [['backstory-card', '[role="dialog"]']])).toEqual([]);
    await clickButton(page, 'Never on edition.cnn.com');
    await expect.poll(() => status(page)).toBe('“Qatar” is no longer marked as Qatar on edition.cnn.com.');
    await expect.poll(() => counts(page, QATAR)).toBe(0);
    expect(await counts(page, NETANYAHU)).toBe(2);

    await expect.poll(() => focusedInCard(page)).toBe('Undo');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page)).toBe('Marked again.');
    await expect.poll(() => counts(page, QATAR)).toBeGreaterThan(0);
  });

  test('"Not here" holds on this page after a reload, and nowhere else; "Don’t mark" holds on every site', async ({ openArticle }) => {
    const page = await openArticle(ARTICLE);
    await openCardOf(page, '#p2', 'Qatar', 'Qatar');
    await clickButton(page, 'Wrong link?');
    await clickButton(page, 'Not here (this page)');
    await expect.poll(() => status(page)).toBe('“Qatar” is no longer marked as Qatar on this page.');
    await expect.poll(() => counts(page, QATAR)).toBe(0);

    await page.reload();
    await expect.poll(() => counts(page, NETANYAHU), { timeout: 20_000 }).toBe(2);
    expect(await counts(page, QATAR)).toBe(0);
    const sameSite = await openArticle(SAME_SITE);
    expect(await counts(sameSite, QATAR)).toBeGreaterThan(0);

    await openCardOf(sameSite, '#p2', 'Benjamin Netanyahu', 'Benjamin Netanyahu');
    await clickButton(sameSite, 'Wrong link?');
    await clickButton(sameSite, 'Don’t mark Benjamin Netanyahu');
    await expect.poll(() => status(sameSite)).toBe('Benjamin Netanyahu is no longer marked anywhere.');
    await expect.poll(() => counts(sameSite, NETANYAHU)).toBe(0);
    const otherSite = await openArticle(OTHER_SITE);
    expect(await counts(otherSite, QATAR)).toBeGreaterThan(0);
    expect(await counts(otherSite, NETANYAHU)).toBe(0);

    // Escape closes the card with the choices open, and corrects nothing.
    await openCardOf(otherSite, '#p2', 'Qatar', 'Qatar');
    await clickButton(otherSite, 'Wrong link?');
    await otherSite.keyboard.press('Escape');
    await waitForNoCard(otherSite);
    expect(await counts(otherSite, QATAR)).toBeGreaterThan(0);
  });
});
