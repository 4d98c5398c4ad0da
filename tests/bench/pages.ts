import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { makePost, postToHtml, seededRandom } from './text-gen';

export interface BenchPage {
  /** File-like name, used in URLs and tables. */
  name: string;
  html: string;
  /** Where it comes from, for the report. */
  origin: string;
}

/** Real pages live next to the repo and are read in place: they are never copied into the project. */
export const SHARED_PAGES_DIR = path.resolve(process.cwd(), '..', 'shared', 'pages');
const FIXTURE = path.resolve(process.cwd(), 'tests/fixtures/pages/article.html');

/**
 * Page scripts are removed: offline they only fail, and the ones that do run mutate the DOM on
 * timers, which would make runs differ. JSON-LD stays (the scanner reads the publication date from it).
 */
export function stripScripts(html: string): string {
  return html.replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (whole, attributes: string) =>
    /application\/ld\+json/i.test(attributes) ? whole : '',
  );
}

export function sharedPages(): BenchPage[] {
  if (!existsSync(SHARED_PAGES_DIR)) return [];
  return readdirSync(SHARED_PAGES_DIR)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => ({
      name: file,
      html: stripScripts(readFileSync(path.join(SHARED_PAGES_DIR, file), 'utf8')),
      origin: `../shared/pages/${file}`,
    }));
}

export function fixturePage(): BenchPage {
  return { name: 'fixture-article.html', html: readFileSync(FIXTURE, 'utf8'), origin: 'tests/fixtures/pages/article.html' };
}

const LIVE_BLOG_BYTES = 1_000_000;

/** A ~1 MB live blog: posts of paragraphs naming dataset entities (any alias, as pages do). */
export function liveBlogPage(names: readonly string[]): BenchPage {
  const random = seededRandom(20240321);
  const posts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < LIVE_BLOG_BYTES; i++) {
    const html = postToHtml(makePost(random, names, i, 2 + Math.floor(random() * 3)));
    posts.push(html);
    bytes += html.length + 1;
  }
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Live: the war in Gaza — bench live blog</title>
<meta property="article:published_time" content="2024-03-21T08:00:00Z">
<style>body{font:17px/1.5 Georgia,serif;max-width:760px;margin:0 auto;padding:16px}.post{border-top:1px solid #ddd;padding:8px 0}</style>
</head><body>
<nav><a href="#">World</a> <a href="#">Middle East</a></nav>
<main><h1>Live updates: the war in Gaza</h1>
${posts.join('\n')}
</main><footer>Bench live blog, generated text.</footer></body></html>`;
  return { name: 'generated-live-blog.html', html, origin: `generated (${posts.length} posts)` };
}

/** Every page the speed table covers; the shared ones only when the folder is there. */
export function benchPages(names: readonly string[]): { pages: BenchPage[]; notes: string[] } {
  const shared = sharedPages();
  const notes = shared.length ? [] : [`${SHARED_PAGES_DIR} is missing: real pages skipped.`];
  return { pages: [...shared, fixturePage(), liveBlogPage(names)], notes };
}
