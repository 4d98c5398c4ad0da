import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { generateDatasetText } from '../fixtures/datasets/generate';
import { launchBench } from './browser';
import { extensionIdOf } from './search';
import { max, median } from './stats';

export const IMPORT_SIZES = [1_000, 10_000, 100_000];

/** Part 8 for one dataset size: import through the real options page, each run in a fresh profile. */
export interface ImportRow {
  entities: number;
  fileMb: number;
  runs: number;
  dryRunMs: number;
  applyMs: number;
  totalMs: number;
  worstTotalMs: number;
  /** Longest `longtask` on the options page over all runs (the API reports only tasks ≥ 50 ms). */
  longTaskMs: number | null;
  /** Export of the full dataset right after the import, to the download event (largest size only). */
  exportMs: number | null;
}

interface ImportRun {
  dryRunMs: number;
  applyMs: number;
  longTaskMs: number | null;
  exportMs: number | null;
}

async function openOptions(page: Page, id: string): Promise<void> {
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.getByTestId('dataset-title').waitFor({ timeout: 30_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __benchImportLongTasks: number[] };
    w.__benchImportLongTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.__benchImportLongTasks.push(entry.duration))).observe({
      type: 'longtask',
    });
  });
}

/**
 * Imports a dataset file through the real options page: picks it, waits for the dry run (which must
 * add `expected.added` entities), applies it and waits until the page shows `expected.total`
 * entities. Returns how long each stage took.
 */
export async function importThroughOptions(
  page: Page,
  extensionId: string,
  file: string,
  expected: { added: number; total: number },
): Promise<{ dryRunMs: number; applyMs: number }> {
  await openOptions(page, extensionId);
  const started = performance.now();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.locator('section.review').waitFor({ timeout: 120_000 });
  const reviewed = performance.now();
  const added = (await page.getByTestId('diff-added').textContent())?.trim();
  if (added !== String(expected.added)) throw new Error(`import: the review shows ${added} added, not ${expected.added}`);
  const applying = performance.now();
  await page.getByRole('button', { name: 'Apply import' }).click();
  await page.getByTestId('import-done').waitFor({ timeout: 120_000 });
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="dataset-count"]')?.textContent?.trim() === String(n),
    expected.total,
    {
      timeout: 120_000,
      polling: 50,
    },
  );
  return { dryRunMs: reviewed - started, applyMs: performance.now() - applying };
}

async function importOnce(extensionDir: string, file: string, count: number, withExport: boolean): Promise<ImportRun> {
  const browser = await launchBench(extensionDir);
  try {
    const page = await browser.context.newPage();
    const { dryRunMs, applyMs } = await importThroughOptions(page, extensionIdOf(browser.context), file, { added: count, total: count });

    let exportMs: number | null = null;
    if (withExport) {
      const download = page.waitForEvent('download', { timeout: 120_000 });
      const t0 = performance.now();
      await page.getByRole('button', { name: 'Export the full dataset' }).click();
      const file = await download;
      await file.path();
      exportMs = performance.now() - t0;
    }
    const longTasks = await page.evaluate(() => (window as unknown as { __benchImportLongTasks: number[] }).__benchImportLongTasks);
    return {
      dryRunMs,
      applyMs,
      longTaskMs: longTasks.length ? Math.max(...longTasks) : null,
      exportMs,
    };
  } finally {
    await browser.close();
  }
}

export async function measureImport(extensionDir: string, count: number, runs: number, log: (line: string) => void): Promise<ImportRow> {
  const dir = mkdtempSync(path.join(tmpdir(), 'backstory-bench-import-'));
  const file = path.join(dir, `generated-${count}.json`);
  writeFileSync(file, generateDatasetText({ count, id: `bench-import-${count}`, title: `Bench import of ${count} entities` }));
  const results: ImportRun[] = [];
  try {
    const withExport = count === Math.max(...IMPORT_SIZES);
    for (let run = 1; run <= runs; run++) {
      log(`import ${count.toLocaleString('en')} entities: run ${run}/${runs} (fresh profile)${withExport ? ', then export' : ''}`);
      results.push(await importOnce(extensionDir, file, count, withExport));
    }
    const totals = results.map((r) => r.dryRunMs + r.applyMs);
    const longTasks = results.map((r) => r.longTaskMs).filter((v): v is number => v !== null);
    const exports = results.map((r) => r.exportMs).filter((v): v is number => v !== null);
    return {
      entities: count,
      fileMb: statSync(file).size / 1024 / 1024,
      runs,
      dryRunMs: median(results.map((r) => r.dryRunMs)),
      applyMs: median(results.map((r) => r.applyMs)),
      totalMs: median(totals),
      worstTotalMs: max(totals),
      longTaskMs: longTasks.length ? Math.max(...longTasks) : null,
      exportMs: exports.length ? median(exports) : null,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
