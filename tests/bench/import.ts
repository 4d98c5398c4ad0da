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
/** The library the largest import also goes into: this many other datasets of this many entities. */
export const BESIDE_DATASETS = 4;
const BESIDE_ENTITIES = 20_000;

/** Part 8 for one dataset size: import through the real options page, each run in a fresh profile. */
export interface ImportRow {
  entities: number;
  /** Other datasets already in the library (of 20,000 entities each). */
  beside: number;
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

export async function openOptions(page: Page, id: string): Promise<void> {
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.getByTestId('dataset-title').first().waitFor({ timeout: 30_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __benchImportLongTasks: number[] };
    w.__benchImportLongTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.__benchImportLongTasks.push(entry.duration))).observe({
      type: 'longtask',
    });
  });
}

/**
 * Imports a new dataset file through the options page (open already): picks it, waits for the dry
 * run (which must add `count` entities), applies it and waits until the library lists the dataset
 * with its count. Returns how long each stage took.
 */
export async function importThroughOptions(
  page: Page,
  file: string,
  datasetId: string,
  count: number,
): Promise<{ dryRunMs: number; applyMs: number }> {
  const started = performance.now();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.locator('section.review').waitFor({ timeout: 120_000 });
  const reviewed = performance.now();
  const added = (await page.getByTestId('diff-added').textContent())?.trim();
  if (added !== String(count)) throw new Error(`import of ${count}: the review shows ${added} added`);
  const applying = performance.now();
  await page.getByRole('button', { name: 'Apply import' }).click();
  await page.getByTestId('import-done').waitFor({ timeout: 120_000 });
  await page.waitForFunction(
    ([n, selector]) => document.querySelector(selector!)?.textContent?.trim() === String(n),
    [count, `[data-testid="library-item"][data-id="${datasetId}"] [data-testid="dataset-count"]`] as const,
    { timeout: 120_000, polling: 50 },
  );
  return { dryRunMs: reviewed - started, applyMs: performance.now() - applying };
}

/** Imports a file through the page without measuring it (the datasets a measured import goes beside). */
async function importUnmeasured(page: Page, file: string, datasetId: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.locator('section.review').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Apply import' }).click();
  await page.locator(`[data-testid="library-item"][data-id="${datasetId}"]`).waitFor({ timeout: 120_000 });
}

async function importOnce(extensionDir: string, file: string, count: number, withExport: boolean, beside: string[]): Promise<ImportRun> {
  const browser = await launchBench(extensionDir);
  try {
    const id = extensionIdOf(browser.context);
    const page = await browser.context.newPage();
    await openOptions(page, id);
    for (const [i, other] of beside.entries()) await importUnmeasured(page, other, `bench-beside-${i}`);
    const item = page.locator(`[data-testid="library-item"][data-id="bench-import-${count}"]`);
    const { dryRunMs, applyMs } = await importThroughOptions(page, file, `bench-import-${count}`, count);

    let exportMs: number | null = null;
    if (withExport) {
      const download = page.waitForEvent('download', { timeout: 120_000 });
      const t0 = performance.now();
      await item.getByRole('button', { name: /^Export the full dataset/ }).click();
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

/** `besideCount`: other datasets (20,000 entities each) imported into the library first, unmeasured. */
export async function measureImport(
  extensionDir: string,
  count: number,
  runs: number,
  log: (line: string) => void,
  besideCount = 0,
): Promise<ImportRow> {
  const dir = mkdtempSync(path.join(tmpdir(), 'backstory-bench-import-'));
  const file = path.join(dir, `generated-${count}.json`);
  writeFileSync(file, generateDatasetText({ count, id: `bench-import-${count}`, title: `Bench import of ${count} entities` }));
  const beside = Array.from({ length: besideCount }, (_, i) => {
    const other = path.join(dir, `beside-${i}.json`);
    writeFileSync(other, generateDatasetText({ count: BESIDE_ENTITIES, id: `bench-beside-${i}`, title: `Bench dataset ${i + 1}` }));
    return other;
  });
  const results: ImportRun[] = [];
  try {
    const withExport = count === Math.max(...IMPORT_SIZES);
    const where = besideCount ? `, next to ${besideCount} datasets of ${BESIDE_ENTITIES.toLocaleString('en')}` : '';
    for (let run = 1; run <= runs; run++) {
      log(`import ${count.toLocaleString('en')} entities${where}: run ${run}/${runs} (fresh profile)${withExport ? ', then export' : ''}`);
      results.push(await importOnce(extensionDir, file, count, withExport, beside));
    }
    const totals = results.map((r) => r.dryRunMs + r.applyMs);
    const longTasks = results.map((r) => r.longTaskMs).filter((v): v is number => v !== null);
    const exports = results.map((r) => r.exportMs).filter((v): v is number => v !== null);
    return {
      entities: count,
      beside: besideCount,
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
