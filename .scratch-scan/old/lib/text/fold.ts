/**
 * Character folding shared by matching, validation and search: what counts as "the same letter".
 * Kept tiny and allocation-free per character because the mention scanner calls it for every
 * character of a page.
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

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True for letters and digits of any script. ASCII is answered without a regex. */
export function isWordCode(code: number, ch: string): boolean {
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  }
  return WORD_CHAR.test(ch) || /\p{M}/u.test(ch);
}

/**
 * Splits a name into folded word tokens: diacritics removed, dashes and punctuation as separators,
 * apostrophes inside a word kept as "'". Case is kept; callers lower-case when the rule allows.
 */
export function nameTokens(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const code = ch.codePointAt(0)!;
    if (isInvisible(code)) continue;
    if (isWordCode(code, ch)) {
      current += stripDiacritics(ch);
    } else if (isApostrophe(code) && current && i + 1 < chars.length && isWordCode(chars[i + 1]!.codePointAt(0)!, chars[i + 1]!)) {
      current += "'";
    } else if (current) {
      tokens.push(current);
      current = '';
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

/** The key two aliases share when they would match the same text. */
export function aliasKey(text: string, caseSensitive: boolean): string {
  const tokens = nameTokens(text);
  return (caseSensitive ? tokens : tokens.map((t) => t.toLowerCase())).join(' ');
}
