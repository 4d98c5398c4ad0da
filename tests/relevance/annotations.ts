/**
 * Annotated article text for measuring the mention engine (issue #17).
 *
 * A fixture is a UTF-8 text file:
 *
 *   # style: wire report          header lines "# key: value" at the top (style, date: the page's
 *   # date: 2024-02-15            publication date, ISO), then one blank line
 *
 *   The body, one paragraph per block, paragraphs separated by a blank line. A single line break
 *   inside a paragraph stays in its text, as the white space of a page's source would.
 *
 * Markup in the body:
 * - `[[Benjamin Netanyahu|benjamin-netanyahu]]`: a mention of that entity, as a careful reader links
 *   it. Annotations nest: `[[[[Rafah|rafah]] offensive|rafah-offensive]]` is two mentions.
 * - `[[Gaza|-]]`: a decoy, text that must link to nothing (a surname, a French "un").
 * - `{shy}`, `{zwsp}`, `{nbsp}`: a soft hyphen, a zero-width space, a no-break space, written so
 *   that a reviewer can see them.
 *
 * Offsets count from the blocks' texts joined by "\n", as the scan tool's do (`extractedText`).
 */

export interface Span {
  start: number;
  end: number;
  /** The annotated entity id; DECOY for text that must not link. */
  entityId: string;
  text: string;
}

export const DECOY = '-';

export interface AnnotatedText {
  /** Header fields ("style", "date", …). */
  meta: Record<string, string>;
  blocks: string[];
  /** Every annotated mention, in document order (an outer name before the names inside it). */
  mentions: Span[];
  decoys: Span[];
}

const ESCAPES: Record<string, string> = { shy: '\u00ad', zwsp: '\u200b', nbsp: '\u00a0' };
const HEADER = /^#\s*([a-z-]+):\s*(.*)$/;
const CLOSE = /^\|([a-z0-9-]+|-)\]\]/;

export function parseAnnotated(source: string): AnnotatedText {
  const lines = source
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const meta: Record<string, string> = {};
  while (lines.length > 0 && HEADER.test(lines[0]!)) {
    const [, key, value] = HEADER.exec(lines.shift()!)!;
    meta[key!] = value!.trim();
  }
  const body = lines.join('\n').trim();
  const blocks: string[] = [];
  const mentions: Span[] = [];
  const decoys: Span[] = [];
  let offset = 0;
  for (const marked of body.split(/\n[ \t]*\n+/)) {
    const block = parseBlock(marked, offset);
    blocks.push(block.text);
    for (const span of block.spans) (span.entityId === DECOY ? decoys : mentions).push(span);
    offset += block.text.length + 1;
  }
  return { meta, blocks, mentions, decoys };
}

function parseBlock(marked: string, offset: number): { text: string; spans: Span[] } {
  let text = '';
  const open: number[] = [];
  const spans: Span[] = [];
  for (let i = 0; i < marked.length;) {
    if (marked.startsWith('[[', i)) {
      open.push(text.length);
      i += 2;
      continue;
    }
    const close = open.length > 0 && marked[i] === '|' ? CLOSE.exec(marked.slice(i)) : null;
    if (close) {
      const start = open.pop()!;
      spans.push({ start: offset + start, end: offset + text.length, entityId: close[1]!, text: text.slice(start) });
      i += close[0].length;
      continue;
    }
    const escape = /^\{([a-z]+)\}/.exec(marked.slice(i, i + 8));
    if (escape && ESCAPES[escape[1]!]) {
      text += ESCAPES[escape[1]!];
      i += escape[0].length;
      continue;
    }
    if (marked.startsWith(']]', i)) throw new Error(`"]]" without an entity id: ${marked.slice(Math.max(0, i - 40), i + 2)}`);
    text += marked[i];
    i++;
  }
  if (open.length > 0) throw new Error(`unclosed "[[" in: ${marked.slice(0, 80)}`);
  // Closed inner-first; sorted so that an outer name comes before the names inside it.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, spans };
}
