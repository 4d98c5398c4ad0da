import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LiveResult } from './live';
import type { SizeRow } from './size';
import type { SpeedRow } from './speed';

export const TARGETS = { floorRatio: 3, floorMinNodes: 1_000, markJsRatio: 100, sizeRatio: 1.5, taskMs: 16 };

export interface BenchResults {
  date: string;
  chromium: string;
  cores: string;
  node: string;
  runs: number;
  sizeRuns: number;
  contentScriptGzipKb: number;
  notes: string[];
  datasets: { bundledAliases: number; largeAliases: number; bundledLists: [string, number][]; largeLists: [string, number][] };
  speed: SpeedRow[];
  size: SizeRow[];
  live: LiveResult | null;
}

const README = path.resolve('tests/bench/README.md');
const HEADING = '## Latest results';

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
    ['Page', 'Text nodes', 'Highlights', 'Scan ms', 'TreeWalker ms', 'Scan/TW', `≤${TARGETS.floorRatio}×`, 'mark.js list ms', 'list/scan', 'mark.js regex ms', 'regex/scan', `≥${TARGETS.markJsRatio}×`],
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
    ['Page', 'Chunks', 'Longest chunk ms (worst)', 'Long Tasks API', 'Trace: longest scan task ms', 'Trace: longest task in scan window', `≤${TARGETS.taskMs} ms`],
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

function sizeTable(rows: readonly SizeRow[]): string {
  return table(
    ['Page', 'Bundled scan ms', '100k scan ms', '100k/bundled', `≤${TARGETS.sizeRatio}×`, 'Matcher build ms (bundled / 100k)', 'Snapshot parse ms (bundled / 100k)', 'Longest chunk ms (bundled / 100k)', 'Mentions (bundled / 100k)'],
    rows.map((r) => {
      const k = r.large.scanMs / r.bundled.scanMs;
      return [
        r.page,
        ms(r.bundled.scanMs),
        ms(r.large.scanMs),
        ratio(k),
        verdict(k <= TARGETS.sizeRatio),
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
      ['Mentions of them in the posts / highlighted', `${live.expected} / ${live.highlighted}`],
      ['All Backstory highlights on the page', `${live.pageHighlights}${live.mentionCap !== undefined && live.pageHighlights >= live.mentionCap ? ` (the scanner's MAX_MENTIONS cap, ${live.mentionCap})` : ''}`],
      ['Highlighted exactly once', `${verdict(exact)}${live.duplicates ? ` (${live.duplicates} duplicates)` : ''}`],
      ['Total scan time (sum of chunks)', `${ms(live.scanMs)} ms in ${live.chunks} chunks`],
      ['Longest chunk', `${ms(live.longestChunkMs)} ms`],
      live.catchUpMs >= 0
        ? ['Highlights caught up after the last insertion', `${ms(live.catchUpMs)} ms`]
        : ['Scanning stopped before the last insertion', `${ms(-live.catchUpMs)} ms before it`],
      ['Long Tasks API', live.longTaskMs === null ? 'none ≥ 50 ms' : `${ms(live.longTaskMs)} ms`],
      ['Trace: longest scan task', live.trace ? `${ms(live.trace.longestScanTaskMs)} ms (${live.trace.longestScanTaskWhat || 'no detail'})` : '—'],
      ['Trace: longest task while scanning', live.trace ? `${ms(live.trace.longestTaskInWindowMs)} ms (${live.trace.longestTaskInWindowWhat || 'no detail'})` : '—'],
      [`No task over ${TARGETS.taskMs} ms (scan tasks)`, verdict(Math.max(scanTask, live.longestChunkMs) <= TARGETS.taskMs)],
      ...live.mismatches.slice(0, 10).map((m) => ['Mismatch', m]),
    ],
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
    speedTable(results.speed),
    '',
    '### Main-thread tasks while scanning (part 2)',
    '',
    taskTable(results.speed),
    '',
    `### Dataset size: ${datasets.bundledAliases} vs ${datasets.largeAliases.toLocaleString('en')} aliases (part 3)`,
    '',
    sizeTable(results.size),
    '',
    `Longest candidate lists (aliases sharing a first word): bundled ${lists(datasets.bundledLists)}; 100k ${lists(datasets.largeLists)}.`,
    '',
    '### Live page (part 4)',
    '',
    results.live ? liveTable(results.live) : 'Skipped.',
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
