import type { Page } from '@playwright/test';
import { integrityPages } from '../support/integrity-pages';
import { firstVisibleMention, readIntegrity, watchPage } from '../support/page-probes';
import { castCounts, expect, fixturePage, highlightedTexts, pointOf, test, waitForScan } from './fixtures';

/**
 * Backstory must leave pages exactly as they were: the page's own MutationObserver (installed
 * before Backstory runs) sees nothing but the card host, the text is unchanged, nothing shifts,
 * and Backstory causes no errors.
 */
const pages = integrityPages();

async function integrity(page: Page) {
  return page.evaluate(readIntegrity);
}

test.describe('page integrity', () => {
  for (const { name, html } of pages) {
    test(`${name}: no mutation but the card host, same text, no layout shift, no errors`, async ({ context }) => {
      const url = `https://www.bbc.com/news/integrity-${name.replace(/\W+/g, '-')}`;
      await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html() }));
      const page = await context.newPage();
      const errors: string[] = [];
      // Errors from Backstory's own code (its scripts have chrome-extension:// URLs); the page's own are its business.
      page.on('pageerror', (error) => /chrome-extension:/.test(error.stack ?? '') && errors.push(error.message));
      page.on(
        'console',
        (message) =>
          message.type() === 'error' &&
          /chrome-extension:|backstory/i.test(`${message.location().url} ${message.text()}`) &&
          errors.push(message.text()),
      );
      await page.addInitScript(watchPage);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await waitForScan(page);
      const found = Object.values(await highlightedTexts(page)).flat();
      const before = await integrity(page);
      expect(before.mutations).toEqual([]);
      expect(before.textSame).toBe(true);

      if (found.length) {
        // Opening a card adds exactly one element: the card's host.
        // Hover the first mention that is really visible (not covered by other page content).
        const first = await page.evaluate(firstVisibleMention);
        if (!first) return;
        await page.mouse.move(first.x, first.y);
        await expect(page.locator('backstory-card [role="dialog"]')).toBeVisible();
        const after = await integrity(page);
        expect(after.mutations).toEqual(['childList:HTML:BACKSTORY-CARD']);
        expect(after.textSame).toBe(true);
      }
      expect((await integrity(page)).shift).toBe(0);
      expect(errors).toEqual([]);
    });
  }
});

