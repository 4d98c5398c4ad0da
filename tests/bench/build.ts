import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { build as wxtBuild } from 'wxt';

export interface BuiltExtension {
  dir: string;
  /** Size of the content script, gzipped (the product keeps it under 30 KB), for the record. */
  contentScriptGzipBytes: number;
  dispose(): void;
}

/**
 * Builds the extension into a private temp directory (WXT's `outDir`), not `.output/`: other
 * people build and run e2e tests in this folder at the same time, and a shared output directory
 * could be wiped or rewritten under a running benchmark.
 */
export async function buildExtension(): Promise<BuiltExtension> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'backstory-bench-build-'));
  // The bench reads the scan and card measures: only a build with BACKSTORY_PERF_MARKS=1 writes them.
  process.env.BACKSTORY_PERF_MARKS = '1';
  await wxtBuild({ outDir, logger: quietLogger() });
  const dir = path.join(outDir, 'chrome-mv3');
  const manifestPath = path.join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`wxt build left no manifest in ${dir}`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const script = manifest.content_scripts?.[0]?.js?.[0];
  if (!script || !existsSync(path.join(dir, script))) throw new Error('the build has no content script');
  return {
    dir,
    contentScriptGzipBytes: gzipSync(readFileSync(path.join(dir, script))).length,
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

/** WXT logs every file it writes; the bench only needs to hear about problems. */
function quietLogger() {
  const silent = () => undefined;
  const loud = (...args: unknown[]) => console.warn('[wxt]', ...args);
  return { debug: silent, log: silent, info: silent, success: silent, warn: loud, error: loud, fatal: loud, level: 3 };
}

/** The standalone engine (tests/bench/engine-entry.ts) as one IIFE script for addScriptTag. */
export async function bundleEngine(): Promise<string> {
  const result = await esbuild({
    entryPoints: [path.resolve('tests/bench/engine-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no engine bundle');
  return file.text;
}
