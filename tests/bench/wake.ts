import { launchBench, type BenchBrowser } from './browser';
import { stopServiceWorker } from './memory';
import { extensionIdOf } from './search';
import { median } from './stats';

/** The background's wake: one message and its answer, with the worker running and with it stopped first. */
export interface WakeFigures {
  awakeMs: number;
  asleepMs: number;
  maxAsleepMs: number;
}

export interface WakeRow extends WakeFigures {
  runs: number;
  /** The same figures for another build of the extension, run side by side (BENCH_BASELINE_BUILD). */
  baseline?: WakeFigures;
}

/** One browser's options page, asking the background for the page settings. */
async function asker(browser: BenchBrowser) {
  const id = extensionIdOf(browser.context);
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  const ask = () =>
    page.evaluate(async () => {
      const start = performance.now();
      await chrome.runtime.sendMessage({ backstory: 1, name: 'pageSettings', payload: {} });
      return performance.now() - start;
    });
  await ask();
  const awake: number[] = [];
  const asleep: number[] = [];
  return {
    async run() {
      awake.push(await ask());
      await stopServiceWorker(browser);
      asleep.push(await ask());
    },
    figures: (): WakeFigures => ({ awakeMs: median(awake), asleepMs: median(asleep), maxAsleepMs: Math.max(...asleep) }),
    close: () => page.close(),
  };
}

/**
 * Part 10. The options page asks for the page settings (the first thing a news page asks) and waits
 * for the answer: once with the worker running, once with it stopped first, so the second includes
 * the worker's start: loading its script and building what that builds at start. With
 * `baselineDir` (another build, say of an earlier commit), that build runs in a browser of its own
 * beside this one, the two taking turns, so a slow spell of the machine touches both alike.
 */
export async function measureWake(
  browser: BenchBrowser,
  runs: number,
  log: (line: string) => void,
  baselineDir?: string,
): Promise<WakeRow> {
  const baselineBrowser = baselineDir ? await launchBench(baselineDir) : null;
  const current = await asker(browser);
  const baseline = baselineBrowser ? await asker(baselineBrowser) : null;
  try {
    for (let run = 1; run <= runs; run++) {
      log(`worker wake: run ${run}/${runs}${baseline ? ', this build and the baseline in turn' : ''}`);
      const order = run % 2 || !baseline ? [current, baseline] : [baseline, current];
      for (const side of order) await side?.run();
    }
    return { runs, ...current.figures(), ...(baseline ? { baseline: baseline.figures() } : {}) };
  } finally {
    await current.close();
    await baseline?.close();
    await baselineBrowser?.close();
  }
}
