import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CardRow } from './card';
import type { ImportRow } from './import';
import type { LiveResult } from './live';
import type { MemoryRow } from './memory';
import type { PopupRow, SearchRow } from './search';
import { TYPED_QUERIES } from './search';
import type { SizeRow } from './size';
import type { SpeedRow } from './speed';
import type { WakeFigures, WakeRow } from './wake';
import { median, worstBy } from './stats';

export const TARGETS = {
  floorRatio: 3,
  floorMinNodes: 1_000,
  markJsRatio: 100,
  sizeRatio: 1.5,
  taskMs: 16,
  cardMs: 16,
  keystrokeMs: 10,
  importMs: 10_000,
  tabHeapMb: 2,
  tabHeapRatio: 1.5,
  firstHighlightAwakeMs: 100,
  firstHighlightAsleepMs: 300,
};

export interface BenchResults {
  date: string;
  chromium: string;
  cores: string;
  node: string;
  runs: number;
  sizeRuns: number;
  traceRuns: number;
  contentScriptGzipKb: number;
  notes: string[];
  datasets: { bundledAliases: number; largeAliases: number; bundledLists: [string, number][]; largeLists: [string, number][] };
  speed: SpeedRow[];
  size: SizeRow[];
  live: LiveResult | null;
  card: CardRow[];
  cardRuns: number;
  search: SearchRow[];
  popup: PopupRow | null;
  wake: WakeRow | null;
  imports: ImportRow[];
  memory: MemoryRow[];
}

const README = path.resolve('tests/bench/README.md');
const HEADING = '## Latest results';
const CARD_MENTIONS_NOTE = 'up to 6';

function ms(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}

function ratio(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return `${value < 10 ? value.toFixed(2) : value.toFixed(0)}×`;
}

function verdict(ok: boolean): string {
  return ok ? 'met' : '**MISSED**';
}

/** A Markdown table padded to line up in a terminal too. */
function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function speedTable(rows: readonly SpeedRow[]): string {
  return table(
    [
      'Page',
      'Text nodes',
      'Highlights',
      'Scan ms',
      'TreeWalker ms',
      'Scan/TW',
      `≤${TARGETS.floorRatio}×`,
      'Warm rescan ms',
      'Rescan/TW',
      'TW isolated ms',
      'Scan/TW isolated',
      'TW isolated, all nodes ms',
      'Scan/that',
      'mark.js list ms',
      'list/scan',
      'mark.js regex ms',
      'regex/scan',
      `≥${TARGETS.markJsRatio}×`,
    ],
    rows.map((r) => {
      const floor = r.scanMs / r.floorMs;
      const list = r.markListMs / r.scanMs;
      const regex = r.markRegexMs / r.scanMs;
      return [
        r.page,
        String(r.textNodes),
        String(r.highlights),
        ms(r.scanMs),
        ms(r.floorMs),
        ratio(floor),
        r.textNodes > TARGETS.floorMinNodes ? verdict(floor <= TARGETS.floorRatio) : 'n/a',
        ms(r.rescanMs),
        ratio(r.rescanMs / r.floorMs),
        ms(r.isolatedFloorMs),
        ratio(r.scanMs / r.isolatedFloorMs),
        ms(r.structureFloorMs),
        ratio(r.scanMs / r.structureFloorMs),
        `${r.markListComplete ? '' : '≈'}${ms(r.markListMs)}`,
        ratio(list),
        ms(r.markRegexMs),
        ratio(regex),
        `list ${verdict(list >= TARGETS.markJsRatio)}, regex ${verdict(regex >= TARGETS.markJsRatio)}`,
      ];
    }),
  );
}

function taskTable(rows: readonly SpeedRow[]): string {
  return table(
    [
      'Page',
      'Chunks',
      'Longest chunk ms (worst)',
      'Long Tasks API',
      'Trace: longest scan task ms',
      'Trace: longest task in scan window',
      `≤${TARGETS.taskMs} ms`,
    ],
    rows.map((r) => {
      const scanTask = r.trace?.longestScanTaskMs ?? r.worstChunkMs;
      return [
        r.page,
        String(r.chunks),
        `${ms(r.longestChunkMs)} (${ms(r.worstChunkMs)})`,
        r.longTaskMs === null ? 'none ≥ 50 ms' : `${ms(r.longTaskMs)} ms`,
        r.trace ? `${ms(r.trace.longestScanTaskMs)} (${r.trace.longestScanTaskWhat || 'no detail'})` : '—',
        r.trace ? `${ms(r.trace.longestTaskInWindowMs)} (${r.trace.longestTaskInWindowWhat || 'no detail'})` : '—',
        verdict(Math.max(scanTask, r.worstChunkMs) <= TARGETS.taskMs),
      ];
    }),
  );
}

