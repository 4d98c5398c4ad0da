import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../lib/match/tokenize';
import { tokenizeReference } from './tokenize-reference';
import { GAP_BREAK, GAP_COMMA, GAP_DOT, GAP_SPACE } from '../../../lib/text/fold';

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

  it.each(Array.from({ length: 40 }, (_, seed) => seed))('agrees with the character-by-character reading on random text %i', (seed) => {
    let state = seed * 7919 + 1;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    for (let sample = 0; sample < 50; sample++) {
      let text = '';
      const length = 1 + Math.floor(random() * 24);
      for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)]!;
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
});
