import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { generateDatasetText } from '../fixtures/datasets/generate';
import { launchBench, NEWS_BASE, PLAIN_BASE, type BenchBrowser } from './browser';
import { importThroughOptions, openOptions } from './import';
import { waitForScan } from './measure';
import type { BenchPage } from './pages';
import { extensionIdOf } from './search';
import { median } from './stats';
import { watchWorkerCpu, type WorkerCpu } from './worker-cpu';

/**
 * Part 9: what a news tab pays in memory for Backstory, and how soon its first highlight shows.
 * The same page is loaded where Backstory does not run and where it does; after two garbage
 * collections the renderer's JS heap (one V8 heap holds the page's world and the content script's
 * isolated world) is read, and the difference is what the tab gained. First highlight: the time from
 * the page's load event to the first frame with a Backstory highlight in it, with the background
 * awake (it served a page just before) and asleep (its service worker stopped first). The background's
 * CPU per page load: its worker profiled from before the page opens until the page's scan is done
 * (see worker-cpu.ts); woken by the page, that includes the worker's start. It is counted on loads
 * of their own: a worker profiled from its start waits for the profiler before its first instruction.
 */
export interface MemoryRow {
  dataset: string;
  entities: number;
  page: string;
  runs: number;
  /** Median JS heap of the bare page and of the page with Backstory, in MB. */
  bareMb: number;
  withMb: number;
  gainMb: number;
  firstHighlightAwakeMs: number | null;
  firstHighlightAsleepMs: number | null;
  /** Whether any load of the page had a highlight once scanned (topic gating leaves some pages unmarked). */
  marked: boolean;
  /** Median CPU of the background's worker per page load (scripts and GC), awake and woken by the page. */
  workerCpuAwakeMs: number | null;
  workerCpuAsleepMs: number | null;
}

/** Records, in the page's own world, the first animation frame in which a Backstory highlight holds a range. */
const FIRST_HIGHLIGHT_WATCH = `
(() => {
  const started = performance.now();
  const look = () => {
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('backstory') && highlight.size > 0) { window.__benchFirstHighlight = performance.now(); return; }
    }
    if (performance.now() - started < 30000) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();
`;

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  } finally {
    await cdp.detach();
  }
}

/**
 * Milliseconds from the load event to the first highlighted frame (null when none came): waits for
 * it, or, on a page that gets none (topic gating leaves some unmarked), until the scan is over. The
 * scan is watched only after two seconds, so that its polling cannot slow the page before a highlight.
 */
async function firstHighlightMs(page: Page): Promise<number | null> {
  const highlighted = page.waitForFunction(
    () => (window as unknown as { __benchFirstHighlight?: number }).__benchFirstHighlight !== undefined,
    null,
    { timeout: 30_000 },
  );
  const scanned = page.waitForTimeout(2_000).then(() => waitForScan(page, 30_000));
  await Promise.race([highlighted, scanned]).catch(() => undefined);
  // Neither is waited for any more; their failures (the page closing, a timeout) do not matter.
  highlighted.catch(() => undefined);
  scanned.catch(() => undefined);
  return page.evaluate(() => {
    const first = (window as unknown as { __benchFirstHighlight?: number }).__benchFirstHighlight;
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return first === undefined || !navigation ? null : first - navigation.loadEventEnd;
  });
}

/** Stops the extension's service worker (and waits a moment for it to be gone). */
export async function stopServiceWorker(browser: BenchBrowser): Promise<void> {
  const page = await browser.context.newPage();
  const cdp: CDPSession = await browser.context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(500);
  } finally {
    await cdp.detach();
    await page.close();
  }
}

