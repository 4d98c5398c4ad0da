import { NEWS_BASE, PLAIN_BASE, type BenchBrowser } from './browser';
import {
  measureExtension,
  measureMarkJs,
  measureTreeWalker,
  readExtensionRun,
  waitForScan,
  type ExtensionRun,
  type FloorRun,
} from './measure';
import type { BenchPage } from './pages';
import { max, maxOrNull, median } from './stats';
import { startTrace, type TaskFigures } from './trace';

/** Parts 1 and 2 for one page: the extension against the floor and mark.js, and its main-thread tasks. */
export interface SpeedRow {
  page: string;
  textNodes: number;
  highlights: number;
  scanMs: number;
  floorMs: number;
  /** The same pass in an isolated world, where content scripts run. */
  isolatedFloorMs: number;
  markListMs: number;
  markListComplete: boolean;
  markRegexMs: number;
  chunks: number;
  longestChunkMs: number;
  worstChunkMs: number;
  longTaskMs: number | null;
  trace: TaskFigures | null;
  isolated: boolean;
}

export interface SpeedOptions {
  runs: number;
  markListCapMs: number;
  log(line: string): void;
}

/**
 * Runs are interleaved (extension, floor, mark.js regex, then again), so a slow spell of the
 * machine touches every column alike. The mark.js list form runs once: it is slow enough that a
 * median would add minutes and change nothing in the ratio.
 */
export async function measureSpeed(
  browser: BenchBrowser,
  page: BenchPage,
  aliases: readonly string[],
  options: SpeedOptions,
): Promise<SpeedRow> {
  const news = NEWS_BASE + page.name;
  const plain = PLAIN_BASE + page.name;
  const extension: ExtensionRun[] = [];
  const floor: FloorRun[] = [];
  const isolatedFloor: FloorRun[] = [];
  const regex: number[] = [];
  for (let run = 1; run <= options.runs; run++) {
    options.log(
      `${page.name}: run ${run}/${options.runs} (extension, TreeWalker in the page's world and in an isolated one, mark.js regex)`,
    );
    extension.push(await measureExtension(browser, news));
    floor.push(await measureTreeWalker(browser, plain, 'main'));
    isolatedFloor.push(await measureTreeWalker(browser, plain, 'isolated'));
    regex.push((await measureMarkJs(browser, plain, aliases, 'regex')).ms);
  }
  options.log(`${page.name}: mark.js list form (once, capped at ${options.markListCapMs / 1000} s)`);
  const list = await measureMarkJs(browser, plain, aliases, 'list', options.markListCapMs);
  options.log(`${page.name}: traced load`);
  const trace = await tracedLoad(browser, news);
  return {
    page: page.name,
    textNodes: median(floor.map((r) => r.textNodes)),
    highlights: median(extension.map((r) => r.highlights)),
    scanMs: median(extension.map((r) => r.scanMs)),
    floorMs: median(floor.map((r) => r.ms)),
    isolatedFloorMs: median(isolatedFloor.map((r) => r.ms)),
    markListMs: list.ms,
    markListComplete: list.complete,
    markRegexMs: median(regex),
    chunks: median(extension.map((r) => r.chunks)),
    longestChunkMs: median(extension.map((r) => r.longestChunkMs)),
    worstChunkMs: max(extension.map((r) => r.longestChunkMs)),
    longTaskMs: maxOrNull(extension.map((r) => r.longTaskMs)),
    trace,
    isolated: floor.every((r) => r.isolated),
  };
}

/** One more load with a Chrome trace running, for task lengths below the Long Tasks API's 50 ms. */
async function tracedLoad(browser: BenchBrowser, url: string): Promise<TaskFigures | null> {
  const page = await browser.context.newPage();
  try {
    const trace = await startTrace(browser.context, page);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitForScan(page);
    await readExtensionRun(page);
    return await trace.stop('backstory:scan');
  } finally {
    await page.close();
  }
}
