import { describe, expect, it } from 'vitest';
import { TokenCursor, tokenize } from '../../../lib/match/tokenize';
import { tokenizeReference } from './tokenize-reference';
import { foldWords, GAP_BREAK, GAP_COMMA, GAP_DOT, GAP_SPACE } from '../../../lib/text/fold';

/** Each token as [its text in the page, exact key, gap before it]. */
function read(text: string): Array<[string, string, number]> {
  const tokens = tokenize(text);
  const out: Array<[string, string, number]> = [];
  for (let t = 0; t < tokens.count; t++) out.push([text.slice(tokens.start[t], tokens.end[t]), tokens.exact[t]!, tokens.gap[t]!]);
  return out;
}

describe('tokenize', () => {
  it.each<[string, string, Array<[string, string, number]>]>([
    [
      'reads words with their offsets',
      'Antony Blinken',
      [
        ['Antony', 'Antony', GAP_BREAK],
        ['Blinken', 'Blinken', GAP_SPACE],
      ],
    ],
    ['folds diacritics in the key but not in the offsets', 'António', [['António', 'Antonio', GAP_BREAK]]],
    [
      'keeps invisible characters inside a word in its span, not in its key',
      'Netan\u00adyahu',
      [['Netan\u00adyahu', 'Netanyahu', GAP_BREAK]],
    ],
    [
      'leaves trailing invisible characters out of the span',
      'Hamas\u200b\u00ad x',
      [
        ['Hamas', 'Hamas', GAP_BREAK],
        ['x', 'x', GAP_SPACE],
      ],
    ],
    ['keeps a possessive in the word', 'Blinken’s', [['Blinken’s', "Blinken's", GAP_BREAK]]],
    [
      'records comma and full-stop gaps',
      'Washington, D.C',
      [
        ['Washington', 'Washington', GAP_BREAK],
        ['D', 'D', GAP_COMMA],
        ['C', 'C', GAP_DOT],
      ],
    ],
    ['reads a letter outside the Basic Multilingual Plane as part of a word', 'a𝐀b', [['a𝐀b', 'a𝐀b', GAP_BREAK]]],
    [
      'splits words at an emoji and marks the gap as unjoinable',
      'Hamas😀Israel',
      [
        ['Hamas', 'Hamas', GAP_BREAK],
        ['Israel', 'Israel', GAP_BREAK],
      ],
    ],
    ['reads nothing from punctuation only', '— ... ?', []],
  ])('%s', (_behaviour, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('lower-cases the lookup key and keeps the exact one', () => {
    const tokens = tokenize('WHO said');
    expect(tokens.key.slice(0, 2)).toEqual(['who', 'said']);
    expect(tokens.exact.slice(0, 2)).toEqual(['WHO', 'said']);
  });

  it('reads long texts whole', () => {
    const text = Array.from({ length: 5_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(' ');
    const tokens = tokenize(text);
    expect(tokens.count).toBe(5_000);
    expect(tokens.start[4_999]).toBe(9_998);
    expect(tokens.exact[4_999]).toBe(String.fromCharCode(97 + (4_999 % 26)));
    expect(tokens.gap[4_999]).toBe(GAP_SPACE);
  });

  // The regular expression that reads plain words must agree with the character-by-character
  // reading on every text, including the awkward characters around words.
  const PIECES = [
    'a',
    'Z',
    '7',
    'Hamas',
    'al',
    'l',
    'd',
    'qu',
    'Iran',
    'é',
    'É',
    'Ø',
    'ǿ',
    'İ',
    '한',
    'ﬁ',
    'Ä',
    'ø',
    'ß',
    'e\u0301',
    '\u0301',
    'ش',
    '中',
    '𝐀',
    '😀',
    ' ',
    ' ',
    ' ',
    '\u00a0',
    ',',
    '.',
    '&',
    '-',
    '–',
    '(',
    '/',
    '"',
    '“',
    '”',
    "'",
    '’',
    '‘',
    '\u02bc',
    '\u2032',
    '`',
    '\u00ad',
    '\u200b',
    '\u2060',
    '\ufeff',
  ];

  /** A seeded generator of short texts made of PIECES (and its random numbers, for the test's own picks). */
  function randomPieces(seed: number) {
    let state = seed;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    const text = () => {
      let out = '';
      const length = 1 + Math.floor(random() * 24);
      for (let i = 0; i < length; i++) out += PIECES[Math.floor(random() * PIECES.length)]!;
      return out;
    };
    return { random, text };
  }

  it.each(Array.from({ length: 40 }, (_, seed) => seed))('agrees with the character-by-character reading on random text %i', (seed) => {
    const { text: randomText } = randomPieces(seed * 7919 + 1);
    for (let sample = 0; sample < 50; sample++) {
      const text = randomText();
      const fast = tokenize(text);
      const reference = tokenizeReference(text);
      const shape = (t: {
        count: number;
        start: ArrayLike<number>;
        end: ArrayLike<number>;
        key: string[];
        exact: string[];
        gap: ArrayLike<number>;
      }) => Array.from({ length: t.count }, (_, k) => [t.start[k], t.end[k], t.key[k], t.exact[k], t.gap[k]]);
      expect(shape(fast), JSON.stringify(text)).toEqual(shape(reference));
    }
  });

  it.each(Array.from({ length: 20 }, (_, seed) => seed))(
    'folds a search query into the words it reads on the page, on random text %i',
    (seed) => {
      // The popup's search and the options lists fold through foldWords: a name typed there must
      // come out as the keys the page scanner reads for the same text.
      // A combining mark with no letter before it is an empty word on the page and nothing in a
      // query; neither can name anything, so such texts are left out.
      const strayMark = /(^|[^\p{L}\p{N}])\p{M}/u;
      const { text: randomText } = randomPieces(seed * 6151 + 3);
      for (let sample = 0; sample < 50; sample++) {
        const text = randomText();
        if (strayMark.test(text)) continue;
        expect(foldWords(text), JSON.stringify(text)).toEqual(tokenize(text).key);
      }
    },
  );

  /** The tokens the matcher examines for these keys: the first token at or after each place `candidates` offers. */
  function visited(text: string, keys: ReadonlySet<string>): Set<number> {
    const cursor = new TokenCursor(text);
    const examined = new Set<number>();
    cursor.candidates(new Map([...keys].map((key) => [key, true])), (at) => {
      if (!cursor.read(at)) return text.length;
      examined.add(cursor.start);
      return cursor.after;
    });
    return examined;
  }

  /** Token starts `candidates` must not skip: tokens whose key, or key without a possessive, is in `keys`. */
  function mustVisit(text: string, keys: ReadonlySet<string>): number[] {
    const tokens = tokenizeReference(text);
    const starts: number[] = [];
    for (let t = 0; t < tokens.count; t++) {
      const key = tokens.key[t]!;
      if (keys.has(key) || (key.endsWith("'s") && keys.has(key.slice(0, -2)))) starts.push(tokens.start[t]!);
    }
    return starts;
  }

  it.each(Array.from({ length: 20 }, (_, seed) => seed))('offers the scanner every word that starts a name, on random text %i', (seed) => {
    const { random, text: randomText } = randomPieces(seed * 104729 + 7);
    for (let sample = 0; sample < 50; sample++) {
      const text = randomText();
      const all = tokenizeReference(text).key;
      const keys = new Set(all.filter(() => random() < 0.5));
      const seen = visited(text, keys);
      const missed = mustVisit(text, keys).filter((start) => !seen.has(start));
      expect(missed, JSON.stringify({ text, keys: [...keys] })).toEqual([]);
    }
  });

  it('offers words with any Latin letter under the key the character-by-character reading gives', () => {
    const missed: string[] = [];
    for (let code = 0xc0; code <= 0x24f; code++) {
      for (const text of [
        `a${String.fromCharCode(code)}b`,
        `${String.fromCharCode(code)}x`,
        `${String.fromCharCode(code).toUpperCase()}ab ok`,
      ]) {
        const key = tokenizeReference(text).key[0];
        if (key === undefined) continue;
        if (!visited(text, new Set([key])).has(tokenizeReference(text).start[0]!)) missed.push(`U+${code.toString(16)} in ${text}`);
      }
    }
    expect(missed).toEqual([]);
  });
});
