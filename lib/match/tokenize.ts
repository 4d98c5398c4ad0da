import {
  GAP_BREAK,
  GAP_SPACE,
  extendGap,
  isApostrophe,
  isAsciiAlnum,
  isDash,
  isElision,
  isInvisible,
  isQuoteMark,
  isSpace,
  isWordAt,
  stripAllDiacritics,
} from '../text/fold';

/**
 * Word tokens of a text with exact offsets into it. Keys are folded the same way as alias keys
 * (see `aliasKey` in lib/text/fold.ts): diacritics removed, invisible characters dropped, apostrophes
 * unified, elided articles ("l’", "d’") split off. `exact` keeps the case (for case-sensitive aliases);
 * `key` is lower-cased.
 *
 * Speed: the page scanner reads every word of a page, mostly before the JavaScript engine has
 * optimised any of this code, so the search for words is left to one regular expression (native
 * code) over the lower-cased text: plain words (ASCII, or Latin with accents) come out of it whole
 * and most are dismissed with one lookup; only candidates and words with other characters
 * (apostrophes, invisible characters, other scripts) are read character by character. The pattern has no Unicode classes: compiling those costs milliseconds on
 * every page load, so they are only used (in fold.ts) when a page has non-ASCII letters.
 */

/** A plain ASCII word, or any one non-ASCII character (a letter, or punctuation such as “ or —). */
const READ_SOURCE = '[A-Za-z0-9]+|[^\\x00-\\x7f]';

/**
 * What `candidates` searches for: a plain ASCII word (group 1) that no Latin letter continues, a word
 * of ASCII and Latin letters (À–ɏ, accented or not: "président", "Israël"), or any one other non-ASCII
 * character.
 */
const SEARCH_SOURCE =
  '([A-Za-z0-9]+)(?![A-Za-z0-9\\u00C0-\\u024F])|[A-Za-z0-9\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F]+|[^\\x00-\\x7f]';

/**
 * Module-wide: the search of `candidates`, and that of `read`. Neither call runs inside itself, and
 * `read` runs inside `candidates`, hence two.
 */
const SEARCH = new RegExp(SEARCH_SOURCE, 'g');
const READ = new RegExp(READ_SOURCE, 'g');

/** One token at a time: where it is and its keys. */
export class TokenCursor {
  /** Offset of the token in the text. */
  start = 0;
  /** End of the token, trailing invisible characters left out. */
  end = 0;
  /** Where reading goes on after the token (after any trailing invisible characters). */
  after = 0;
  /** Lower-cased folded token. */
  key = '';
  /** The folded token in its own case; null for a plain word (it is the text itself, sliced on demand). */
  private folded: string | null = null;
  /** The text lower-cased, when that keeps every offset (it does unless the text has a dotted capital I). */
  private readonly lower: string | null;

  constructor(readonly text: string) {
    const lower = text.toLowerCase();
    this.lower = lower.length === text.length ? lower : null;
  }

  /**
   * Calls `visit` with the start of every word that might be a token whose key is in `keys`, in
   * order, skipping at once (one native search and one lookup) the plain words that are not, and
   * common punctuation. `visit` returns where the search goes on. This is the scanner's inner loop.
   */
  candidates(keys: { has(key: string): boolean }, visit: (at: number) => number): void {
    const { text, lower } = this;
    const pattern = SEARCH;
    const scanned = lower ?? text;
    pattern.lastIndex = 0;
    let found: RegExpExecArray | null;
    while ((found = pattern.exec(scanned)) !== null) {
      const word = found[0];
      if (found[1] !== undefined) {
        // A plain ASCII word that nothing continues is its own key.
        if (endsPlainWord(text, pattern.lastIndex) && !keys.has(lower === null ? word.toLowerCase() : word)) continue;
      } else {
        const first = word.charCodeAt(0);
        if (word.length > 1 || first < 0x80 || isLatinLetter(first)) {
          // A word of Latin letters that nothing continues: its key is the word without its accents.
          const key = stripAllDiacritics(lower === null ? word.toLowerCase() : word);
          if (endsPlainWord(text, pattern.lastIndex) && !keys.has(key)) continue;
        } else if (isSeparator(first) || first === 0x2019) continue;
      }
      pattern.lastIndex = visit(found.index);
    }
  }

  /** Reads the first token at or after `from`; false when there is none. */
  read(from: number): boolean {
    const { text } = this;
    const pattern = READ;
    const scanned = this.lower ?? text;
    pattern.lastIndex = from;
    for (;;) {
      const found = pattern.exec(scanned);
      if (!found) return false;
      const at = found.index;
      const word = found[0];
      if (word.charCodeAt(0) < 0x80) {
        const after = pattern.lastIndex;
        if (endsPlainWord(text, after)) {
          this.key = this.lower ? word : word.toLowerCase();
          this.folded = null;
          this.end = this.after = after;
        } else this.readWord(at);
      } else if (isWordAt(text, at)) {
        this.readWord(at);
      } else {
        // Punctuation, a symbol, or U+02BC (a letter to Unicode, an apostrophe here): not a word.
        pattern.lastIndex = at + 1;
        continue;
      }
      this.start = at;
      return true;
    }
  }