/** Everything the content script ran per page load, from the traces (median over the loads; longest task: worst). */
function workTable(rows: readonly SpeedRow[]): string {
  return table(
    [
      'Page',
      'Traced loads',
      'Script start ms (compile)',
      'Tasks',
      'Total ms',
      'Scan ms (of the total)',
      'Longest task ms (worst, what)',
      `≤${TARGETS.taskMs} ms`,
    ],
    rows
      .filter((r) => r.work.length)
      .map((r) => {
        const worst = worstBy(r.work, (w) => w.longestMs)!;
        return [
          r.page,
          String(r.work.length),
          `${ms(median(r.work.map((w) => w.scriptStartMs)))} (${ms(median(r.work.map((w) => w.scriptCompileMs)))})`,
          String(median(r.work.map((w) => w.tasks))),
          ms(median(r.work.map((w) => w.totalMs))),
          ms(r.scanMs),
          `${ms(median(r.work.map((w) => w.longestMs)))} (${ms(worst.longestMs)}, ${worst.longestWhat || 'no detail'})`,
          verdict(worst.longestMs <= TARGETS.taskMs),
        ];
      }),
  );
}

function sizeTable(rows: readonly SizeRow[]): string {
  return table(
    [
      'Page',
      'Bundled scan ms',
      '100k scan ms',
      '100k/bundled',
      `≤${TARGETS.sizeRatio}×`,
      '5×20k datasets scan ms (/bundled)',
      'Matcher build ms (bundled / 100k)',
      'Snapshot parse ms (bundled / 100k)',
      'Longest chunk ms (bundled / 100k)',
      'Mentions (bundled / 100k)',
    ],
    rows.map((r) => {
      const k = r.large.scanMs / r.bundled.scanMs;
      return [
        r.page,
        ms(r.bundled.scanMs),
        ms(r.large.scanMs),
        ratio(k),
        verdict(k <= TARGETS.sizeRatio),
        `${ms(r.library.scanMs)} (${ratio(r.library.scanMs / r.bundled.scanMs)})`,
        `${ms(r.bundled.buildMs)} / ${ms(r.large.buildMs)}`,
        `${ms(r.bundled.parseMs)} / ${ms(r.large.parseMs)}`,
        `${ms(r.bundled.longestChunkMs)} / ${ms(r.large.longestChunkMs)}`,
        `${r.bundled.mentions} / ${r.large.mentions}`,
      ];
    }),
  );
}

