import { isApostrophe, isInvisible, isWordCode, stripDiacritics } from '../text/fold';

/**
 * Word tokens of a text with exact offsets into it. Keys are folded the same way as alias keys
 * (see `nameTokens`): diacritics removed, invisible characters dropped, apostrophes unified.
 * `exact` keeps the case (for case-sensitive aliases); `key` is lower-cased.
 */
export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  key: string[];
  exact: string[];
  /** True when only spaces or dashes (or the dot after an initial) separate token i from token i-1. */
  joined: Uint8Array;
}

const SPACE_OR_DASH = /^[\s\u00a0\u2000-\u200a\u202f\u205f\u3000\-\u2010-\u2015\u2212\u00ad\u200b-\u200d\u2060\ufeff]*$/;

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function tokenize(text: string): Tokens {
  const capacity = Math.max(8, text.length >> 2);
  let start = new Int32Array(capacity);
  let end = new Int32Array(capacity);
  let joined = new Uint8Array(capacity);
  const key: string[] = [];
  const exact: string[] = [];
  let count = 0;

  const length = text.length;
  let i = 0;
  while (i < length) {
    let code = text.charCodeAt(i);
    // Fast skip over non-word characters.
    if (!isAsciiAlnum(code) && (code < 0x80 || !isWordAt(text, i))) {
      i++;
      continue;
    }
    const tokenStart = i;
    let simple = true;
    while (i < length) {
      code = text.charCodeAt(i);
      if (isAsciiAlnum(code)) {
        i++;
        continue;
      }
      if (code < 0x80 && !isApostrophe(code)) break;
      if (isInvisible(code)) {
        simple = false;
        i++;
        continue;
      }
      if (isApostrophe(code)) {
        // An apostrophe belongs to the word only between two word characters (O'Brien, Blinken's).
        if (i + 1 < length && isWordAt(text, i + 1)) {
          simple = false;
          i++;
          continue;
        }
        break;
      }
      if (isWordAt(text, i)) {
        simple = false;
        i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
        continue;
      }
      break;
    }
    if (count === start.length) {
      start = grow(start);
      end = grow(end);
      joined = grow(joined);
    }
    const raw = text.slice(tokenStart, i);
    const folded = simple ? raw : foldToken(raw);
    start[count] = tokenStart;
    end[count] = i;
    exact.push(folded);
    key.push(folded.toLowerCase());
    if (count > 0) {
      const gap = text.slice(end[count - 1]!, tokenStart);
      const previousIsInitial = end[count - 1]! - start[count - 1]! === 1;
      joined[count] = SPACE_OR_DASH.test(gap) || (previousIsInitial && /^\.\s*$/.test(gap)) ? 1 : 0;
    }
    count++;
  }
  return { count, start, end, key, exact, joined };
}

function isWordAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return isAsciiAlnum(code);
  if (isInvisible(code)) return false;
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  return isWordCode(code, ch);
}

function foldToken(raw: string): string {
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

function grow<T extends Int32Array | Uint8Array>(array: T): T {
  const next = new (array.constructor as { new (n: number): T })(array.length * 2);
  next.set(array);
  return next;
}
