/**
 * Character folding shared by matching, validation and search: what counts as "the same letter",
 * what counts as a word, and what may sit between the words of a name.
 * Kept allocation-free per character because the mention scanner calls it for every character of a page.
 */

/** Characters that may sit inside a word without being part of it: soft hyphen, zero-width space/joiners, word joiner, BOM. */
export function isInvisible(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

/** Apostrophes and right single quotes, all treated as "'". */
export function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2018 || code === 0x02bc || code === 0x2032 || code === 0x60;
}

/** Hyphens and dashes, all treated as a word separator. */
export function isDash(code: number): boolean {
  return code === 0x2d || (code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe63 || code === 0xff0d;
}

/** Double quotation marks of any style: a nickname in quotes (Michael “Erik” Kurilla) does not break a name. */
export function isQuoteMark(code: number): boolean {
  return code === 0x22 || (code >= 0x201c && code <= 0x201f) || code === 0xab || code === 0xbb || code === 0x2039 || code === 0x203a;
}

/** White space of any width, including non-breaking and typographic spaces. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/*
 * Gaps. What separates two words of a name is part of the name: "Washington, D.C." has a comma gap and
 * a dot gap, "Antony Blinken" a plain one. A gap is classified by the one punctuation mark it holds,
 * ignoring spaces, dashes, invisible characters and quotation marks around it. Alias keys store the
 * gap as that mark's character, so the snapshot stays a plain string per alias.
 */

/** A gap of spaces and dashes only ("Al Shifa", "Al-Shifa", "Al–Shifa" are the same name). */
export const GAP_SPACE = 0x20;
/** A gap holding one comma ("Washington, DC"). */
export const GAP_COMMA = 0x2c;
/** A gap holding one full stop ("Oct. 7", "U.S.", "Lloyd J. Austin"). */
export const GAP_DOT = 0x2e;
/** A gap holding one ampersand ("Procter & Gamble"). */
export const GAP_AMPERSAND = 0x26;
/** A gap that no name spans (two marks, brackets, slashes, a full stop and a comma, …). */
export const GAP_BREAK = 0;

/** The gap after adding one more character to it. Start a gap at GAP_SPACE. */
export function extendGap(gap: number, code: number): number {
  if (gap === GAP_BREAK) return GAP_BREAK;
  if (isSpace(code) || isDash(code) || isInvisible(code) || isQuoteMark(code) || isApostrophe(code)) return gap;
  if (code === GAP_COMMA || code === GAP_DOT || code === GAP_AMPERSAND) return gap === GAP_SPACE ? code : GAP_BREAK;
  return GAP_BREAK;
}

/** True for the characters an alias key uses between its tokens. */
export function isGapMark(code: number): boolean {
  return code === GAP_SPACE || code === GAP_COMMA || code === GAP_DOT || code === GAP_AMPERSAND;
}

const foldCache = new Map<string, string>();
const COMBINING = /\p{M}/gu;

/** Removes diacritics from one character ("é" → "e", "ø" → "o"); keeps case. */
export function stripDiacritics(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out = ch.normalize('NFD').replace(COMBINING, '');
  out = EXTRA_FOLDS[out] ?? out;
  if (foldCache.size < 4096) foldCache.set(ch, out);
  return out;
}

const EXTRA_FOLD_CHARACTERS = /[øØłŁđĐßæÆœŒı]/g;

/**
 * Removes the diacritics of a whole string at once: what `stripDiacritics` does to each of its
 * characters, in a few native calls instead of one call per character.
 */
export function stripAllDiacritics(text: string): string {
  const decomposed = text.normalize('NFD');
  // Latin, Greek-free text: its marks are all combining diacritical marks, found without Unicode classes.
  const out = BEYOND_LATIN.test(decomposed) ? decomposed.replace(COMBINING, '') : decomposed.replace(LATIN_MARKS, '');
  return out.replace(EXTRA_FOLD_CHARACTERS, (ch) => EXTRA_FOLDS[ch]!);
}

const BEYOND_LATIN = /[\u0370-\uffff]/;
const LATIN_MARKS = /[\u0300-\u036f]/g;

// Letters that NFD does not decompose but readers treat as their plain form.
const EXTRA_FOLDS: Record<string, string> = {
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ı: 'i',
};

// Letters, digits and combining marks of any script. One sticky regex, tested in place: no substring per character.
const WORD_AT = /[\p{L}\p{N}\p{M}]/uy;
const UPPER_AT = /\p{Lu}/uy;

/** ASCII letters and digits. */
export function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * True when the character at `i` is a word character: a letter, digit or mark of any script.
 * Apostrophes are never word characters by themselves (U+02BC is a letter to Unicode), and invisible
 * characters are not either: both are handled by the tokenizers.
 */
export function isWordAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return isAsciiAlnum(code);
  // The common ranges are answered from the Unicode tables by hand: compiling a pattern with Unicode
  // classes costs milliseconds, which a page of English text with a few curly quotes need not pay.
  if (code < 0x100) return isLatin1WordCode(code);
  // Latin Extended-A and B, IPA extensions: all letters. Combining diacritical marks: all marks.
  if (code < 0x2b0 || (code >= 0x300 && code < 0x370)) return true;
  // General punctuation (spaces, dashes, quotation marks, invisible characters) and currency signs: none.
  if ((code >= 0x2000 && code < 0x2070) || (code >= 0x20a0 && code < 0x20d0)) return false;
  // Arrows, mathematical and technical signs, box drawing, shapes (▪ ■ ►), symbols and most dingbats: none.
  if ((code >= 0x2190 && code < 0x2460) || (code >= 0x2500 && code < 0x2776)) return false;
  // CJK unified ideographs and Hangul syllables: all letters.
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7a3)) return true;
  if (isInvisible(code) || isApostrophe(code)) return false;
  WORD_AT.lastIndex = i;
  return WORD_AT.test(text);
}

