import type { Page } from '@playwright/test';
import { NEWS_BASE, type BenchBrowser } from './browser';
import { waitForScan } from './measure';
import type { BenchPage } from './pages';
import { max, median } from './stats';

/** Part 6 for one page: hover to card visible, over several mentions and several loads. */
export interface CardRow {
  page: string;
  /** Cards opened (one `backstory:card` measure each). */
  cards: number;
  /** Hovers that did not show a card in time. */
  failed: number;
  medianMs: number;
  maxMs: number;
  /** From the measure's start to the first DOM change of the card (data lookup plus the synchronous render). */
  syncMedianMs: number;
  syncMaxMs: number;
  /** The first card of each load (its entity data is fetched from the background) vs the later ones. */
  firstMedianMs: number;
  laterMedianMs: number;
  laterMaxMs: number;
}

const CARD = 'backstory-card [role="dialog"]';

/**
 * Main-world observer: the card lives in an open shadow root appended to <html>. A MutationObserver
 * callback runs at the first microtask checkpoint after the content script's synchronous open
 * (render and placement), so its timestamp marks the end of the synchronous part.
 */
function installCardObserver(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __benchCardMutations: number[] };
    w.__benchCardMutations = [];
    const observed = new WeakSet<Node>();
    const onMutations = (): void => {
      w.__benchCardMutations.push(performance.now());
      const host = document.querySelector('backstory-card');
      if (host?.shadowRoot && !observed.has(host.shadowRoot)) {
        observed.add(host.shadowRoot);
        shadowObserver.observe(host.shadowRoot, { childList: true, subtree: true, attributes: true });
      }
    };
    const shadowObserver = new MutationObserver(onMutations);
    new MutationObserver(onMutations).observe(document.documentElement, { childList: true });
    onMutations();
  });
}

/**
 * Picks up to `wanted` distinct mention texts with a line box, from Backstory's highlights; returns
 * how many. Only mentions near the viewport are painted, so the page is scrolled through once (a
 * viewport at a time, two frames each for the highlights to follow) to see them all.
 */
function mentionCount(page: Page, wanted: number): Promise<number> {
  return page.evaluate(async (limit) => {
    const seen = new Set<string>();
    const picked: Range[] = [];
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const collect = () =>
      CSS.highlights.forEach((highlight, name) => {
        if (!name.startsWith('backstory') || name === 'backstory-flash') return;
        highlight.forEach((abstract) => {
          // Backstory highlights with StaticRanges: a live Range gives text and line boxes.
          const range = document.createRange();
          try {
            range.setStart(abstract.startContainer, abstract.startOffset);
            range.setEnd(abstract.endContainer, abstract.endOffset);
          } catch {
            return;
          }
          const text = range.toString().trim().toLowerCase();
          if (!text || seen.has(text) || !range.getClientRects().length) return;
          seen.add(text);
          picked.push(range);
        });
      });
    const height = document.documentElement.scrollHeight;
    for (let y = 0, steps = 0; steps < 40; y += innerHeight, steps++) {
      scrollTo({ top: y, behavior: 'instant' });
      await frame();
      collect();
      if (y + innerHeight >= height) break;
    }
    scrollTo({ top: 0, behavior: 'instant' });
    // Spread over the page: evenly spaced distinct mentions, in document order.
    picked.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const step = Math.max(1, Math.floor(picked.length / limit));
    (window as unknown as { __benchMentions: Range[] }).__benchMentions = picked.filter((_, i) => i % step === 0).slice(0, limit);
    return (window as unknown as { __benchMentions: Range[] }).__benchMentions.length;
  }, wanted);
}

/** Scrolls mention `index` to the middle of the viewport and returns the centre of its first line box. */
function mentionCentre(page: Page, index: number): Promise<{ x: number; y: number } | null> {
  return page.evaluate((i) => {
    const range = (window as unknown as { __benchMentions: Range[] }).__benchMentions[i];
    if (!range) return null;
    const element = range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'instant' });
    const rect = range.getClientRects()[0];
    if (!rect || rect.width === 0) return null;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, index);
}

interface LoadFigures {
  total: number[];
  sync: number[];
  failed: number;
}

async function hoverLoad(browser: BenchBrowser, url: string, mentions: number): Promise<LoadFigures> {
  const page = await browser.open(url);
  try {
    await waitForScan(page);
    await installCardObserver(page);
    const found = await mentionCount(page, mentions);
    let failed = 0;
    for (let i = 0; i < found; i++) {
      // Away from every mention first (top-left corner), so the card closes before the next hover.
      await page.mouse.move(2, 2);
      await page
        .locator(CARD)
        .waitFor({ state: 'hidden', timeout: 5_000 })
        .catch(() => undefined);
      const centre = await mentionCentre(page, i);
      if (!centre) {
        failed++;
        continue;
      }
      await page.waitForTimeout(50); // let the scroll settle (highlights follow layout)
      await page.mouse.move(centre.x, centre.y, { steps: 2 });
      const shown = await page
        .locator(CARD)
        .waitFor({ state: 'visible', timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (!shown) failed++;
    }
    await page.mouse.move(2, 2);
    // The measure is recorded a frame and a task after the card opens.
    await page.waitForTimeout(100);
    const figures = await page.evaluate(() => {
      const mutations = (window as unknown as { __benchCardMutations: number[] }).__benchCardMutations;
      return performance.getEntriesByName('backstory:card').map((m) => {
        const end = m.startTime + m.duration;
        const first = mutations.find((t) => t >= m.startTime && t <= end);
        return [m.duration, first === undefined ? Number.NaN : first - m.startTime] as [number, number];
      });
    });
    return { total: figures.map(([d]) => d), sync: figures.map(([, s]) => s).filter((s) => !Number.isNaN(s)), failed };
  } finally {
    await page.close();
  }
}

export async function measureCard(
  browser: BenchBrowser,
  page: BenchPage,
  runs: number,
  mentions: number,
  log: (line: string) => void,
): Promise<CardRow> {
  const total: number[] = [];
  const sync: number[] = [];
  const first: number[] = [];
  const later: number[] = [];
  let failed = 0;
  for (let run = 1; run <= runs; run++) {
    log(`${page.name}: hover run ${run}/${runs} (${mentions} mentions)`);
    const load = await hoverLoad(browser, NEWS_BASE + page.name, mentions);
    if (load.total.length) log(`${page.name}: cards in load ${run}, ms: ${load.total.map((ms) => ms.toFixed(1)).join(', ')}`);
    total.push(...load.total);
    first.push(...load.total.slice(0, 1));
    later.push(...load.total.slice(1));
    sync.push(...load.sync);
    failed += load.failed;
  }
  return {
    page: page.name,
    cards: total.length,
    failed,
    medianMs: median(total),
    maxMs: max(total),
    syncMedianMs: median(sync),
    syncMaxMs: max(sync),
    firstMedianMs: median(first),
    laterMedianMs: median(later),
    laterMaxMs: max(later),
  };
}
