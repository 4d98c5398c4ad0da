import type { Page } from '@playwright/test';
import type { BenchBrowser } from './browser';
import type { EngineApi, EngineRun } from './engine-entry';
import { MARK_JS_SCRIPT } from '../support/vendor-scripts';

/** The first scan of a page with the real extension. */
export interface ScanRun {
  scanMs: number;
  longestChunkMs: number;
  chunks: number;
  highlights: number;
  /** Longest task the Long Tasks API saw during the scan window; it reports only tasks ≥ 50 ms. */
  longTaskMs: number | null;
}

/** What one load of a page with the real extension gives. */
export interface ExtensionRun extends ScanRun {
  /**
   * The scan again, with warm code: the page then re-renders its whole body (the same markup, new
   * nodes, as a client-side re-render does) and this is the sum of the scan chunks that follow.
   */
  rescanMs: number;
}

export interface FloorRun {
  ms: number;
  textNodes: number;
  /** Whether performance.now() had fine resolution (cross-origin isolated). */
  isolated: boolean;
}

export interface MarkRun {
  ms: number;
  marks: number;
  /** False when the run hit the time cap: `ms` is then extrapolated from the share of names done. */
  complete: boolean;
}

export type MarkVariant = 'list' | 'regex';

/** Punctuation that may touch a name ("Blinken," "(Hamas)"): without these, accuracy "exactly" misses most mentions. */
const LIMITERS = [',', '.', ';', ':', '!', '?', '"', "'", '’', '‘', '“', '”', '(', ')', '[', ']', '-', '—', '–', '/'];

/**
 * Quiet time that means the scan is over. The content script schedules chunks with
 * requestIdleCallback and a 500 ms timeout, so while work remains a chunk runs at least every
 * ~500 ms, however busy the page: twice that without a chunk means the queue is empty.
 */
export const SCAN_QUIET_MS = 1_000;

/**
 * Waits for the first scan pass, then for a pass that left nothing to read or to hear back about
 * from the background, followed by a quiet moment (no pass for SCAN_QUIET_MS): the scan is over.
 */
export async function waitForScan(page: Page, timeout = 60_000, quietMs = SCAN_QUIET_MS): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('backstory:scan').length > 0, null, { timeout });
  await page.waitForFunction(
    (quiet) => {
      const entries = performance.getEntriesByName('backstory:scan') as PerformanceMeasure[];
      const last = entries[entries.length - 1];
      // Backstory writes each detail as JSON text (see entrypoints/news.content/perf.ts).
      const idle = typeof last?.detail !== 'string' || (JSON.parse(last.detail) as { idle?: boolean }).idle !== false;
      return !!last && idle && performance.now() - (last.startTime + last.duration) > quiet;
    },
    quietMs,
    { timeout, polling: 100 },
  );
}

/** Scan figures of a page the extension has finished scanning (read from the page's own world). */
export function readExtensionRun(page: Page): Promise<ScanRun> {
  return page.evaluate(() => {
    const measures = performance.getEntriesByName('backstory:scan');
    const from = Math.min(...measures.map((m) => m.startTime));
    const to = Math.max(...measures.map((m) => m.startTime + m.duration));
    const longTasks = (window as unknown as { __benchLongTasks: [number, number][] }).__benchLongTasks;
    const during = longTasks.filter(([start, duration]) => start < to && start + duration > from).map(([, duration]) => duration);
    let highlights = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('backstory') && name !== 'backstory-flash') highlights += highlight.size;
    });
    return {
      scanMs: measures.reduce((sum, m) => sum + m.duration, 0),
      longestChunkMs: Math.max(...measures.map((m) => m.duration)),
      chunks: measures.length,
      highlights,
      longTaskMs: during.length ? Math.max(...during) : null,
    };
  });
}

export async function measureExtension(browser: BenchBrowser, url: string): Promise<ExtensionRun> {
  const page = await browser.open(url);
  try {
    await waitForScan(page);
    const first = await readExtensionRun(page);
    return { ...first, rescanMs: await measureRescan(page) };
  } finally {
    await page.close();
  }
}

/** Re-renders the body (same markup, new nodes) and sums the scan chunks that follow. */
async function measureRescan(page: Page): Promise<number> {
  const before = await page.evaluate(() => {
    const count = performance.getEntriesByName('backstory:scan').length;
    const copy = document.body.cloneNode(true) as HTMLElement;
    document.body.replaceChildren(...Array.from(copy.childNodes));
    return count;
  });
  await page.waitForFunction((count) => performance.getEntriesByName('backstory:scan').length > count, before, { timeout: 60_000 });
  await waitForScan(page);
  return page.evaluate(
    (count) =>
      performance
        .getEntriesByName('backstory:scan')
        .slice(count)
        .reduce((sum, m) => sum + m.duration, 0),
    before,
  );
}

/**
 * One cold TreeWalker pass over the body, as an expression to run in any world: `show` is the
 * NodeFilter constant, `visit` the code that reads the walker's current node.
 */
const treeWalkerPass = (show: 'SHOW_TEXT' | 'SHOW_ALL', visit: string) => `(() => {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.${show});
  let textNodes = 0;
  let chars = 0;
  while (walker.nextNode()) {
    ${visit}
  }
  const ms = performance.now() - start;
  // \`chars\` is returned only so the engine cannot skip reading the data.
  return { ms, textNodes: chars >= 0 ? textNodes : -1, isolated: crossOriginIsolated };
})()`;

