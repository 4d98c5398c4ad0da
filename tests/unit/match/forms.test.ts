import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../../lib/dataset/validate';
import { PageContext, linkedOuter, type GateOptions } from '../../../lib/match/gate';
import { createMatcher } from '../../../lib/match/matcher';
import { compileSnapshot, spellings } from '../../../lib/match/snapshot';

/**
 * Forms of names that were missed or linked wrongly, checked with the bundled dataset over whole
 * pages: every block is read and established before any match is resolved, as the scan tool does.
 * Results are "surface→entity-id", with " (in outer-id)" for a name inside a longer linked name.
 */
const validation = validateDatasetText(readFileSync('data/backstory.json', 'utf8'));
if (!validation.ok) throw new Error('the bundled dataset does not validate');
const snapshot = compileSnapshot('bundled', validation.dataset.entities);
const matcher = createMatcher(snapshot);

function linked(blocks: string[], options: GateOptions = {}): string[] {
  const context = new PageContext(snapshot, options);
  const found = blocks.map((text) => matcher.findMatches(text));
  for (const matches of found) context.establish(matches);
  const out: string[] = [];
  blocks.forEach((text, b) => {
    const matches = found[b]!;
    const entities = matches.map((match) => context.resolve(match));
    matches.forEach((match, i) => {
      if (entities[i]! < 0) return;
      const outer = linkedOuter(matches, entities, i);
      const inside = outer >= 0 ? ` (in ${snapshot.entities[entities[outer]!]!.id})` : '';
      out.push(`${text.slice(match.start, match.end)}→${snapshot.entities[entities[i]!]!.id}${inside}`);
    });
  });
  return out;
}

/** A sentence that puts a page on the dataset's topic (Hamas, by its name), so that places may link. */
const TOPIC = 'Hamas answered the proposal.';

type Case = [behaviour: string, page: string[], expected: string[]];

function table(cases: Case[], options: GateOptions = {}): void {
  it.each(cases)('%s', (_behaviour, page, expected) => {
    expect(linked([TOPIC, ...page], options).slice(1)).toEqual(expected);
  });
}

describe('dotted acronyms inside longer names', () => {
  table([
    [
      'links "U.N. Security Council" to the council, with the U.N. inside it',
      ['The U.N. Security Council met.'],
      ['U.N. Security Council→un-security-council', 'U.N.→united-nations (in un-security-council)'],
    ],
    [
      'links "U.S. draft resolution" to the resolution once the page names it',
      ['The US-proposed resolution on Gaza failed.', 'The U.S. draft resolution was vetoed.'],
      [
        'US-proposed resolution on Gaza→us-un-security-council-ceasefire-resolution-march-2024',
        'US→united-states (in us-un-security-council-ceasefire-resolution-march-2024)',
        'Gaza→gaza-strip (in us-un-security-council-ceasefire-resolution-march-2024)',
        'U.S. draft resolution→us-un-security-council-ceasefire-resolution-march-2024',
        'U.S.→united-states (in us-un-security-council-ceasefire-resolution-march-2024)',
      ],
    ],
    ['still links "U.N." alone to the United Nations', ['The U.N. said so.'], ['U.N.→united-nations']],
  ]);

  it('spells an alias with its acronyms dotted as well as written', () => {
    expect(spellings('UN Security Council')).toEqual(['UN Security Council', 'U.N. Security Council']);
    expect(spellings('US-proposed resolution')).toEqual(['US-proposed resolution', 'U.S.-proposed resolution']);
    expect(spellings('Hamas')).toEqual(['Hamas']);
  });
});

describe('a title before a full name', () => {
  table([
    [
      'links "Dr. Tedros Adhanom Ghebreyesus" as one mention',
      ['Dr. Tedros Adhanom Ghebreyesus warned of famine.'],
      ['Dr. Tedros Adhanom Ghebreyesus→tedros-adhanom-ghebreyesus'],
    ],
    ['still links "Dr. Tedros" alone', ['Dr. Tedros warned of famine.'], ['Dr. Tedros→tedros-adhanom-ghebreyesus']],
  ]);
});

describe('strong local cues', () => {
  table(
    [
      [
        'links "the holy month of Ramadan" without other context',
        ['Talks were meant to end before the holy month of Ramadan.'],
        ['holy month of Ramadan→ramadan'],
      ],
      ['does not link a bare "Ramadan" without context', ['Talks were meant to end before Ramadan.'], []],
    ],
    { pageDate: '2024-02-15' },
  );

  it('does not link "the holy month of Ramadan" on a page published before Ramadan 2024', () => {
    expect(linked([TOPIC, 'The holy month of Ramadan began.'], { pageDate: '2015-06-18' }).slice(1)).toEqual([]);
  });
});

describe('dates that are not the event', () => {
  const context = 'The October 7 attack was condemned.';
  table([
    [
      'links "October 7" on a page that names the attack',
      [context, 'Since October 7, talks stalled.'],
      ['October 7 attack→october-7-attack', 'October 7→october-7-attack'],
    ],
    ['does not link a lowercase "october 7"', [context, 'the deadline is october 7 this year'], ['October 7 attack→october-7-attack']],
    ['does not link "October 7, 2015"', [context, 'On October 7, 2015, the plant opened.'], ['October 7 attack→october-7-attack']],
    ['does not link "7 October 2019"', [context, 'It rained on 7 October 2019.'], ['October 7 attack→october-7-attack']],
    [
      'links "October 7, 2023"',
      [context, 'On October 7, 2023, the attack began.'],
      ['October 7 attack→october-7-attack', 'October 7→october-7-attack'],
    ],
  ]);
});

describe('literal and metonymic place names, the same way for every capital', () => {
  const context = 'Antony Blinken spoke in Washington, D.C. and Cairo.';
  table([
    [
      'reads "a meeting in Washington" as the city',
      [context, 'They had a meeting in Washington.'],
      ['Antony Blinken→antony-blinken', 'Washington, D.C.→washington-dc', 'Cairo→cairo', 'Washington→washington-dc'],
    ],
    [
      'reads "Washington said" as the city, like "Cairo said"',
      [context, 'Washington said no, and Cairo said yes.'],
      ['Antony Blinken→antony-blinken', 'Washington, D.C.→washington-dc', 'Cairo→cairo', 'Washington→washington-dc', 'Cairo→cairo'],
    ],
    ['does not link "Washington" on a page that never names the city', ['Washington said no.'], []],
  ]);
});

describe('generic phrases are no names', () => {
  table([
    ['does not link "coalition forces" to an operation', ['Coalition forces shot down drones over the Red Sea.'], ['Red Sea→red-sea']],
    [
      'still links the operation by its name',
      ['Operation Prosperity Guardian began.'],
      ['Operation Prosperity Guardian→operation-prosperity-guardian'],
    ],
  ]);
});

describe('a surname that is also a common word', () => {
  const context = 'CIA Director William Burns flew to Cairo.';
  table([
    [
      'does not link "burns" the injury to William Burns, on a page that names him',
      [context, 'Children arrived with severe burns.'],
      ['CIA→cia', 'William Burns→william-burns', 'Cairo→cairo'],
    ],
    [
      'still links "Burns" the surname',
      [context, 'Burns met the mediators.'],
      ['CIA→cia', 'William Burns→william-burns', 'Cairo→cairo', 'Burns→william-burns'],
    ],
  ]);
});

describe('a full name with a middle initial', () => {
  table([['links "Antony J. Blinken" as one mention', ['Antony J. Blinken met the mediators.'], ['Antony J. Blinken→antony-blinken']]]);
});
