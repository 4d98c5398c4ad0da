import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
// Read loosely: the cap is the engine's business and may change or go; the report only names it.
import { scopedId } from '../../lib/db/scope';
import { BUNDLED_DATASET_ID } from '../../lib/db/tables';
import * as scanner from '../../lib/dom/page-scanner';
import { createMatcher } from '../../lib/match/matcher';
import type { MatcherSnapshot } from '../../lib/match/snapshot';
import { NEWS_BASE, PLAIN_BASE, type BenchBrowser } from './browser';
import { bundledDataset, bundledSnapshot } from './dataset';
import { readExtensionRun, waitForScan } from './measure';
import { makePost, seededRandom, type Post } from './text-gen';
import { startTrace, type ExtensionWork, type TaskFigures } from './trace';

export const LIVE_POSTS = 1_000;
const LIVE_QUIET_MS = 3_000;

export interface LiveResult {
  posts: number;
  seconds: number;
  names: number;
  /**
   * Mentions of the checked names Backstory should find: those it finds in the article alone (a
   * separate load of the same page without the posts) plus the names' occurrences in the posts' text.
   */
  expected: number;
  /** Mentions of those names that Backstory found (its backstory:cast mark), painted or not. */
  highlighted: number;
  /** Every Backstory highlight on the page, checked names or not. */
  pageHighlights: number;
  /** The scanner's cap on mentions per page, when it has one (it stops scanning there). */
  mentionCap: number | undefined;
  /** Same name highlighted more than once at the same place. */
  duplicates: number;
  /** Names whose highlight count differs from their mention count, with both counts. */
  mismatches: string[];
  scanMs: number;
  chunks: number;
  longestChunkMs: number;
  longTaskMs: number | null;
  /** From the last insertion to the end of the last scan chunk: how far the highlights lag behind. */
  catchUpMs: number;
  trace: TaskFigures | null;
  /** Longest main-thread task while the posts were inserted, with Backstory on (same load as `trace`). */
  insertTrace: TaskFigures | null;
  /** The same without Backstory (the page served where it is off): what the page costs by itself. */
  baselineTrace: TaskFigures | null;
  /** All of the content script's code on the main thread over the run (same trace). */
  work: ExtensionWork | null;
}

/**
 * Names that the engine links as exactly themselves in a plain sentence (checked in Node first), and
 * that are not part of another such name ("United Nations" in "United Nations Security Council"), so
 * counting a name in the text counts exactly its own mentions.
 */
export function checkableNames(candidates: readonly string[], snapshot: MatcherSnapshot): string[] {
  const matcher = createMatcher(snapshot);
  const inside = (name: string) => candidates.some((other) => other !== name && other.includes(name));
  return candidates.filter((name) => {
    if (inside(name)) return false;
    const text = `Officials said ${name} would travel later.`;
    const matches = matcher.findMatches(text);
    return matches.length === 1 && text.slice(matches[0]!.start, matches[0]!.end) === name && !matches[0]!.needsContext;
  });
}

/** The posts, and how many times each name was put in them. */
function livePosts(names: readonly string[]): { posts: Post[]; inserted: Map<string, number> } {
  const random = seededRandom(7_10_2023);
  const inserted = new Map<string, number>();
  const count = (name: string) => inserted.set(name, (inserted.get(name) ?? 0) + 1);
  return { posts: Array.from({ length: LIVE_POSTS }, (_, i) => makePost(random, names, i, 3, count)), inserted };
}

/**
 * The page script: waits for Backstory's first scan, then prepends the posts at an even pace over
 * `durationMs`, as a live blog does, and notes when it is done. Plain DOM calls, no markup strings.
 */
const INSERT_SCRIPT = `
(() => {
  const posts = JSON.parse(document.getElementById('bench-posts').textContent);
  const live = document.getElementById('live');
  const duration = Number(live.dataset.durationMs);
  let inserted = 0;
  let startedAt = 0;
  const build = (post) => {
    const article = document.createElement('article');
    article.className = 'post';
    const title = document.createElement('h2');
    title.textContent = post.title;
    article.append(title);
    for (const segments of post.paragraphs) {
      const p = document.createElement('p');
      for (const segment of segments) {
        if (typeof segment === 'string') { p.append(segment); continue; }
        const inline = document.createElement(segment[0]);
        if (segment[0] === 'a') inline.href = '#';
        inline.textContent = segment[1];
        p.append(inline);
      }
      article.append(p);
    }
    return article;
  };
  const tick = () => {
    const due = Math.min(posts.length, Math.ceil(((performance.now() - startedAt) / duration) * posts.length));
    const tickStart = performance.now();
    // With the newline real pages' markup leaves between posts: white space straight in the container.
    while (inserted < due) live.prepend(build(posts[inserted++]), '\\n');
    // The insertion window, with or without Backstory, for the traces.
    performance.measure('bench:insert', { start: tickStart, end: performance.now() });
    if (inserted < posts.length) setTimeout(tick, 10);
    else window.__liveDoneAt = performance.now();
  };
  const start = () => {
    // With Backstory: once its first scan has run. Served where Backstory is off: after the load.
    const off = location.hostname === ${JSON.stringify(new URL(PLAIN_BASE).hostname)};
    if (!off && !performance.getEntriesByName('backstory:scan').length) return setTimeout(start, 50);
    startedAt = performance.now();
    tick();
  };
  start();
})();
`;

