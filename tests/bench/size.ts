import { PLAIN_BASE, type BenchBrowser } from './browser';
import type { EngineRun } from './engine-entry';
import { measureEngine } from './measure';
import type { BenchPage } from './pages';
import { max, median } from './stats';

export interface EngineFigures {
  scanMs: number;
  parseMs: number;
  buildMs: number;
  longestChunkMs: number;
  worstChunkMs: number;
  mentions: number;
}

/** Part 3 for one page: the same engine with the bundled snapshot and with the 100k-alias one. */
export interface SizeRow {
  page: string;
  bundled: EngineFigures;
  large: EngineFigures;
  /** Five datasets of 20,000 entities, joined as the library joins them for pages. */
  library: EngineFigures;
}

function figures(runs: readonly EngineRun[]): EngineFigures {
  return {
    scanMs: median(runs.map((r) => r.scanMs)),
    parseMs: median(runs.map((r) => r.parseMs)),
    buildMs: median(runs.map((r) => r.buildMs)),
    longestChunkMs: median(runs.map((r) => r.longestChunkMs)),
    worstChunkMs: max(runs.map((r) => r.longestChunkMs)),
    mentions: median(runs.map((r) => r.mentions)),
  };
}

/** Fresh load per run; which dataset goes first alternates, so neither always meets a warmer machine. */
export async function measureSize(
  browser: BenchBrowser,
  page: BenchPage,
  engine: string,
  bundledJson: string,
  largeJson: string,
  libraryJson: string,
  runs: number,
  log: (line: string) => void,
): Promise<SizeRow> {
  const url = PLAIN_BASE + page.name;
  const bundled: EngineRun[] = [];
  const large: EngineRun[] = [];
  const library: EngineRun[] = [];
  for (let run = 1; run <= runs; run++) {
    log(`${page.name}: engine run ${run}/${runs} (bundled, 100k aliases, five datasets of 20,000)`);
    if (run % 2) {
      bundled.push(await measureEngine(browser, url, engine, bundledJson));
      large.push(await measureEngine(browser, url, engine, largeJson));
      library.push(await measureEngine(browser, url, engine, libraryJson));
    } else {
      library.push(await measureEngine(browser, url, engine, libraryJson));
      large.push(await measureEngine(browser, url, engine, largeJson));
      bundled.push(await measureEngine(browser, url, engine, bundledJson));
    }
  }
  return { page: page.name, bundled: figures(bundled), large: figures(large), library: figures(library) };
}
