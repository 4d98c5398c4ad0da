/**
 * The character-by-character tokenizer the scanner used before reading words with a regular
 * expression, kept as the reference the fast one must agree with (tokenize.test.ts).
 */
import { GAP_BREAK, GAP_SPACE, extendGap, isApostrophe, isElision, isInvisible, isWordAt, stripDiacritics } from '../../../lib/text/fold';

/**
 * Word tokens of a text with exact offsets into it. Keys are folded the same way as alias keys
 * (see `aliasKey` in lib/text/fold.ts): diacritics removed, invisible characters dropped, apostrophes
 * unified, elided articles ("l’", "d’") split off. `exact` keeps the case (for case-sensitive aliases);
 * `key` is lower-cased.
 */
export interface Tokens {
  count: number;
  start: Int32Array;
  /** End of each token, trailing invisible characters left out. */
  end: Int32Array;
  key: string[];
  exact: string[];
  /** The gap before token i (GAP_SPACE, GAP_COMMA, GAP_DOT, GAP_AMPERSAND or GAP_BREAK; see fold.ts). */
  gap: Uint8Array;
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Mutable output of one tokenize call, grown by doubling so a page costs few allocations. */
class TokenBuffer {
  count = 0;
  start = new Int32Array(0);
  end = new Int32Array(0);
  gap = new Uint8Array(0);
  readonly key: string[] = [];
  readonly exact: string[] = [];

  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.gap = new Uint8Array(capacity);
  }

  push(start: number, end: number, gap: number, folded: string): void {
    if (this.count === this.start.length) this.grow();
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.gap[this.count] = gap;
    this.exact.push(folded);
    this.key.push(folded.toLowerCase());
    this.count++;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const start = new Int32Array(size);
    const end = new Int32Array(size);
    const gap = new Uint8Array(size);
    start.set(this.start);
    end.set(this.end);
    gap.set(this.gap);
    this.start = start;
    this.end = end;
    this.gap = gap;
  }
}

export function tokenizeReference(text: string): Tokens {
  const out = new TokenBuffer(Math.max(8, text.length >> 2));
  const length = text.length;
  let gap = GAP_SPACE;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    // Between words: skip, remembering what the gap holds. The ASCII test comes first: it is the common case.
    if (!isAsciiAlnum(code) && (code < 0x80 || !isWordAt(text, i))) {
      gap = extendGap(gap, code);
      i++;
      continue;
    }
    i = readWord(text, i, gap, out);
    gap = GAP_SPACE;
  }
  const { count, start, end, key, exact } = out;
  // The first token has nothing before it that could join it to a name.
  if (count > 0) out.gap[0] = GAP_BREAK;
  return { count, start, end, key, exact, gap: out.gap };
}

/** Reads the word starting at `from` into `out`; returns the index after it. */
function readWord(text: string, from: number, gap: number, out: TokenBuffer): number {
  const length = text.length;
  let simple = true;
  let visibleEnd = from;
  let i = from;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isAsciiAlnum(code)) {
      i++;
      visibleEnd = i;
      continue;
    }
    if (code < 0x80 && !isApostrophe(code)) break;
    if (isInvisible(code)) {
      simple = false;
      i++;
      continue;
    }
    if (isApostrophe(code)) {
      // An apostrophe belongs to the word only between two word characters (O'Brien, Blinken's),
      // and not after an elided article (l’Iran), which is a word of its own.
      if (i + 1 < length && isWordAt(text, i + 1) && !isElision(text, from, i)) {
        simple = false;
        i++;
        continue;
      }
      break;
    }
    if (!isWordAt(text, i)) break;
    simple = false;
    i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    visibleEnd = i;
  }
  const raw = text.slice(from, visibleEnd);
  out.push(from, visibleEnd, gap, simple ? raw : foldWord(raw));
  return i;
}

function foldWord(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const code = ch.codePointAt(0)!;
    if (isInvisible(code)) continue;
    if (isApostrophe(code)) out += "'";
    else if (code < 0x80) out += ch;
    else out += stripDiacritics(ch);
  }
  return out;
}