function liveTable(live: LiveResult): string {
  const exact = live.mismatches.length === 0 && live.duplicates === 0 && live.expected === live.highlighted;
  const scanTask = live.trace?.longestScanTaskMs ?? live.longestChunkMs;
  return table(
    ['Measure', 'Value'],
    [
      ['Posts inserted / over', `${live.posts} / ${live.seconds} s`],
      ['Checked names', String(live.names)],
      ['Mentions of them in the page / found by Backstory', `${live.expected} / ${live.highlighted}`],
      [
        'All Backstory highlights on the page',
        `${live.pageHighlights}${live.mentionCap !== undefined && live.pageHighlights >= live.mentionCap ? ` (the scanner's MAX_MENTIONS cap, ${live.mentionCap})` : ''}`,
      ],
      ['Highlighted exactly once', `${verdict(exact)}${live.duplicates ? ` (${live.duplicates} duplicates)` : ''}`],
      ['Total scan time (sum of chunks)', `${ms(live.scanMs)} ms in ${live.chunks} chunks`],
      ['Longest chunk', `${ms(live.longestChunkMs)} ms`],
      live.catchUpMs >= 0
        ? ['Highlights caught up after the last insertion', `${ms(live.catchUpMs)} ms`]
        : ['Scanning stopped before the last insertion', `${ms(-live.catchUpMs)} ms before it`],
      ['Long Tasks API', live.longTaskMs === null ? 'none ≥ 50 ms' : `${ms(live.longTaskMs)} ms`],
      [
        'Trace: longest scan task',
        live.trace ? `${ms(live.trace.longestScanTaskMs)} ms (${live.trace.longestScanTaskWhat || 'no detail'})` : '—',
      ],
      [
        'Trace: longest task while scanning',
        live.trace ? `${ms(live.trace.longestTaskInWindowMs)} ms (${live.trace.longestTaskInWindowWhat || 'no detail'})` : '—',
      ],
      [
        'Trace: longest task while the posts go in, with Backstory',
        live.insertTrace
          ? `${ms(live.insertTrace.longestTaskInWindowMs)} ms (${live.insertTrace.longestTaskInWindowWhat || 'no detail'})`
          : '—',
      ],
      [
        'Trace: the same without Backstory (the page alone)',
        live.baselineTrace
          ? `${ms(live.baselineTrace.longestTaskInWindowMs)} ms (${live.baselineTrace.longestTaskInWindowWhat || 'no detail'})`
          : '—',
      ],
      [
        "Trace: all of the content script's code (tasks, total, longest)",
        live.work
          ? `${live.work.tasks} tasks, ${ms(live.work.totalMs)} ms, longest ${ms(live.work.longestMs)} ms (${live.work.longestWhat || 'no detail'})`
          : '—',
      ],
      [`No task over ${TARGETS.taskMs} ms (scan tasks)`, verdict(Math.max(scanTask, live.longestChunkMs) <= TARGETS.taskMs)],
      ...live.mismatches.slice(0, 10).map((m) => ['Mismatch', m]),
    ],
  );
}

function cardTable(rows: readonly CardRow[]): string {
  return table(
    [
      'Page',
      'Cards opened',
      'Hovers without a card',
      'Median ms',
      'Max ms',
      'First card per load ms (median)',
      'Later cards ms: median (max)',
      'Sync part ms: median (max)',
      `<${TARGETS.cardMs} ms`,
    ],
    rows.map((r) => [
      r.page,
      String(r.cards),
      String(r.failed),
      ms(r.medianMs),
      ms(r.maxMs),
      ms(r.firstMedianMs),
      `${ms(r.laterMedianMs)} (${ms(r.laterMaxMs)})`,
      `${ms(r.syncMedianMs)} (${ms(r.syncMaxMs)})`,
      r.cards ? verdict(r.maxMs < TARGETS.cardMs) : 'n/a',
    ]),
  );
}

function searchTable(rows: readonly SearchRow[]): string {
  return table(
    [
      'Dataset',
      'Entities',
      'Aliases',
      'Index build ms',
      'Keystrokes',
      'Median ms',
      'Max ms (prefix)',
      `<${TARGETS.keystrokeMs} ms`,
      'Full queries → top result',
    ],
    rows.map((r) => [
      r.dataset,
      r.entities.toLocaleString('en'),
      r.aliases.toLocaleString('en'),
      ms(r.buildMs),
      String(r.keystrokes),
      ms(r.medianMs),
      `${ms(r.maxMs)} ("${r.slowest}")`,
      r.entities >= 100_000 ? verdict(r.maxMs < TARGETS.keystrokeMs) : 'n/a',
      r.hits,
    ]),
  );
}

function popupTable(popup: PopupRow): string {
  return table(
    ['Measure', 'Value'],
    [
      ['Opens', String(popup.runs)],
      ['Navigation start → search box visible (median)', `${ms(popup.searchBoxMs)} ms`],
      ['Navigation start → "netanya" typed and a result shown (median, max)', `${ms(popup.resultMs)} ms (${ms(popup.maxResultMs)} ms)`],
    ],
  );
}

function wakeTable(wake: WakeRow): string {
  const { baseline } = wake;
  const cells = (f: WakeFigures) => [`${ms(f.awakeMs)} ms`, `${ms(f.asleepMs)} ms (${ms(f.maxAsleepMs)} ms)`];
  return table(
    ['Build', 'Runs', 'Message → answer, worker running (median)', 'Message → answer, worker stopped first (median, max)'],
    [
      ['this one', String(wake.runs), ...cells(wake)],
      ...(baseline
        ? [
            ['baseline', String(wake.runs), ...cells(baseline)],
            ['this / baseline', '', ratio(wake.awakeMs / baseline.awakeMs), ratio(wake.asleepMs / baseline.asleepMs)],
          ]
        : []),
    ],
  );
}

function importTable(rows: readonly ImportRow[]): string {
  return table(
    [
      'Entities',
      'Beside',
      'File MB',
      'Runs',
      'To dry run ms',
      'Apply ms',
      'Total ms (worst)',
      'Longest long task ms',
      'Export (full) ms',
      `100k <${TARGETS.importMs / 1000} s`,
    ],
    rows.map((r) => [
      r.entities.toLocaleString('en'),
      r.beside ? `${r.beside} datasets` : 'alone',
      r.fileMb.toFixed(1),
      String(r.runs),
      ms(r.dryRunMs),
      ms(r.applyMs),
      `${ms(r.totalMs)} (${ms(r.worstTotalMs)})`,
      r.longTaskMs === null ? 'none ≥ 50 ms' : ms(r.longTaskMs),
      ms(r.exportMs),
      r.entities === 100_000 ? verdict(r.worstTotalMs < TARGETS.importMs) : 'n/a',
    ]),
  );
}

/**
 * A first-highlight cell: the time and, where a target applies, its verdict. A page that no load
 * marked at all (topic gating leaves a page that is not about the data's topic unmarked) has no
 * first highlight to time: "n/a", not a miss.
 */
function firstHighlight(row: MemoryRow, value: number | null, target: number, judged: boolean): string {
  if (value === null && !row.marked) return 'n/a (page left unmarked)';
  if (!judged) return ms(value);
  return `${ms(value)} (${verdict(value !== null && value <= target)})`;
}

function memoryTable(rows: readonly MemoryRow[]): string {
  const bundledGain = new Map(rows.filter((r) => r.entities === 0).map((r) => [r.page, r.gainMb]));
  return table(
    [
      'Data',
      'Page',
      'Runs',
      'Bare page MB',
      'With Backstory MB',
      'Tab gains MB',
      `≤${TARGETS.tabHeapMb} MB and ≤${TARGETS.tabHeapRatio}× bundled`,
      'First highlight, awake ms',
      'First highlight, asleep ms',
      'Background CPU per page, awake ms',
      'Background CPU per page, asleep ms',
    ],
    rows.map((r) => {
      const base = bundledGain.get(r.page);
      const flat =
        r.gainMb <= TARGETS.tabHeapMb && (r.entities === 0 || base === undefined || r.gainMb <= Math.max(base, 0.1) * TARGETS.tabHeapRatio);
      return [
        r.dataset,
        r.page,
        String(r.runs),
        r.bareMb.toFixed(1),
        r.withMb.toFixed(1),
        r.gainMb.toFixed(2),
        verdict(flat),
        firstHighlight(r, r.firstHighlightAwakeMs, TARGETS.firstHighlightAwakeMs, true),
        firstHighlight(r, r.firstHighlightAsleepMs, TARGETS.firstHighlightAsleepMs, r.entities > 0),
        ms(r.workerCpuAwakeMs),
        ms(r.workerCpuAsleepMs),
      ];
    }),
  );
}

function lists(entries: readonly [string, number][]): string {
  return entries.map(([word, count]) => `"${word}" ${count}`).join(', ');
}

/** The whole results section, as printed and as written to the README. */
export function renderResults(results: BenchResults): string {
  const { datasets } = results;
  const parts = [
    `${HEADING}`,
    '',
    `${results.date} · ${results.chromium} (headless) · ${results.cores} · Node ${results.node} · median of ${results.runs} runs per figure (${results.sizeRuns} for dataset size) unless noted · content script ${results.contentScriptGzipKb.toFixed(1)} KB gzipped`,
    ...results.notes.map((note) => `\n> ${note}`),
    '',
    '### Scan cost against the floor and mark.js (parts 1 and 5)',
    '',
    results.speed.length ? speedTable(results.speed) : 'Skipped.',
    '',
    '### Main-thread tasks while scanning (part 2)',
    '',
    results.speed.length ? taskTable(results.speed) : 'Skipped.',
    '',
    `All of Backstory's work on the page's main thread per load (${results.traceRuns} traced loads per page; median, longest task also the worst load): the content script's start (compile and top-level run), the scan, the cast report, observers, and the card's warm-up in idle time. The scan measures above cover only the scan.`,
    '',
    results.speed.some((r) => r.work.length) ? workTable(results.speed) : 'Skipped.',
    '',
    `### Dataset size: ${datasets.bundledAliases} vs ${datasets.largeAliases.toLocaleString('en')} aliases (part 3)`,
    '',
    results.size.length ? sizeTable(results.size) : 'Skipped.',
    '',
    `Longest candidate lists (aliases sharing a first word): bundled ${lists(datasets.bundledLists)}; 100k ${lists(datasets.largeLists)}.`,
    '',
    '### Live page (part 4)',
    '',
    results.live ? liveTable(results.live) : 'Skipped.',
    '',
    `### Hover to card visible (part 6)`,
    '',
    `\`backstory:card\` measures (dwell end → the frame after the card is painted, plus one task) over ${CARD_MENTIONS_NOTE} distinct mentions per load (found by scrolling through the page, as only mentions near the viewport are painted), ${results.cardRuns} fresh loads per page. *Sync part*: measure start → first DOM change of the card seen by a main-world MutationObserver (entity lookup plus the synchronous render and placement); the rest is waiting for the frame. That frame shows the card's first part (head, summary, first list); the rest of the card is rendered in the task after it, which the measure does not include. The first card of a load may also fetch its entity from the background, and runs on a cold page: the content script warms the card up in idle time beforehand (one card rendered off the page, each of its faces shaped on an OffscreenCanvas), so the code is compiled and the fonts found, but the browser still lays out and paints the card's text for the first time. Verdict on the max.`,
    '',
    results.card.length ? cardTable(results.card) : 'Skipped.',
    '',
    '### Popup search per keystroke (part 7)',
    '',
    `\`SearchIndex.search(prefix, 20)\` in Node, every prefix of ${TYPED_QUERIES.map((q) => `"${q}"`).join(', ')} (the last one misspelt), median of 5 calls per keystroke; the verdict is on the slowest keystroke at 100,000 entities.`,
    '',
    results.search.length ? searchTable(results.search) : 'Skipped.',
    '',
    'Popup open to interactive (real popup page in a tab, median of the opens):',
    '',
    results.popup ? popupTable(results.popup) : 'Skipped.',
    '',
    '### Import through the options page (part 8)',
    '',
    'Generated datasets (`tests/fixtures/datasets/generate.ts`) chosen in the real options page; each run in a fresh browser profile (bundled data loaded). *To dry run*: file chosen → review shown; *apply*: Apply clicked → done and the entity count updated; verdict on the worst total. *Export*: full-dataset export of the imported data, click → download event, largest size only.',
    '',
    results.imports.length ? importTable(results.imports) : 'Skipped.',
    '',
    '### Memory per tab and first highlight (part 9)',
    '',
    `The same page loaded where Backstory does not run and where it does, each in a new tab; after two garbage collections, the renderer's JS heap (one V8 heap holds the page's world and the content script's) is read: the difference is what the tab gains. With the bundled data, then with ${'100,000'} generated entities added to it through the options page. *First highlight*: page load event → first animation frame with a Backstory highlight, with the background awake (it served a page just before) and asleep (its service worker stopped first); targets ${TARGETS.firstHighlightAwakeMs} ms awake, ${TARGETS.firstHighlightAsleepMs} ms asleep with the large data. *Background CPU per page*: the service worker's CPU (script and garbage collection, from its sampling profiler over the DevTools protocol) from before the page opens until its scan is done; asleep, that includes the worker's start. The CPU is counted on loads of their own: a profiled worker is held at its start until the profiler runs, so the first-highlight loads run with nothing profiling it.`,
    '',
    results.memory.length ? memoryTable(results.memory) : 'Skipped.',
    '',
    '### The background worker waking (part 10)',
    '',
    "The options page asks for the page settings (a news page's first question) and waits for the answer, with the background's service worker running and with it stopped first (its start included: loading its script and what that builds at start), the two alternating, with the bundled data. With `BENCH_BASELINE_BUILD`, another build runs beside this one in a browser of its own, the two taking turns.",
    '',
    results.wake ? wakeTable(results.wake) : 'Skipped.',
    '',
  ];
  return parts.join('\n');
}

/** Replaces everything from the "Latest results" heading down; the explanations above it stay. */
export function writeReadme(section: string): void {
  const current = existsSync(README) ? readFileSync(README, 'utf8') : '# Backstory benchmarks\n\n';
  const at = current.indexOf(HEADING);
  const head = at >= 0 ? current.slice(0, at) : `${current.trimEnd()}\n\n`;
  writeFileSync(README, `${head}${section}`);
}