  /** The current token folded, in its own case (for case-sensitive aliases). */
  exact(): string {
    return this.folded ?? this.text.slice(this.start, this.end);
  }

  /** Reads by hand a word that is not a plain ASCII word (see the file comment). */
  private readWord(from: number): void {
    const text = this.text;
    const length = text.length;
    let plain = true;
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
        plain = false;
        i++;
        continue;
      }
      if (isApostrophe(code)) {
        // An apostrophe belongs to the word only between two word characters (O'Brien, Blinken's),
        // and not after an elided article (l’Iran), which is a word of its own.
        if (i + 1 < length && isWordAt(text, i + 1) && !isElision(text, from, i)) {
          plain = false;
          i++;
          continue;
        }
        break;
      }
      if (!isWordAt(text, i)) break;
      plain = false;
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      visibleEnd = i;
    }
    const raw = text.slice(from, visibleEnd);
    this.folded = plain ? raw : foldWord(raw);
    this.key = this.folded.toLowerCase();
    this.end = visibleEnd;
    this.after = i;
  }
}

const INVISIBLES = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const APOSTROPHES = /['`\u2018\u2019\u02BC\u2032]/g;

/** A word's key in its own case: invisible characters dropped, apostrophes unified, diacritics removed. */
function foldWord(raw: string): string {
  return stripAllDiacritics(raw.replace(INVISIBLES, '').replace(APOSTROPHES, "'"));
}

/**
 * Whether an ASCII word ending at `at` ends there: true when the next character cannot continue a
 * word (a space, punctuation, a dash or quotation mark, the end); otherwise (an accent, an apostrophe,
 * an invisible character) the word is read by hand.
 */
function endsPlainWord(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const code = text.charCodeAt(at);
  if (code < 0x80) return code !== 0x27 && code !== 0x60;
  return isSeparator(code);
}

/** Spaces, dashes and quotation marks: never part of a word. */
function isSeparator(code: number): boolean {
  return isSpace(code) || isDash(code) || isQuoteMark(code);
}

/** Letters of Latin-1 and Latin Extended-A and B (À–ɏ but × and ÷). */
function isLatinLetter(code: number): boolean {
  return code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7;
}

/** The gap mark of the characters in [from, to): a single space is by far the most common. */
function gapBetween(text: string, from: number, to: number): number {
  if (to - from === 1 && text.charCodeAt(from) === 0x20) return GAP_SPACE;
  let gap = GAP_SPACE;
  for (let i = from; i < to && gap !== GAP_BREAK; i++) gap = extendGap(gap, text.charCodeAt(i));
  return gap;
}

/** A run of tokens, as parallel arrays. */
export interface Tokens {
  count: number;
  start: number[];
  /** End of each token, trailing invisible characters left out. */
  end: number[];
  /** Where reading goes on after each token. */
  after: number[];
  key: string[];
  exact: string[];
  /** The gap before token i (GAP_SPACE, GAP_COMMA, GAP_DOT, GAP_AMPERSAND or GAP_BREAK; see fold.ts). The first is GAP_BREAK. */
  gap: number[];
}

export function emptyTokens(): Tokens {
  return { count: 0, start: [], end: [], after: [], key: [], exact: [], gap: [] };
}

/**
 * Reads up to `max` tokens starting with the cursor's current one into `out` (reused between calls),
 * stopping early at a gap no name spans.
 */
export function readRun(cursor: TokenCursor, max: number, out: Tokens): Tokens {
  let count = 0;
  let gap = GAP_BREAK;
  for (;;) {
    out.start[count] = cursor.start;
    out.end[count] = cursor.end;
    out.after[count] = cursor.after;
    out.key[count] = cursor.key;
    out.exact[count] = cursor.exact();
    out.gap[count] = gap;
    count++;
    const previous = cursor.after;
    if (count === max || !cursor.read(previous)) break;
    gap = gapBetween(cursor.text, previous, cursor.start);
    if (gap === GAP_BREAK) break;
  }
  out.count = count;
  return out;
}

/** Every token of a text. */
export function tokenize(text: string): Tokens {
  const cursor = new TokenCursor(text);
  const out = emptyTokens();
  let from = 0;
  while (cursor.read(from)) {
    const t = out.count++;
    out.start.push(cursor.start);
    out.end.push(cursor.end);
    out.after.push(cursor.after);
    out.key.push(cursor.key);
    out.exact.push(cursor.exact());
    out.gap.push(t === 0 ? GAP_BREAK : gapBetween(text, from, cursor.start));
    from = cursor.after;
  }
  return out;
}