test.describe('hostile pages', () => {
  test('a page that patches DOM prototypes and the highlight registry in its own world does not stop Backstory', async ({ context }) => {
    const url = 'https://www.reuters.com/world/patched-prototypes';
    await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: fixturePage('article.html') }));
    const page = await context.newPage();
    await page.addInitScript(() => {
      Element.prototype.attachShadow = () => {
        throw new Error('no shadow roots here');
      };
      (window as unknown as { Range: unknown }).Range = function () {
        throw new Error('no ranges');
      };
      (window as unknown as { MutationObserver: unknown }).MutationObserver = undefined;
      CSS.highlights.set = () => {
        throw new Error('no highlights');
      };
    });
    await page.goto(url);
    await waitForScan(page);
    expect(Object.values(await highlightedTexts(page)).flat()).toContain('Antony Blinken');
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.mouse.move(at.x, at.y);
    await expect(page.getByRole('dialog', { name: 'Antony Blinken' })).toBeVisible();
  });

  test('a page posting messages that pretend to be Backstory triggers nothing', async ({ openArticle, context, extensionId }) => {
    const page = await openArticle('https://apnews.com/article/postmessage-flood');
    await page.evaluate(() => {
      for (let i = 0; i < 5_000; i++) {
        window.postMessage({ backstory: 1, name: 'resetToBundled', payload: { keepEdits: false } }, '*');
        window.postMessage({ backstoryContent: 1, name: 'lookUpSelection', payload: { text: 'Hamas' } }, '*');
      }
    });
    await page.waitForTimeout(500);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByTestId('dataset-title')).toBeVisible();
  });

  test('a page that mutates without end keeps working and scan passes stay short', async ({ context }) => {
    const url = 'https://www.npr.org/live/endless-mutations';
    const html = fixturePage('article.html').replace(
      '</body>',
      `<div id="ticker"></div><script>
        let n = 0;
        const timer = setInterval(() => {
          n++;
          document.getElementById('ticker').textContent = 'Tick ' + n + ': Hamas and Qatar';
          const p = document.createElement('p');
          p.textContent = 'Post ' + n + ' mentions Antony Blinken.';
          document.querySelector('article').append(p);
          if (n % 50 === 0) document.querySelector('article').querySelectorAll('p').forEach((el, i) => i > 5 && i < 40 && el.remove());
        }, 4);
        window.__ticks = () => n;
        window.__stop = () => clearInterval(timer);
      </script></body>`,
    );
    await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForTimeout(3_000);
    const ticks = await page.evaluate(() => (window as unknown as { __ticks(): number }).__ticks());
    expect(ticks).toBeGreaterThan(200);
    // The work arrives in many small passes (their durations are the benchmark's business, not a test's).
    expect(await page.evaluate(() => performance.getEntriesByName('backstory:scan').length)).toBeGreaterThan(20);
    // Once the page stops, every mention it holds is marked, and none that left it is still counted.
    await page.evaluate(() => (window as unknown as { __stop(): void }).__stop());
    const inPage = await page.evaluate(() => (document.body.innerText.match(/Antony Blinken/g) ?? []).length);
    await expect
      .poll(async () => (await castCounts(page)).counts['backstory-bundled/antony-blinken'] ?? 0, { timeout: 10_000 })
      .toBe(inPage);
  });

  test('shadow roots and iframes neither break the page nor Backstory', async ({ context }) => {
    const url = 'https://www.theguardian.com/world/shadows-and-frames';
    const html = fixturePage('article.html').replace(
      '</article>',
      `<div id="host"></div><iframe srcdoc="<p>Hamas and Qatar in a frame</p>"></iframe></article>
       <script>const root = document.getElementById('host').attachShadow({ mode: 'closed' }); root.innerHTML = '<p>Shadow text naming Hamas</p>';</script>`,
    );
    await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await waitForScan(page);
    expect(Object.values(await highlightedTexts(page)).flat()).toContain('Antony Blinken');
    expect(errors).toEqual([]);
  });

  test('a giant page (200,000 nodes) is scanned in short slices, painting only what is near the viewport', async ({ context }) => {
    test.setTimeout(120_000);
    const url = 'https://www.washingtonpost.com/world/giant-page';
    const paragraphs = Array.from({ length: 40_000 }, (_, i) => `<p>Line ${i} <b>about</b> <i>Hamas</i> and <span>talks</span></p>`).join(
      '',
    );
    await context.route(url, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><html><body><article>${paragraphs}</article></body></html>`,
      }),
    );
    const page = await context.newPage();
    await page.goto(url);
    // Mentions are kept up to MAX_MENTIONS (20,000); past that Backstory stops instead of slowing the page.
    await expect.poll(async () => (await castCounts(page)).mentions, { timeout: 90_000, intervals: [500] }).toBe(20_000);
    const painted = await page.evaluate(() => CSS.highlights.get('backstory-organization')?.size ?? 0);
    expect(painted).toBeGreaterThan(10);
    expect(painted).toBeLessThan(1_000);
    // The page was read in many small passes, not one long task (timings: `npm run bench`).
    expect(await page.evaluate(() => performance.getEntriesByName('backstory:scan').length)).toBeGreaterThan(20);
    // Scrolling far down paints the mentions there.
    await page.evaluate(() => document.querySelectorAll('p')[15_000]!.scrollIntoView());
    await expect
      .poll(() =>
        page.evaluate(() => {
          const target = document.querySelectorAll('p')[15_000]!.querySelector('i')!.firstChild;
          return [...(CSS.highlights.get('backstory-organization') ?? [])].some((range) => range.startContainer === target);
        }),
      )
      .toBe(true);
    // The page still answers promptly.
    const started = Date.now();
    await page.evaluate(() => document.querySelectorAll('p').length);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
