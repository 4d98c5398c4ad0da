/**
 * `npm run bench`: builds the extension into a private directory, loads it into headless Chromium
 * and measures scan cost against a bare TreeWalker pass and mark.js, main-thread tasks, dataset-size
 * independence and a live page. Prints the tables and writes them to tests/bench/README.md.
 * Missing targets do not fail the run; crashes do. Not part of `npm test`.
 *
 * Environment: BENCH_RUNS (default 5), BENCH_SIZE_RUNS (dataset-size runs, default 3), BENCH_TRACE_RUNS (traced loads per page, default 3), BENCH_LIVE_SECONDS
 * (the live page's 1,000 posts go in over this many seconds; default 60, as the product asks), BENCH_MARKJS_CAP_MS
 * (default 5000), BENCH_PAGES (comma-separated substrings of page names, for a quick partial run:
 * the README is then left alone), BENCH_CARD_RUNS / BENCH_IMPORT_RUNS (loads per page for the hover
 * card, fresh profiles per import size; default 3), BENCH_IMPORT_SIZES (comma-separated entity counts,
 * default 1000,10000,100000), BENCH_PARTS (comma-separated: scan, size, live, card, search, popup,
 * import, memory, wake; default all; a partial run leaves the README alone). BENCH_MEMORY_RUNS: loads per page
 * for the memory part (default 3). BENCH_BASELINE_BUILD: a built extension (its chrome-mv3 folder) to run
 * beside this one in the wake part.
 */
import os from 'node:os';
import { buildExtension, bundleEngine } from './build';
import { launchBench, NEWS_BASE, PLAIN_BASE, type BenchBrowser } from './browser';
import { measureCard, type CardRow } from './card';
import { aliasTexts, bundledDataset, bundledSnapshot, plainFullNames } from './dataset';
import { checkableNames, runLive } from './live';
import { waitForScan } from './measure';
import { benchPages, fixturePage, type BenchPage } from './pages';
import { renderResults, writeReadme, type BenchResults } from './report';
import { BESIDE_DATASETS, IMPORT_SIZES, measureImport, type ImportRow } from './import';
import { measureMemory, type MemoryRow } from './memory';
import { hundredThousandEntities, measurePopup, measureSearch, type PopupRow, type SearchRow } from './search';
import { measureSize, type SizeRow } from './size';
import { measureSpeed, type SpeedRow } from './speed';
import { largeSnapshot, librarySnapshot, longestCandidateLists, wordsOf } from './synthetic';
import { measureWake, type WakeRow } from './wake';

