import { describe, expect, it } from 'vitest';
import {
  GAP_AMPERSAND,
  GAP_BREAK,
  GAP_COMMA,
  GAP_DOT,
  GAP_SPACE,
  aliasKey,
  extendGap,
  isWordAt,
  foldWords,
  isElision,
  stripAllDiacritics,
  stripDiacritics,
} from '../../../lib/text/fold';
import { tokenize } from '../../../lib/match/tokenize';

describe('foldWords', () => {
  it.each<[string, string, string[]]>([
    ['splits on spaces', 'Antony Blinken', ['antony', 'blinken']],
    ['splits on hyphens and dashes', 'Al-Shifa Al–Shifa', ['al', 'shifa', 'al', 'shifa']],
    ['removes diacritics', 'António Guterres', ['antonio', 'guterres']],
    ['folds letters that NFD does not decompose', 'Łódź Ørsted Straße', ['lodz', 'orsted', 'strasse']],
    ['drops soft hyphens and zero-width characters inside a word', 'Netan\u00adyahu Ha\u200bmas', ['netanyahu', 'hamas']],
    ['keeps an apostrophe inside a word as a straight one', 'O’Brien Attorney`s', ["o'brien", "attorney's"]],
    ['treats the modifier letter apostrophe as an apostrophe', 'Taʼiz', ["ta'iz"]],
    ['drops an apostrophe at the end of a word', 'Hamas’ leaders', ['hamas', 'leaders']],
    ['splits off an elided article before a capital', 'd’Israël l’ONU', ['d', 'israel', 'l', 'onu']],
    ['keeps an elision before a lower-case letter whole', 'aujourd’hui d’accord', ["aujourd'hui", "d'accord"]],
    ['lower-cases every word', 'WHO who', ['who', 'who']],
    ['reads letters of any script', 'Иран ایران', ['иран', 'ایران']],
    ['reads letters outside the Basic Multilingual Plane', '𝐀𝐁 x', ['𝐀𝐁', 'x']],
    ['returns nothing for punctuation only', '— … !', []],
  ])('%s', (_behaviour, text, expected) => {
    expect(foldWords(text)).toEqual(expected);
  });
});

describe('aliasKey', () => {
  it.each<[string, string, boolean, string]>([
    ['lower-cases a case-insensitive alias', 'Antony Blinken', false, 'antony blinken'],
    ['keeps the case of a case-sensitive alias', 'WHO', true, 'WHO'],
    ['records a comma gap', 'Washington, D.C.', false, 'washington,d.c'],
    ['records a comma gap without a space', 'Washington,DC', false, 'washington,dc'],
    ['records a full-stop gap', 'Oct. 7', false, 'oct.7'],
    ['records an ampersand gap', 'Johnson & Johnson', false, 'johnson&johnson'],
    ['gives hyphens, dashes and spaces the same key', 'Al–Shifa', false, 'al shifa'],
    ['ignores quotation marks between words', 'Michael “Erik” Kurilla', false, 'michael erik kurilla'],
    ['keys a gap no name can span as a space', 'Doha talks (March 2024)', false, 'doha talks march 2024'],
    ['leaves out punctuation at the ends', '“U.S.”', true, 'U.S'],
    ['is empty for an alias with no letters or digits', '...', false, ''],
  ])('%s', (_behaviour, text, caseSensitive, expected) => {
    expect(aliasKey(text, caseSensitive)).toBe(expected);
  });

  /** The key `aliasKey` would give the text, rebuilt from what the page tokenizer reads in it. */
  function keyFromTokenizer(text: string): string {
    const tokens = tokenize(text);
    let key = '';
    for (let t = 0; t < tokens.count; t++) {
      if (t > 0) key += String.fromCharCode(tokens.gap[t] === GAP_BREAK ? GAP_SPACE : tokens.gap[t]!);
      key += tokens.exact[t];
    }
    return key;
  }

  it.each([
    'Antony Blinken',
    'Washington, D.C.',
    'Rear Adm. Daniel Hagari',
    'Johnson & Johnson',
    "State Attorney's Office",
    'O’Brien’s',
    'Netan\u00adyahu',
    'Anto\u0301nio Guterres',
    'Médecins Sans Frontières',
    'l’Iran d’Israël aujourd’hui',
    'Michael “Erik” Kurilla',
    'Al – Shifa',
    'Taʼiz',
    'Hamas’',
    'x\u200b y',
    '𝐀𝐁 and emoji 😀 between',
    'Doha talks (March 2024)',
  ])('agrees with the page tokenizer on %j', (text) => {
    expect(aliasKey(text, true)).toBe(keyFromTokenizer(text));
  });
});