function livePage(posts: Post[], durationMs: number): string {
  const fixture = readFileSync(path.resolve('tests/fixtures/pages/article.html'), 'utf8');
  // "<" escaped so that no post text can close the data block.
  const data = JSON.stringify(posts).replace(/</g, '\\u003c');
  const live = `<section id="live" data-duration-ms="${durationMs}"></section>
<script type="application/json" id="bench-posts">${data}</script>
<script>${INSERT_SCRIPT}</script>`;
  // Replacer functions: the inserted text must not be read as a replacement pattern ("$&").
  return fixture.includes('</article>')
    ? fixture.replace('</article>', () => `</article>\n${live}`)
    : fixture.replace('</body>', () => `${live}</body>`);
}

/** Serves the live page at a curated URL; returns it with how often each name was inserted. */
export function serveLivePage(
  browser: BenchBrowser,
  names: readonly string[],
  seconds: number,
): { url: string; plainUrl: string; inserted: Map<string, number> } {
  const { posts, inserted } = livePosts(names);
  const url = `${NEWS_BASE}live-${seconds}s.html`;
  const plainUrl = `${PLAIN_BASE}live-${seconds}s.html`;
  const html = livePage(posts, seconds * 1000);
  browser.serve(url, html);
  browser.serve(plainUrl, html);
  return { url, plainUrl, inserted };
}

/** Backstory's per-entity counts on a page it has scanned (its last `backstory:cast` mark). */
function castCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const marks = performance.getEntriesByName('backstory:cast') as PerformanceMark[];
    // Backstory writes each detail as JSON text (see entrypoints/news.content/perf.ts).
    const detail = marks[marks.length - 1]?.detail as string | undefined;
    return (detail ? (JSON.parse(detail) as { counts?: Record<string, number> }).counts : undefined) ?? {};
  });
}

/**
 * The article's own mentions, from a load of the article alone. Counting the names in the page's
 * text would be wrong twice over: the article links other aliases of the same entities ("IDF",
 * a bare "Netanyahu" once the full name is there) and leaves chrome alone (an aside naming Lloyd Austin).
 */
async function articleCounts(browser: BenchBrowser): Promise<Record<string, number>> {
  const url = `${NEWS_BASE}live-article-alone.html`;
  browser.serve(url, readFileSync(path.resolve('tests/fixtures/pages/article.html'), 'utf8'));
  const page = await browser.open(url);
  try {
    await waitForScan(page);
    // The cast mark is throttled; wait for one that follows the last scan chunk.
    await page.waitForFunction(() => {
      const scans = performance.getEntriesByName('backstory:scan');
      const casts = performance.getEntriesByName('backstory:cast');
      const lastScan = scans[scans.length - 1];
      const lastCast = casts[casts.length - 1];
      return !!lastScan && !!lastCast && lastCast.startTime >= lastScan.startTime;
    });
    return await castCounts(page);
  } finally {
    await page.close();
  }
}

/**
 * Counts, in the page: mentions Backstory found (from its
 * `backstory:cast` mark: only mentions near the viewport are painted, so highlights cannot tell),
 * and painted ranges that repeat.
 */
async function countInPage(page: Page, names: readonly string[], ids: ReadonlyMap<string, string>) {
  const pairs = names.map((name) => [name, ids.get(name) ?? ''] as const);
  const found = await castCounts(page);
  return page.evaluate(
    ([pairs, found]) => {
      const live = document.getElementById('live')!;
      const ids = new Map<Node, number>();
      const id = (node: Node) => ids.get(node) ?? (ids.set(node, ids.size), ids.size - 1);
      const seen = new Set<string>();
      let duplicates = 0;
      CSS.highlights.forEach((highlight, registryName) => {
        if (!registryName.startsWith('backstory') || registryName === 'backstory-flash') return;
        for (const range of highlight) {
          if (!live.contains(range.startContainer)) continue;
          const key = `${id(range.startContainer)}:${range.startOffset}-${id(range.endContainer)}:${range.endOffset}`;
          if (seen.has(key)) duplicates++;
          seen.add(key);
        }
      });
      const posts = live.textContent ?? '';
      return pairs.map(([name, entityId]) => ({
        name,
        inPosts: posts.split(name).length - 1,
        highlighted: found[entityId] ?? 0,
        duplicates,
      }));
    },
    [pairs, found] as const,
  );
}

