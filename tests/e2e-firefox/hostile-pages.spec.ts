import { openCard } from '../support/page-probes';
import { FirefoxOptions } from './pages/options';
import { allHighlighted, expect, fixturePage, pointOf, test, waitForCard, waitForScan } from './fixtures';

test.describe('hostile pages, in Firefox', () => {
  test('a page that patches DOM prototypes and the highlight registry in its own world does not stop Backstory', async ({ firefox }) => {
    const page = await firefox.browser.newPage();
    await page.evaluateOnNewDocument(() => {
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
    await page.goto(firefox.news.serve('https://www.reuters.com/world/patched-prototypes', fixturePage('article.html')));
    await waitForScan(page);
    expect(await allHighlighted(page)).toContain('Antony Blinken');
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.mouse.move(at.x, at.y);
    await waitForCard(page, 'Antony Blinken');
  });

  test('a page posting messages that pretend to be Backstory triggers nothing', async ({ firefox, openArticle }) => {
    const page = await openArticle('https://apnews.com/article/postmessage-flood');
    await page.evaluate(() => {
      for (let i = 0; i < 5_000; i++) {
        window.postMessage({ backstory: 1, name: 'resetDataset', payload: {} }, '*');
        window.postMessage({ backstoryContent: 1, name: 'lookUpSelection', payload: { text: 'Hamas' } }, '*');
      }
    });
    // The messages are delivered in this task's wake: once a later task runs, they have all been seen.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect(await page.evaluate(openCard)).toBeNull();
    const options = await FirefoxOptions.open(firefox);
    await expect.poll(() => options.title()).not.toBeNull();
  });

  test('shadow roots and iframes neither break the page nor Backstory', async ({ firefox }) => {
    const html = fixturePage('article.html').replace(
      '</article>',
      `<div id="host"></div><iframe srcdoc="<p>Hamas and Qatar in a frame</p>"></iframe></article>
       <script>const root = document.getElementById('host').attachShadow({ mode: 'closed' }); root.innerHTML = '<p>Shadow text naming Hamas</p>';</script>`,
    );
    const page = await firefox.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(firefox.news.serve('https://www.theguardian.com/world/shadows-and-frames', html));
    await waitForScan(page);
    expect(await allHighlighted(page)).toContain('Antony Blinken');
    expect(errors).toEqual([]);
  });

  test.skip('a page that mutates without end keeps working, and a giant page is scanned in short slices', () => {
    // Measured in Chromium only (page-integrity.spec.ts): the scheduling code is the same in both
    // browsers, and the two tests take most of a minute, which the Firefox suite's time budget cannot spare.
  });
});

test.describe('messages, in Firefox', () => {
  test.skip('a content script can read but cannot call a write handler; invalid payloads and unknown messages are refused', () => {
    // Not reachable in Firefox: the Chromium test evaluates code in the content script's isolated
    // world over CDP, and WebDriver BiDi exposes no content-script sandbox (only the page's realms and
    // sandboxes it created itself). The refusal is the background's own check (lib/messaging/handlers.ts),
    // the same in both builds, and unit-tested.
  });
});
