import { performance } from 'node:perf_hooks';
import type { BrowserContext } from '@playwright/test';
import type { MatcherSnapshot } from '../../lib/match/snapshot';
import { compileSnapshot } from '../../lib/match/snapshot';
import type { Dataset } from '../../lib/schema/dataset';
import { SearchIndex } from '../../lib/search/search-index';
import { generateDataset } from '../fixtures/datasets/generate';
import { median } from './stats';

/** What a user types, one keystroke at a time (each prefix is one search). The last one is misspelt. */
export const TYPED_QUERIES = ['netanyah', 'guterres', 'al thani', 'idf', 'netanyhau'];
const REPEATS = 5;
const LIMIT = 20;

/** Part 7 for one dataset: index build and per-keystroke search, in Node. */
export interface SearchRow {
  dataset: string;
  entities: number;
  aliases: number;
  buildMs: number;
  keystrokes: number;
  medianMs: number;
  maxMs: number;
  /** The prefix that took longest. */
  slowest: string;
  /** Results for each full query (the last keystroke), to show the search finds what it should. */
  hits: string;
}

/** The bundled entities plus 100,000 generated ones ("Kalomi Vexra"): a snapshot of 100k+ entities. */
export function hundredThousandEntities(bundled: Dataset): MatcherSnapshot {
  const generated = generateDataset({ count: 100_000, id: 'bench-100k-entities' }).entities;
  return compileSnapshot('bench-100k-entities', [...bundled.entities, ...generated]);
}

export function measureSearch(dataset: string, snapshot: MatcherSnapshot): SearchRow {
  const started = performance.now();
  const index = new SearchIndex(snapshot);
  const buildMs = performance.now() - started;
  const perKeystroke: [string, number][] = [];
  const hits: string[] = [];
  for (const query of TYPED_QUERIES) {
    for (let length = 1; length <= query.length; length++) {
      const prefix = query.slice(0, length);
      const times: number[] = [];
      let results = 0;
      let top = '';
      for (let i = 0; i < REPEATS; i++) {
        const t0 = performance.now();
        const found = index.search(prefix, LIMIT);
        times.push(performance.now() - t0);
        results = found.length;
        top = found[0]?.name ?? '';
      }
      perKeystroke.push([prefix, median(times)]);
      if (length === query.length) hits.push(`"${query}" → ${results ? `${top}${results > 1 ? ` +${results - 1}` : ''}` : 'nothing'}`);
    }
  }
  const slowest = perKeystroke.reduce((a, b) => (b[1] > a[1] ? b : a));
  return {
    dataset,
    entities: snapshot.entities.length,
    aliases: snapshot.aliases.length,
    buildMs,
    keystrokes: perKeystroke.length,
    medianMs: median(perKeystroke.map(([, ms]) => ms)),
    maxMs: slowest[1],
    slowest: slowest[0],
    hits: hits.join('; '),
  };
}

/** The extension's id, from its service worker's address. */
export function extensionIdOf(context: BrowserContext): string {
  const worker = context.serviceWorkers()[0];
  if (!worker) throw new Error('the extension has no service worker');
  return new URL(worker.url()).host;
}

/** Popup open to interactive: search box visible, then a typed query shows a result. */
export interface PopupRow {
  runs: number;
  searchBoxMs: number;
  resultMs: number;
  maxResultMs: number;
}

export async function measurePopup(context: BrowserContext, runs: number, log: (line: string) => void): Promise<PopupRow> {
  const id = extensionIdOf(context);
  const box: number[] = [];
  const result: number[] = [];
  for (let run = 1; run <= runs; run++) {
    log(`popup: open ${run}/${runs}`);
    const page = await context.newPage();
    try {
      const t0 = performance.now();
      await page.goto(`chrome-extension://${id}/popup.html`, { waitUntil: 'commit' });
      const search = page.getByRole('combobox');
      await search.waitFor({ state: 'visible', timeout: 30_000 });
      const t1 = performance.now();
      await search.fill('netanya');
      await page.getByRole('option').first().waitFor({ state: 'visible', timeout: 30_000 });
      const t2 = performance.now();
      box.push(t1 - t0);
      result.push(t2 - t0);
    } finally {
      await page.close();
    }
  }
  return { runs, searchBoxMs: median(box), resultMs: median(result), maxResultMs: Math.max(...result) };
}