/** Part 4: a live page gets LIVE_POSTS posts over `seconds`; every mention must end up highlighted once. */
export async function runLive(
  browser: BenchBrowser,
  names: readonly string[],
  seconds: number,
  log: (line: string) => void,
): Promise<LiveResult> {
  const { url, plainUrl, inserted } = serveLivePage(browser, names, seconds);
  // Pages know entities by scoped id ("datasetId/entityId"), as the cast mark counts them.
  const ids = new Map(bundledSnapshot(bundledDataset()).entities.map((entity) => [entity.name, scopedId(BUNDLED_DATASET_ID, entity.id)]));
  const inArticle = await articleCounts(browser);

  const page = await browser.context.newPage();
  try {
    const trace = await startTrace(browser.context, page);
    await page.goto(url, { waitUntil: 'load' });
    log(`live page: inserting ${LIVE_POSTS} posts over ${seconds} s…`);
    await page.waitForFunction(() => typeof (window as unknown as { __liveDoneAt?: number }).__liveDoneAt === 'number', null, {
      timeout: (seconds + 60) * 1000,
      polling: 500,
    });
    // Longer quiet than for a static page: rendering a page this size can hold the main thread past
    // the scheduler's 500 ms idle timeout, and the insertions must be fully scanned before counting.
    await waitForScan(page, 120_000, LIVE_QUIET_MS);
    const run = await readExtensionRun(page);
    const catchUpMs = await page.evaluate(() => {
      const entries = performance.getEntriesByName('backstory:scan');
      const last = entries[entries.length - 1]!;
      return last.startTime + last.duration - (window as unknown as { __liveDoneAt: number }).__liveDoneAt;
    });
    const counts = (await countInPage(page, names, ids)).map((c) => ({
      ...c,
      expected: (inArticle[ids.get(c.name) ?? ''] ?? 0) + c.inPosts,
    }));
    const {
      figures: [figures, insertFigures],
      work,
    } = await trace.stopWithWork(['backstory:scan', 'bench:insert']);
    const mismatches = counts
      .filter((c) => c.expected !== c.highlighted || c.inPosts !== (inserted.get(c.name) ?? 0))
      .map(
        (c) => `${c.name}: ${c.highlighted} found / ${c.expected} expected / ${c.inPosts} in posts / ${inserted.get(c.name) ?? 0} inserted`,
      );
    return {
      posts: LIVE_POSTS,
      seconds,
      names: names.length,
      expected: counts.reduce((sum, c) => sum + c.expected, 0),
      highlighted: counts.reduce((sum, c) => sum + c.highlighted, 0),
      duplicates: counts[0]?.duplicates ?? 0,
      pageHighlights: run.highlights,
      mentionCap: (scanner as { MAX_MENTIONS?: number }).MAX_MENTIONS,
      mismatches,
      scanMs: run.scanMs,
      chunks: run.chunks,
      longestChunkMs: run.longestChunkMs,
      longTaskMs: run.longTaskMs,
      catchUpMs,
      trace: figures ?? null,
      insertTrace: insertFigures ?? null,
      work,
      baselineTrace: await insertionBaseline(browser, plainUrl, seconds, log),
    };
  } finally {
    await page.close();
  }
}

/** The live page where Backstory is off, traced: the page's own longest task while the posts go in. */
async function insertionBaseline(
  browser: BenchBrowser,
  url: string,
  seconds: number,
  log: (line: string) => void,
): Promise<TaskFigures | null> {
  const page = await browser.context.newPage();
  try {
    const trace = await startTrace(browser.context, page);
    await page.goto(url, { waitUntil: 'load' });
    log(`live page without Backstory: inserting ${LIVE_POSTS} posts over ${seconds} s…`);
    await page.waitForFunction(() => typeof (window as unknown as { __liveDoneAt?: number }).__liveDoneAt === 'number', null, {
      timeout: (seconds + 60) * 1000,
      polling: 500,
    });
    await page.waitForTimeout(1_000);
    return await trace.stop('bench:insert');
  } finally {
    await page.close();
  }
}