/** The floor: every text node, reading its data. */
const TREE_WALKER_PASS = treeWalkerPass('SHOW_TEXT', 'chars += walker.currentNode.data.length; textNodes++;');

/**
 * Every node of the body, reading each node's type and each text node's data: the least a walk
 * that tells elements from text pays, as any walk that skips page chrome or finds blocks must.
 */
const STRUCTURE_PASS = treeWalkerPass(
  'SHOW_ALL',
  'const node = walker.currentNode; if (node.nodeType === 3) { chars += node.data.length; textNodes++; }',
);

/** Where a floor pass runs, and over which nodes. */
export type FloorPass = 'main' | 'isolated' | 'isolated-all';

/**
 * The floor: one cold TreeWalker pass over the text nodes of a freshly loaded page. `main` runs it
 * in the page's own world, as the product's target defines it; `isolated` in a fresh isolated world,
 * where every content script runs: there each DOM node a script touches costs a wrapper lookup in
 * that world's own table, so the same pass is slower, and that is the floor an extension can reach.
 * `isolated-all` walks every node there, elements too (see STRUCTURE_PASS): the first node of each
 * element type a world touches also builds that type's prototype in that world, which a page's own
 * world has done already, when the page's scripts ran.
 */
export async function measureTreeWalker(browser: BenchBrowser, url: string, pass: FloorPass = 'main'): Promise<FloorRun> {
  const page = await browser.open(url);
  try {
    const session = await browser.context.newCDPSession(page);
    let contextId: number | undefined;
    if (pass !== 'main') {
      const { frameTree } = await session.send('Page.getFrameTree');
      ({ executionContextId: contextId } = await session.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: 'bench-floor',
      }));
    }
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
      expression: pass === 'isolated-all' ? STRUCTURE_PASS : TREE_WALKER_PASS,
      returnByValue: true,
      ...(contextId === undefined ? {} : { contextId }),
    });
    if (exceptionDetails) throw new Error(`TreeWalker pass failed: ${exceptionDetails.text}`);
    return result.value as FloorRun;
  } finally {
    await page.close();
  }
}

/**
 * mark.js with the same names. "list" is mark.js as documented: `mark(aliases)` with whole phrases,
 * whole words (accuracy "exactly" with punctuation as limiters), no diacritics folding; "regex" is
 * the fastest fair use: one `markRegExp` with all aliases in one alternation, longest first.
 * The list form walks the page once per name, which takes minutes on big pages: past `capMs` it is
 * stopped (by throwing from its per-name callbacks) and its time extrapolated from the names done.
 */
export async function measureMarkJs(
  browser: BenchBrowser,
  url: string,
  aliases: readonly string[],
  variant: MarkVariant,
  capMs = Infinity,
): Promise<MarkRun> {
  const page = await browser.open(url);
  try {
    await page.addScriptTag({ path: MARK_JS_SCRIPT });
    return await page.evaluate(
      ({ aliases, variant, limiters, capMs }) =>
        new Promise<MarkRun>((resolve, reject) => {
          type MarkOptions = Record<string, unknown> & { done: (marks: number) => void };
          type MarkJs = { mark(words: string[], options: MarkOptions): void; markRegExp(regex: RegExp, options: MarkOptions): void };
          const Mark = (window as unknown as { Mark: new (root: Element) => MarkJs }).Mark;
          const start = performance.now();
          const done = (marks: number) => resolve({ ms: performance.now() - start, marks, complete: true });
          const instance = new Mark(document.body);
          if (variant === 'regex') {
            const escaped = [...aliases].sort((a, b) => b.length - a.length).map((alias) => alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
            const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
            instance.markRegExp(regex, { done });
            return;
          }
          const matched = new Set<string>();
          let unmatched = 0;
          let marks = 0;
          const stop = new Error('cap');
          const check = () => {
            if (performance.now() - start > capMs) throw stop;
          };
          try {
            instance.mark([...aliases], {
              separateWordSearch: false,
              accuracy: { value: 'exactly', limiters },
              diacritics: false,
              filter: (_node: Node, keyword: string) => (matched.add(keyword), marks++, check(), true),
              noMatch: () => (unmatched++, check()),
              done,
            });
          } catch (error) {
            if (error !== stop) return reject(error);
            const share = Math.max(1, matched.size + unmatched) / aliases.length;
            resolve({ ms: (performance.now() - start) / share, marks, complete: false });
          }
        }),
      { aliases, variant, limiters: LIMITERS, capMs },
    );
  } finally {
    await page.close();
  }
}

/** The standalone engine (see engine-entry.ts) on a fresh load, with the given snapshot. */
export async function measureEngine(browser: BenchBrowser, url: string, engineScript: string, snapshotJson: string): Promise<EngineRun> {
  const page = await browser.open(url);
  try {
    await page.addScriptTag({ content: engineScript });
    return await page.evaluate((json) => (window as unknown as { backstoryBench: EngineApi }).backstoryBench.scan(json), snapshotJson);
  } finally {
    await page.close();
  }
}
