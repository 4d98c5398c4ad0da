import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturePage } from './fixture-pages';

/**
 * The pages both suites check for integrity: the fixture articles, a generated live blog and, where
 * the shared real news pages are present beside the project, those (read in place, never copied).
 */
const SHARED_PAGES = path.resolve('..', 'shared', 'pages');

export function integrityPages(): Array<{ name: string; html: () => string }> {
  const realPages = existsSync(SHARED_PAGES) ? readdirSync(SHARED_PAGES).filter((f) => f.endsWith('.html')) : [];
  return [
    { name: 'fixture article', html: () => fixturePage('article.html') },
    { name: 'fixture article (2023)', html: () => fixturePage('article-2023.html') },
    { name: 'generated live blog', html: () => generatedPage(400) },
    // Real pages are served without their scripts: offline, their own code would fail and mutate the
    // page by itself, which would hide what Backstory does (or does not do).
    ...realPages.map((file) => ({ name: file, html: () => withoutScripts(readFileSync(path.join(SHARED_PAGES, file), 'utf8')) })),
  ];
}

function withoutScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
}

/** A long generated live blog in our own words, naming entities of the dataset. */
export function generatedPage(posts: number): string {
  const names = [
    'Antony Blinken',
    'Hamas',
    'the Israel Defense Forces',
    'Qatar',
    'Khan Younis',
    'the World Health Organization',
    'Benjamin Netanyahu',
    'Rafah',
  ];
  const body = Array.from({ length: posts }, (_, i) => {
    const a = names[i % names.length];
    const b = names[(i * 3 + 1) % names.length];
    return `<article class="post"><h2>Update ${i + 1}</h2><p>Reporters following ${a} noted a new statement about ${b} this morning.</p><p>Further details were expected later in the day.</p></article>`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live updates</title></head><body><main>${body}</main></body></html>`;
}
