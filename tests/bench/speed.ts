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
import { max, maxOrNull, median, worstBy } from './stats';
import { startTrace, type ExtensionWork, type TaskFigures } from './trace';

/** Parts 1 and 2 for one page: the extension against the floor and mark.js, and its main-thread tasks. */
export interface SpeedRow {
  page: string;
  textNodes: number;
  highlights: number;
  scanMs: number;
  /** The same page's scan with warm code, after the page re-rendered its body (see measureExtension). */
  rescanMs: number;
  floorMs: number;
  /** The same pass in an isolated world, where content scripts run. */
  isolatedFloorMs: number;
  /** A pass over every node (elements too) in an isolated world: see measureTreeWalker. */
  structureFloorMs: number;
  markListMs: number;
  markListComplete: boolean;
  markRegexMs: number;
  chunks: number;
  longestChunkMs: number;
  worstChunkMs: number;
  longTaskMs: number | null;
  /** Worst of the traced loads (longest scan task, longest task in the scan window). */
  trace: TaskFigures | null;
  /** All of the content script's main-thread work, one entry per traced load. */
  work: ExtensionWork[];
  isolated: boolean;
}

export interface SpeedOptions {
  runs: number;
  /** Loads traced for task lengths and the content script's whole work. */
  traceRuns: number;
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
  const structureFloor: FloorRun[] = [];
  const regex: number[] = [];
  for (let run = 1; run <= options.runs; run++) {
    options.log(
      `${page.name}: run ${run}/${options.runs} (extension, TreeWalker in the page's world and in an isolated one, over text and over all nodes, mark.js regex)`,
    );
    extension.push(await measureExtension(browser, news));
    floor.push(await measureTreeWalker(browser, plain, 'main'));
    isolatedFloor.push(await measureTreeWalker(browser, plain, 'isolated'));
    structureFloor.push(await measureTreeWalker(browser, plain, 'isolated-all'));
    regex.push((await measureMarkJs(browser, plain, aliases, 'regex')).ms);
  }
  options.log(`${page.name}: mark.js list form (once, capped at ${options.markListCapMs / 1000} s)`);
  const list = await measureMarkJs(browser, plain, aliases, 'list', options.markListCapMs);
  const traced: Array<{ figures: TaskFigures | null; work: ExtensionWork | null }> = [];
  for (let run = 1; run <= options.traceRuns; run++) {
    options.log(`${page.name}: traced load ${run}/${options.traceRuns}`);
    traced.push(await tracedLoad(browser, news));
  }
  const figures = traced.map((t) => t.figures).filter((f): f is TaskFigures => f !== null);
  const worstScan = worstBy(figures, (f) => f.longestScanTaskMs);
  const worstWindow = worstBy(figures, (f) => f.longestTaskInWindowMs);
  return {
    page: page.name,
    textNodes: median(floor.map((r) => r.textNodes)),
    highlights: median(extension.map((r) => r.highlights)),
    scanMs: median(extension.map((r) => r.scanMs)),
    rescanMs: median(extension.map((r) => r.rescanMs)),
    floorMs: median(floor.map((r) => r.ms)),
    isolatedFloorMs: median(isolatedFloor.map((r) => r.ms)),
    structureFloorMs: median(structureFloor.map((r) => r.ms)),
    markListMs: list.ms,
    markListComplete: list.complete,
    markRegexMs: median(regex),
    chunks: median(extension.map((r) => r.chunks)),
    longestChunkMs: median(extension.map((r) => r.longestChunkMs)),
    worstChunkMs: max(extension.map((r) => r.longestChunkMs)),
    longTaskMs: maxOrNull(extension.map((r) => r.longTaskMs)),
    trace:
      worstScan && worstWindow
        ? {
            longestScanTaskMs: worstScan.longestScanTaskMs,
            longestScanTaskWhat: worstScan.longestScanTaskWhat,
            longestTaskInWindowMs: worstWindow.longestTaskInWindowMs,
            longestTaskInWindowWhat: worstWindow.longestTaskInWindowWhat,
          }
        : null,
    work: traced.map((t) => t.work).filter((w): w is ExtensionWork => w !== null),
    isolated: floor.every((r) => r.isolated),
  };
}

/**
 * After the scan, the content script still reports the cast, fetches the cast's entities and warms
 * up the card in idle time: the trace runs this much longer to see all of it.
 */
const AFTER_SCAN_MS = 2_500;

/**
 * One more load with a Chrome trace running: task lengths below the Long Tasks API's 50 ms, and
 * everything the content script ran, from its start to the card's warm-up.
 */
async function tracedLoad(browser: BenchBrowser, url: string): Promise<{ figures: TaskFigures | null; work: ExtensionWork | null }> {
  const page = await browser.context.newPage();
  try {
    const trace = await startTrace(browser.context, page);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitForScan(page);
    await readExtensionRun(page);
    await page.waitForTimeout(AFTER_SCAN_MS);
    const { figures, work } = await trace.stopWithWork(['backstory:scan']);
    return { figures: figures[0] ?? null, work };
  } finally {
    await page.close();
  }
}
