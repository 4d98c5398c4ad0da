import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARD_FACES, CARD_FONT_FAMILIES } from '../../../components/card-fonts';

const CSS_WIDE = new Set(['inherit', 'initial', 'unset', 'revert', 'revert-layer']);
const css = readFileSync(new URL('../../../components/card.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** Every value card.css gives a property, CSS-wide keywords (`font: inherit`) left out. */
function values(property: string): string[] {
  const pattern = new RegExp(`(?:^|[;{\\s])${property}\\s*:\\s*([^;}]+)`, 'g');
  // Declarations may be written over several lines: white space is collapsed first.
  return [...css.matchAll(pattern)].map((match) => match[1]!.replace(/\s+/g, ' ').trim()).filter((value) => !CSS_WIDE.has(value));
}

/** A `font` shorthand split into what comes before the size (style, weight) and the family list. */
function shorthand(value: string): { before: string[]; families: string } {
  const match = /^(.*?)\b\d+(?:\.\d+)?(?:px|em|rem|pt|%)(?:\/\S+)?\s+(.+)$/.exec(value);
  if (!match) throw new Error(`unexpected font shorthand in card.css: ${value}`);
  return { before: match[1]!.split(/\s+/).filter(Boolean), families: match[2]! };
}

const familyLists = [...values('font').map((value) => shorthand(value).families), ...values('font-family')].map((list) =>
  list.split(',').map((family) => family.trim().replace(/^(['"])(.*)\1$/, '$2')),
);
const cssFamilies = new Set(familyLists.flat());

describe('the card’s fonts', () => {
  it('card.css names some font families (the check below reads it)', () => {
    expect(familyLists.length).toBeGreaterThan(0);
  });

  it('every family card.css names is one the card warms up', () => {
    expect([...cssFamilies].filter((family) => !(CARD_FONT_FAMILIES as readonly string[]).includes(family))).toEqual([]);
  });

  it('every family the card warms up is one card.css names', () => {
    expect(CARD_FONT_FAMILIES.filter((family) => !cssFamilies.has(family))).toEqual([]);
  });

  it('card.css lists the families in the warm-up’s order, so both pick the same face', () => {
    for (const list of familyLists) expect(list).toEqual([...CARD_FONT_FAMILIES]);
  });

  it('every weight and style card.css sets is among the faces warmed up', () => {
    const set = [...values('font-weight'), ...values('font-style'), ...values('font').flatMap((value) => shorthand(value).before)];
    const warmed = new Set(CARD_FACES.flatMap((face) => face.split(' ')));
    expect(set.filter((token) => token !== 'normal' && !warmed.has(token))).toEqual([]);
  });
});
