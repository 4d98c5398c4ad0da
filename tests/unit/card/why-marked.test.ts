import { describe, expect, it } from 'vitest';
import { whyMarked, type MarkFacts } from '../../../lib/card/why-marked';

const base: MarkFacts = { text: 'Benjamin Netanyahu', name: 'Benjamin Netanyahu', needsContext: false, namedInFull: true };

describe('why a mark is on the page', () => {
  it.each<[string, Partial<MarkFacts>, string]>([
    ['names the display name as it matched', {}, 'Marked for its name, “Benjamin Netanyahu”.'],
    ['treats a possessive and case as the same name', { text: 'benjamin netanyahu’s' }, 'Marked for its name, “benjamin netanyahu’s”.'],
    ['names the alias when it is not the display name', { text: 'Bibi' }, 'Marked for “Bibi”, a name of Benjamin Netanyahu.'],
    [
      'says a short alias linked because the page names the entity in full',
      { text: 'Netanyahu', needsContext: true },
      'Marked for “Netanyahu”, which alone could mean others: the page also names Benjamin Netanyahu.',
    ],
    [
      'says a short alias linked through related entities on the page',
      { text: 'Netanyahu', needsContext: true, namedInFull: false },
      'Marked for “Netanyahu”, which alone could mean others: the page names people and places tied to Benjamin Netanyahu.',
    ],
  ])('%s', (_behaviour, change, expected) => {
    expect(whyMarked({ ...base, ...change }).because).toBe(expected);
  });

  it('passes on the longer name a mark sits inside, and none otherwise', () => {
    const partOf = { id: 'rafah-offensive', name: 'Rafah offensive', kind: 'event' as const };
    expect(whyMarked({ ...base, text: 'Rafah', name: 'Rafah', partOf }).partOf).toEqual(partOf);
    expect(whyMarked(base).partOf).toBeUndefined();
  });
});