const startedAt = Date.now();
function log(line: string): void {
  console.log(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}`);
}

function numberFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const RUNS = numberFromEnv('BENCH_RUNS', 5);
// Every 100k-alias load spends most of a second building the matcher before it scans: fewer runs keep the bench short.
const SIZE_RUNS = numberFromEnv('BENCH_SIZE_RUNS', Math.min(RUNS, 3));
const TRACE_RUNS = numberFromEnv('BENCH_TRACE_RUNS', Math.min(RUNS, 3));
const LIVE_SECONDS = numberFromEnv('BENCH_LIVE_SECONDS', 60);
const MARKJS_CAP_MS = numberFromEnv('BENCH_MARKJS_CAP_MS', 5_000);
const PAGE_FILTER = (process.env.BENCH_PAGES ?? '').split(',').filter(Boolean);
const PARTS = ['scan', 'size', 'live', 'card', 'search', 'popup', 'import', 'memory', 'wake'] as const;
const PART_FILTER = (process.env.BENCH_PARTS ?? '').split(',').filter(Boolean);
const unknownParts = PART_FILTER.filter((part) => !(PARTS as readonly string[]).includes(part));
if (unknownParts.length) throw new Error(`BENCH_PARTS: unknown part(s) ${unknownParts.join(', ')}; known: ${PARTS.join(', ')}`);
/** Whether a part of the bench runs (BENCH_PARTS). */
const runs = (part: (typeof PARTS)[number]) => !PART_FILTER.length || PART_FILTER.includes(part);
const CARD_RUNS = numberFromEnv('BENCH_CARD_RUNS', Math.min(RUNS, 3));
const CARD_MENTIONS = 6;
const POPUP_RUNS = 5;
const IMPORT_RUNS = numberFromEnv('BENCH_IMPORT_RUNS', Math.min(RUNS, 3));
const MEMORY_RUNS = numberFromEnv('BENCH_MEMORY_RUNS', Math.min(RUNS, 3));
const WAKE_RUNS = 25;
const IMPORT_COUNTS = process.env.BENCH_IMPORT_SIZES
  ? process.env.BENCH_IMPORT_SIZES.split(',')
      .map(Number)
      .filter((n) => n > 0)
  : IMPORT_SIZES;

/** The hover-card part: the fixture and the first two real pages (of those selected). */
function cardPages(pages: BenchPage[]): BenchPage[] {
  return [
    ...pages.filter((page) => page.name === fixturePage().name),
    ...pages.filter((page) => page.origin.startsWith('../shared/')).slice(0, 2),
  ];
}

/** The memory part: the fixture and the largest real page (of those selected). */
function memoryPages(pages: BenchPage[]): BenchPage[] {
  const real = pages.filter((page) => page.origin.startsWith('../shared/')).sort((a, b) => b.html.length - a.html.length);
  return [...pages.filter((page) => page.name === fixturePage().name), ...real.slice(0, 1)];
}

function selected(pages: BenchPage[]): BenchPage[] {
  return PAGE_FILTER.length ? pages.filter((page) => PAGE_FILTER.some((part) => page.name.includes(part))) : pages;
}

/** The first page also waits for the service worker to load the bundled data: not a figure to keep. */
async function warmUp(browser: BenchBrowser): Promise<void> {
  const url = `${NEWS_BASE}warm-up.html`;
  browser.serve(url, fixturePage().html);
  const page = await browser.open(url);
  await waitForScan(page);
  await page.close();
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg()[0]!;
  log('building the extension (private output directory) and the standalone engine…');
  const extension = await buildExtension();
  const engine = await bundleEngine();
  const dataset = bundledDataset();
  const aliases = aliasTexts(dataset.entities);
  const { pages: allPages, notes } = benchPages(aliases);
  const pages = selected(allPages);
  const bundled = bundledSnapshot(dataset);
  log('generating the 100k-alias snapshot…');
  const pageWords = wordsOf(allPages.map((page) => page.html));
  const large = largeSnapshot(dataset, pageWords);
  log('generating five datasets of 20,000 entities, joined as the library joins them…');
  const library = librarySnapshot(pageWords);
  const [bundledJson, largeJson, libraryJson] = [JSON.stringify(bundled), JSON.stringify(large), JSON.stringify(library)];
  const liveNames = checkableNames(plainFullNames(dataset.entities), bundled);

  const browser = await launchBench(extension.dir);
  const speed: SpeedRow[] = [];
  const size: SizeRow[] = [];
  const card: CardRow[] = [];
  const search: SearchRow[] = [];
  let popup: PopupRow | null = null;
  const imports: ImportRow[] = [];
  let memory: MemoryRow[] = [];
  let wake: WakeRow | null = null;
  try {
    log(`${browser.version}; ${pages.length} pages, ${RUNS} runs each`);
    for (const page of pages) {
      browser.serve(NEWS_BASE + page.name, page.html);
      browser.serve(PLAIN_BASE + page.name, page.html);
    }
    await warmUp(browser);
    if (runs('scan'))
      for (const page of pages)
        speed.push(await measureSpeed(browser, page, aliases, { runs: RUNS, traceRuns: TRACE_RUNS, markListCapMs: MARKJS_CAP_MS, log }));
    if (runs('size'))
      for (const page of pages) size.push(await measureSize(browser, page, engine, bundledJson, largeJson, libraryJson, SIZE_RUNS, log));
    const live = runs('live') ? await runLive(browser, liveNames, LIVE_SECONDS, log) : null;
    if (runs('card')) for (const page of cardPages(pages)) card.push(await measureCard(browser, page, CARD_RUNS, CARD_MENTIONS, log));
    if (runs('search')) {
      log('search index: bundled, 100k aliases, 100k entities (Node)…');
      search.push(measureSearch('bundled', bundled));
      search.push(measureSearch('100k aliases (dataset-size snapshot)', large));
      search.push(measureSearch('100k entities (bundled + generated)', hundredThousandEntities(dataset)));
    }
    if (runs('popup')) popup = await measurePopup(browser.context, POPUP_RUNS, log);
    if (runs('import')) {
      for (const count of IMPORT_COUNTS) imports.push(await measureImport(extension.dir, count, IMPORT_RUNS, log));
      // The largest import again, into a library that already holds other datasets.
      const largest = Math.max(...IMPORT_COUNTS);
      imports.push(await measureImport(extension.dir, largest, IMPORT_RUNS, log, BESIDE_DATASETS));
    }
    if (runs('memory')) memory = await measureMemory(extension.dir, memoryPages(pages), [100_000], MEMORY_RUNS, log);
    if (runs('wake')) wake = await measureWake(browser, WAKE_RUNS, log, process.env.BENCH_BASELINE_BUILD);

    if (speed.some((row) => !row.isolated)) notes.push('Pages were not cross-origin isolated: timings have 100 µs resolution.');
    const load = [loadAtStart, os.loadavg()[0]!];
    if (Math.max(...load) > os.cpus().length) {
      notes.push(
        `The machine was busy (1-minute load average ${load.map((l) => l.toFixed(1)).join(' at start, ')} at the end, on ${os.cpus().length} cores): other work competed for the CPU, so figures are noisier than usual.`,
      );
    }
    const results: BenchResults = {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      chromium: browser.version,
      cores: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'})`,
      node: process.versions.node,
      runs: RUNS,
      sizeRuns: SIZE_RUNS,
      traceRuns: TRACE_RUNS,
      contentScriptGzipKb: extension.contentScriptGzipBytes / 1024,
      notes,
      datasets: {
        bundledAliases: bundled.aliases.length,
        largeAliases: large.aliases.length,
        bundledLists: longestCandidateLists(bundled),
        largeLists: longestCandidateLists(large),
      },
      speed,
      size,
      live,
      card,
      cardRuns: CARD_RUNS,
      search,
      popup,
      imports,
      memory,
      wake,
    };
    const section = renderResults(results);
    console.log(`\n${section}`);
    if (PAGE_FILTER.length || PART_FILTER.length) log('partial run (BENCH_PAGES or BENCH_PARTS): README.md left unchanged');
    else writeReadme(section);
    log('done');
  } finally {
    await browser.close();
    extension.dispose();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[bench] failed:', error);
    process.exit(1);
  },
);
