import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { generateDatasetText } from '../fixtures/datasets/generate';

/**
 * 100,000 generated entities through the real options page: file picker, validation, dry run,
 * apply, then the list and search over all of them. How long it takes is measured by `npm run bench`,
 * not asserted here.
 */
test('imports 100,000 entities with a progress bar, and lists and searches all of them', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'backstory-big-'));
  const file = path.join(dir, 'big.json');
  writeFileSync(file, generateDatasetText({ count: 100_000, id: 'big-gazette', title: 'A very big test dataset' }));
  try {
    const options = await OptionsPage.open(context, extensionId);
    // Long tasks on the page's main thread, as the browser reports them.
    await options.page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.longTasks.push(entry.duration))).observe({
        type: 'longtask',
      });
    });

    const started = Date.now();
    await options.page.getByTestId('import-file').setInputFiles(file);
    await expect(options.page.getByTestId('import-progress').locator('progress')).toBeVisible();
    await options.review.waitFor({ timeout: 60_000 });
    const reviewed = Date.now();
    await expect(options.diff('added')).toHaveText('100000');

    const applying = Date.now();
    await options.apply();
    const done = Date.now();
    const total = reviewed - started + (done - applying);
    console.log(`100,000 entities: to the dry run ${reviewed - started} ms, apply ${done - applying} ms, total ${total} ms`);
    await expect(options.count).toHaveText('100000');

    const longTasks = await options.page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(`long tasks on the options page: ${longTasks.length}, longest ${Math.round(Math.max(0, ...longTasks))} ms`);

    // The list pages through all of it.
    await expect(options.page.getByTestId('list-position')).toContainText('of 100,000');
    await options.search('Lomi Vexra');
    await expect(options.entityRows.first()).toContainText('Lomi Vexra');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