/** Letters and digits of Latin-1 (U+0080–U+00FF): ª ² ³ µ ¹ º ¼ ½ ¾ and the accented letters, not × or ÷. */
function isLatin1WordCode(code: number): boolean {
  if (code >= 0xc0) return code !== 0xd7 && code !== 0xf7;
  return (
    code === 0xaa || code === 0xb2 || code === 0xb3 || code === 0xb5 || code === 0xb9 || code === 0xba || (code >= 0xbc && code <= 0xbe)
  );
}

function isUpperAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  // Latin-1 capitals (À–Þ but ×), without compiling a Unicode class.
  if (code < 0x100) return code >= 0xc0 && code <= 0xde && code !== 0xd7;
  UPPER_AT.lastIndex = i;
  return UPPER_AT.test(text);
}

// French and Italian articles and pronouns that elide before a vowel: "l’ONU", "d’Israël", "dell’Onu".
const ELISIONS = new Set([
  'l',
  'd',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'dell',
  'all',
  'nell',
  'dall',
  'sull',
]);
const LONGEST_ELISION = 6;

/**
 * True when the apostrophe at `apostrophe` ends an elided article rather than sitting inside a word:
 * "l’Iran" is the article "l" and the name "Iran". Only before a capital, so "O’Brien" (no such article)
 * and "aujourd’hui" (lower case after) stay whole words.
 */
export function isElision(text: string, wordStart: number, apostrophe: number): boolean {
  if (apostrophe - wordStart > LONGEST_ELISION || apostrophe + 1 >= text.length) return false;
  if (!isUpperAt(text, apostrophe + 1)) return false;
  return ELISIONS.has(text.slice(wordStart, apostrophe).toLowerCase());
}

/** A name split into folded word tokens, and the gap before each token (gaps[0] is unused). */
interface SplitName {
  tokens: string[];
  gaps: number[];
}

/**
 * Splits a name the way `tokenize` (lib/match/tokenize.ts) splits page text: diacritics removed,
 * invisible characters dropped, apostrophes inside a word kept as "'", elided articles split off.
 * The two must agree; a unit test holds them to it.
 */
function splitName(text: string): SplitName {
  const tokens: string[] = [];
  const gaps: number[] = [];
  let current = '';
  let wordStart = 0;
  let gap = GAP_SPACE;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    if (isInvisible(code) && current) {
      i++;
      continue;
    }
    if (isApostrophe(code) && current && i + 1 < text.length && isWordAt(text, i + 1) && !isElision(text, wordStart, i)) {
      current += "'";
      i++;
      continue;
    }
    if (isWordAt(text, i)) {
      if (!current) wordStart = i;
      current += stripDiacritics(text.slice(i, i + width));
      i += width;
      continue;
    }
    if (current) {
      tokens.push(current);
      gaps.push(gap);
      current = '';
      gap = GAP_SPACE;
    }
    gap = extendGap(gap, code);
    i += width;
  }
  if (current) {
    tokens.push(current);
    gaps.push(gap);
  }
  return { tokens, gaps };
}

/**
 * The words of a name or a query as every comparison folds them: the popup's search, the options
 * page's lists and (through `aliasKey`, which adds the gaps and may keep the case) the matcher.
 * Diacritics removed, invisible characters dropped, dashes and punctuation as separators, apostrophes
 * inside a word unified to "'", elided articles split off, lower case.
 */
export function foldWords(text: string): string[] {
  return splitName(text).tokens.map((token) => token.toLowerCase());
}

/**
 * The key two aliases share when they would match the same text: the folded tokens joined by their
 * gap marks (" ", ",", ".", "&"), lower-cased unless the alias is case-sensitive. "Washington, D.C."
 * → "washington,d.c". A gap no name can span (brackets, slashes) is keyed as a space, as it always was.
 */
export function aliasKey(text: string, caseSensitive: boolean): string {
  const { tokens, gaps } = splitName(text);
  let key = '';
  for (let k = 0; k < tokens.length; k++) {
    if (k > 0) key += String.fromCharCode(gaps[k] === GAP_BREAK ? GAP_SPACE : gaps[k]!);
    key += caseSensitive ? tokens[k]! : tokens[k]!.toLowerCase();
  }
  return key;
}
