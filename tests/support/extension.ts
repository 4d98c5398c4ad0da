import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium';

/** The test build (BACKSTORY_PERF_MARKS=1, a few made-up hosts granted): what most tests load. */
export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');
/** The release build, as shipped: the privacy tests load it. */
export const RELEASE_DIR = path.resolve('.output/release/chrome-mv3');

export interface LoadedExtension {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/** Starts Chromium with the built extension loaded, in a fresh profile. */
export async function launchWithExtension(
  options: { headless?: boolean; colorScheme?: 'light' | 'dark'; dir?: string } = {},
): Promise<LoadedExtension> {
  const dir = options.dir ?? EXTENSION_DIR;
  const profile = mkdtempSync(path.join(tmpdir(), 'backstory-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable(),
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1200, height: 900 },
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves `html` at `url` (any real news address) without touching the network. */
export async function servePage(context: BrowserContext, url: string, html: string): Promise<void> {
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}
