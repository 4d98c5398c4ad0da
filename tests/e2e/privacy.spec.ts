import type { Page } from '@playwright/test';
import { expect, fixturePage, pointOf, test as base } from './fixtures';
import { launchWithExtension, RELEASE_DIR, servePage } from '../support/extension';

/**
 * What a news page's own scripts can learn from Backstory, checked on the release build (the build
 * users install; the other tests load an instrumented build that records user-timing entries).
 */
const URL = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';

const test = base.extend<{ release: { page: Page; extensionId: string } }>({
  // eslint-disable-next-line no-empty-pattern
  release: async ({}, use) => {
    const loaded = await launchWithExtension({ dir: RELEASE_DIR });
    await loaded.context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort('internetdisconnected'));
    await servePage(loaded.context, URL, fixturePage('article.html'));
    // Everything the page could hear from Backstory, recorded from its own world before any of its code.
    await loaded.context.addInitScript((extensionId) => {
      const heard: string[] = [];
      (window as unknown as { __heard: string[] }).__heard = heard;
      window.addEventListener('message', (event) => heard.push(`message: ${JSON.stringify(event.data)}`), true);
      // WXT's own content-script context announces itself under this name.
      document.addEventListener(`${extensionId}:news:wxt:content-script-started`, () => heard.push('content-script-started'), true);
    }, loaded.extensionId);
    const page = await loaded.context.newPage();
    await page.goto(URL);
    await expect.poll(() => highlightCount(page), { timeout: 15_000 }).toBeGreaterThan(5);
    await use({ page, extensionId: loaded.extensionId });
    await loaded.close();
  },
});

function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => [...CSS.highlights].filter(([name]) => name.startsWith('backstory')).reduce((n, [, h]) => n + h.size, 0));
}

/** Dialogs in the page's accessibility tree: it reaches into closed shadow roots, which the page cannot. */
async function dialogNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: Array<{ role?: { value?: string }; name?: { value?: string } }>;
    };
    return nodes.filter((node) => node.role?.value === 'dialog').map((node) => node.name?.value ?? '');
  } finally {
    await cdp.detach();
  }
}

test.describe('the release build tells the page nothing', () => {
  test('no user-timing entries, no messages and no start events reach the page', async ({ release: { page } }) => {
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => dialogNames(page)).toEqual(['Antony Blinken']);
    const timeline = await page.evaluate(() =>
      performance
        .getEntries()
        .filter((e) => e.entryType === 'mark' || e.entryType === 'measure')
        .map((e) => e.name),
    );
    expect(timeline).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard)).toEqual([]);
  });

  test("the card's shadow root is closed, and its code came in Backstory's own world: the page cannot read the card", async ({
    release: { page },
  }) => {
    const scriptsBefore = await page.evaluate(() => document.scripts.length);
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => dialogNames(page)).toEqual(['Antony Blinken']);
    const seen = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('*')].filter((element) => element.tagName.toLowerCase().startsWith('backstory'));
      const resources = performance.getEntriesByType('resource').filter((entry) => /extension:/.test(entry.name)).length;
      return {
        hosts: hosts.length,
        open: hosts.filter((host) => host.shadowRoot !== null).length,
        scripts: document.scripts.length,
        cardModule: Symbol.for('backstory.card') in window,
        resources,
      };
    });
    expect(seen).toEqual({ hosts: 1, open: 0, scripts: scriptsBefore, cardModule: false, resources: 0 });
  });

  test('synthetic events from the page neither open nor close a card', async ({ release: { page } }) => {
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y)!;
      for (const type of ['pointerover', 'pointermove', 'mouseover', 'mousemove'])
        target.dispatchEvent(new (type.startsWith('pointer') ? PointerEvent : MouseEvent)(type, { bubbles: true, clientX: x, clientY: y }));
    }, at);
    await page.waitForTimeout(800);
    expect(await dialogNames(page)).toEqual([]);

    await page.mouse.move(at.x, at.y);
    await expect.poll(() => dialogNames(page)).toEqual(['Antony Blinken']);
    await page.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await page.waitForTimeout(400);
    expect(await dialogNames(page)).toEqual(['Antony Blinken']);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogNames(page)).toEqual([]);
  });
});
