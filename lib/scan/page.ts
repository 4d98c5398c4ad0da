import { parseHTML } from 'linkedom';
import { extractBlocks } from '../dom/extract';
import { readPublicationDate } from '../dom/page-date';

/** A page as the scan tool sees it: its text blocks and, when it states one, its publication date. */
export interface PageText {
  blocks: string[];
  pageDate?: string;
}

/**
 * Reads a page file: a `.txt` file is one article body, every line of it article text; anything
 * else that looks like markup is HTML, read with the content script's extraction rules.
 */
export function readPage(fileName: string, content: string): PageText {
  if (/\.txt$/i.test(fileName) || !looksLikeHtml(content)) return pageFromText(content);
  return pageFromHtml(content);
}

function looksLikeHtml(content: string): boolean {
  return /^\s*</.test(content.replace(/^\ufeff/, ''));
}

/** Each line is a block, empty ones included, so offsets count from the file's own (LF) text. */
export function pageFromText(content: string): PageText {
  return { blocks: content.replace(/^\ufeff/, '').split(/\r?\n/) };
}

/** Parses HTML without a browser and extracts its blocks exactly as the content script would. */
export function pageFromHtml(html: string): PageText {
  // linkedom builds no <html>/<body> around a fragment (a body-less fragment even throws on `.body`): add them.
  const source = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(source);
  const doc = document as unknown as Document;
  const root: Node = doc.body ?? doc.documentElement ?? doc;
  const blocks = extractBlocks(root).map((block) => block.text);
  const pageDate = readPublicationDate(doc);
  return pageDate ? { blocks, pageDate } : { blocks };
}