describe('extendGap', () => {
  const gapOf = (text: string) => [...text].reduce((gap, ch) => extendGap(gap, ch.codePointAt(0)!), GAP_SPACE);

  it.each<[string, string, number]>([
    ['a space is a space gap', ' ', GAP_SPACE],
    ['a run of white space of any kind is a space gap', ' \u00a0\u202f\t\n\u3000', GAP_SPACE],
    ['dashes are a space gap', ' – ', GAP_SPACE],
    ['quotation marks and apostrophes are a space gap', '” ‘', GAP_SPACE],
    ['one comma is a comma gap', ', ', GAP_COMMA],
    ['one full stop is a full-stop gap', '. ', GAP_DOT],
    ['one ampersand is an ampersand gap', ' & ', GAP_AMPERSAND],
    ['two marks break the gap', ', , ', GAP_BREAK],
    ['a full stop and a comma break the gap', '., ', GAP_BREAK],
    ['a semicolon breaks the gap', '; ', GAP_BREAK],
    ['a bracket breaks the gap', ' (', GAP_BREAK],
    ['a slash breaks the gap', '/', GAP_BREAK],
  ])('%s', (_behaviour, gap, expected) => {
    expect(gapOf(gap)).toBe(expected);
  });
});

describe('character classes', () => {
  it.each<[string, string, boolean]>([
    ['an ASCII letter is a word character', 'a', true],
    ['a digit is a word character', '7', true],
    ['a Latin letter with a diacritic is a word character', 'é', true],
    ['a Cyrillic letter is a word character', 'Ж', true],
    ['an Arabic letter is a word character', 'ب', true],
    ['a Hebrew letter is a word character', 'ש', true],
    ['a combining accent is a word character', '\u0301', true],
    ['an apostrophe is not a word character', '’', false],
    ['a modifier letter apostrophe is not a word character on its own', 'ʼ', false],
    ['a soft hyphen is not a word character', '\u00ad', false],
    ['a non-breaking space is not a word character', '\u00a0', false],
    ['an emoji is not a word character', '😀', false],
  ])('%s', (_behaviour, ch, expected) => {
    expect(isWordAt(ch, 0)).toBe(expected);
  });

  it.each<[string, string]>([
    ['é', 'e'],
    ['Å', 'A'],
    ['ø', 'o'],
    ['ı', 'i'],
    ['a', 'a'],
  ])('strips the diacritics of %s', (ch, expected) => {
    expect(stripDiacritics(ch)).toBe(expected);
  });
});

describe('character classes answered without Unicode patterns', () => {
  // isWordAt answers the common ranges by hand; it must say what the Unicode tables say.
  const WORD = /^[\p{L}\p{N}\p{M}]$/u;
  const ranges: Array<[string, number, number]> = [
    ['U+0080 to U+036F', 0x80, 0x36f],
    ['U+2000 to U+20CF', 0x2000, 0x20cf],
    ['U+2190 to U+27BF', 0x2190, 0x27bf],
    ['U+4E00 to U+9FFF', 0x4e00, 0x9fff],
    ['U+AC00 to U+D7A3', 0xac00, 0xd7a3],
  ];
  it.each(ranges)('agrees with the Unicode letter, digit and mark classes from %s', (_range, from, to) => {
    const wrong: string[] = [];
    for (let code = from; code <= to; code++) {
      const ch = String.fromCharCode(code);
      const expected = WORD.test(ch) && code !== 0x2bc;
      if (isWordAt(ch, 0) !== expected) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('treats Latin-1 capitals after an elided article as capitals, and small letters not', () => {
    for (let code = 0xc0; code <= 0xff; code++) {
      const ch = String.fromCharCode(code);
      expect(isElision(`l’${ch}`, 0, 1), ch).toBe(/\p{Lu}/u.test(ch));
    }
  });

  it.each(['Médecins Sans Frontières', 'Sørensen', 'Ærø', 'Straße', 'Ελλάδα', 'עִבְרִית', 'e\u0301', 'İstanbul', '한국'])(
    'strips the diacritics of "%s" as character-by-character folding does',
    (text) => {
      expect(stripAllDiacritics(text)).toBe([...text].map((ch) => stripDiacritics(ch)).join(''));
    },
  );
});