async function measureOne(
  browser: BenchBrowser,
  cpu: WorkerCpu,
  page: BenchPage,
  runs: number,
  log: (line: string) => void,
  label: string,
) {
  const bare: number[] = [];
  const withBackstory: number[] = [];
  const awake: number[] = [];
  const asleep: number[] = [];
  const cpuAwake: number[] = [];
  const cpuAsleep: number[] = [];
  let marked = false;
  for (let run = 1; run <= runs; run++) {
    log(`memory, ${label}, ${page.name}: run ${run}/${runs} (bare page, with Backstory awake, with it asleep)`);
    const plain = await browser.open(`${PLAIN_BASE}${page.name}?run=${run}`);
    await plain.waitForTimeout(1_000);
    bare.push(await heapMb(plain));
    await plain.close();

    // Timed loads, with nothing profiling the worker (the profiler would hold a waking worker back).
    const news = await browser.open(`${NEWS_BASE}${page.name}?run=${run}`);
    const first = await firstHighlightMs(news);
    if (first !== null) awake.push(first);
    await waitForScan(news);
    marked ||= await news.evaluate(() =>
      [...CSS.highlights].some(([name, highlight]) => name.startsWith('backstory') && highlight.size > 0),
    );
    withBackstory.push(await heapMb(news));
    await news.close();

    await stopServiceWorker(browser);
    const cold = await browser.open(`${NEWS_BASE}${page.name}?asleep=${run}`);
    const coldFirst = await firstHighlightMs(cold);
    if (coldFirst !== null) asleep.push(coldFirst);
    await waitForScan(cold).catch(() => undefined);
    await cold.close();

    // The same two loads again, the worker profiled.
    await cpu.start();
    const counted = await browser.open(`${NEWS_BASE}${page.name}?cpu=${run}`);
    await waitForScan(counted);
    cpuAwake.push(await cpu.stop(`${label} ${page.name} awake ${run}`));
    await counted.close();

    await stopServiceWorker(browser);
    await cpu.start();
    const countedCold = await browser.open(`${NEWS_BASE}${page.name}?cpu-asleep=${run}`);
    await firstHighlightMs(countedCold);
    await waitForScan(countedCold).catch(() => undefined);
    cpuAsleep.push(await cpu.stop(`${label} ${page.name} asleep ${run}`));
    await countedCold.close();
  }
  const bareMb = median(bare);
  const withMb = median(withBackstory);
  return {
    page: page.name,
    runs,
    bareMb,
    withMb,
    gainMb: withMb - bareMb,
    firstHighlightAwakeMs: awake.length ? median(awake) : null,
    firstHighlightAsleepMs: asleep.length ? median(asleep) : null,
    marked,
    workerCpuAwakeMs: cpuAwake.length ? median(cpuAwake) : null,
    workerCpuAsleepMs: cpuAsleep.length ? median(cpuAsleep) : null,
  };
}

/** Part 9, with the bundled data, then with a generated 100,000-entity dataset imported next to it through the options page. */
export async function measureMemory(
  extensionDir: string,
  pages: readonly BenchPage[],
  sizes: readonly number[],
  runs: number,
  log: (line: string) => void,
): Promise<MemoryRow[]> {
  const rows: MemoryRow[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'backstory-bench-memory-'));
  try {
    for (const entities of [0, ...sizes]) {
      const browser = await launchBench(extensionDir, { debugging: true });
      const extensionId = extensionIdOf(browser.context);
      const cpu = await watchWorkerCpu(browser.debuggingEndpoint!, (url) => url.startsWith(`chrome-extension://${extensionId}/`));
      try {
        await browser.context.addInitScript({ content: FIRST_HIGHLIGHT_WATCH });
        const label = entities ? `bundled + ${entities.toLocaleString('en')} generated entities` : 'bundled data';
        if (entities) {
          const file = path.join(dir, `memory-${entities}.json`);
          const id = `bench-memory-${entities}`;
          writeFileSync(file, generateDatasetText({ count: entities, id, title: `Bench memory, ${entities} entities` }));
          log(`memory: importing ${label} through the options page…`);
          const options = await browser.context.newPage();
          await openOptions(options, extensionId);
          await importThroughOptions(options, file, id, entities);
          await options.close();
        }
        for (const page of pages) {
          browser.serve(`${NEWS_BASE}${page.name}`, page.html);
          browser.serve(`${PLAIN_BASE}${page.name}`, page.html);
          for (let run = 1; run <= runs; run++) {
            browser.serve(`${NEWS_BASE}${page.name}?run=${run}`, page.html);
            browser.serve(`${NEWS_BASE}${page.name}?asleep=${run}`, page.html);
            browser.serve(`${NEWS_BASE}${page.name}?cpu=${run}`, page.html);
            browser.serve(`${NEWS_BASE}${page.name}?cpu-asleep=${run}`, page.html);
            browser.serve(`${PLAIN_BASE}${page.name}?run=${run}`, page.html);
          }
          // The first load also wakes the worker and has it read the data: not a figure to keep.
          const warm = await browser.open(`${NEWS_BASE}${page.name}`);
          await waitForScan(warm).catch(() => undefined);
          await warm.close();
          rows.push({ dataset: label, entities, ...(await measureOne(browser, cpu, page, runs, log, label)) });
        }
      } finally {
        await cpu.close();
        await browser.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
