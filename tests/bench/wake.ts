import type { BenchBrowser } from './browser';
import { stopServiceWorker } from './memory';
import { extensionIdOf } from './search';
import { median } from './stats';

/** The background's wake: one message and its answer, with the worker running and with it stopped first. */
export interface WakeRow {
  runs: number;
  awakeMs: number;
  asleepMs: number;
  maxAsleepMs: number;
}

/**
 * Part 10. The options page asks for the page settings (the first thing a news page asks) and waits
 * for the answer: once with the worker running, once with it stopped first, so the second includes
 * the worker's start: loading its script and building what that builds at start. The two kinds of
 * run alternate, so a slow spell of the machine touches both alike.
 */
export async function measureWake(browser: BenchBrowser, runs: number, log: (line: string) => void): Promise<WakeRow> {
  const id = extensionIdOf(browser.context);
  const page = await browser.context.newPage();
  const ask = () =>
    page.evaluate(async () => {
      const start = performance.now();
      await chrome.runtime.sendMessage({ backstory: 1, name: 'pageSettings', payload: {} });
      return performance.now() - start;
    });
  try {
    await page.goto(`chrome-extension://${id}/options.html`);
    await ask();
    const awake: number[] = [];
    const asleep: number[] = [];
    for (let run = 1; run <= runs; run++) {
      log(`worker wake: run ${run}/${runs}`);
      awake.push(await ask());
      await stopServiceWorker(browser);
      asleep.push(await ask());
    }
    return { runs, awakeMs: median(awake), asleepMs: median(asleep), maxAsleepMs: Math.max(...asleep) };
  } finally {
    await page.close();
  }
}
