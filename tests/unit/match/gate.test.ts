import { describe, expect, it } from 'vitest';
import { PageContext, type GateOptions } from '../../../lib/match/gate';
import { createMatcher } from '../../../lib/match/matcher';
import { compileSnapshot, type MatcherSnapshot } from '../../../lib/match/snapshot';
import { WORLD, org, person, place, shared } from './world';

/**
 * What links on a page made of these blocks, as "surface→entity-id", once the whole page is read:
 * every block establishes its entities first, then every match is resolved.
 */
function linker(snapshot: MatcherSnapshot) {
  const matcher = createMatcher(snapshot);
  return (blocks: string[], options: GateOptions = {}): string[] => {
    const context = new PageContext(snapshot, options);
    const found = blocks.map((text) => matcher.findMatches(text));
    for (const matches of found) context.establish(matches);
    const linked: string[] = [];
    blocks.forEach((text, b) => {
      for (const match of found[b]!) {
        const entity = context.resolve(match);
        if (entity >= 0) linked.push(`${text.slice(match.start, match.end)}→${snapshot.entities[entity]!.id}`);
      }
    });
    return linked;
  };
}

const linked = linker(compileSnapshot('test', WORLD));

type Case = [behaviour: string, page: string[], expected: string[]];

/** A block that puts a page on the test world's topic, so that its places (background) may link. */
const ON_TOPIC = 'Hamas answered.';

describe('context-needing surnames link only when the page gives context', () => {
  it.each<Case>([
    ["does not link 'Austin' on a page that never names Lloyd Austin", ['Austin said the plan was ready.'], []],
    [
      "links 'Austin' when the page names Lloyd Austin earlier",
      ['Lloyd Austin flew in.', 'Austin said the plan was ready.'],
      ['Lloyd Austin→lloyd-austin', 'Austin→lloyd-austin'],
    ],
    [
      "links 'Austin' when the page names Lloyd Austin only later",
      ['Austin said the plan was ready.', 'Lloyd Austin flew in.'],
      ['Austin→lloyd-austin', 'Lloyd Austin→lloyd-austin'],
    ],
    [
      "links 'Austin' when two related entities are named on the page",
      ['Austin spoke at the Pentagon about United States policy.'],
      ['Austin→lloyd-austin', 'Pentagon→pentagon', 'United States→united-states'],
    ],
    ["does not link 'Austin' when only one related entity is named", ['Austin visited the Pentagon.'], ['Pentagon→pentagon']],
    ["does not link 'Burns' on a page that never names William Burns", ['Burns was seen in Cairo.'], []],
    ["does not link 'Burns' with a single related entity", ['Burns met CIA staff.'], ['CIA→cia']],
    [
      "links 'Burns' when the page calls him Bill Burns",
      ['Bill Burns landed.', 'Burns met CIA staff.'],
      ['Bill Burns→william-burns', 'Burns→william-burns', 'CIA→cia'],
    ],
    ["does not link 'Johnson' on a page that never names Mike Johnson", ['Johnson won the match.'], []],
    [
      "links 'Johnson' when the page names Mike Johnson",
      ['Speaker Mike Johnson said so.', 'Johnson added more.'],
      ['Mike Johnson→mike-johnson', 'Johnson→mike-johnson'],
    ],
    ["does not link 'Michel' on a page that never names Charles Michel", ['Michel cooked dinner.'], []],
    [
      "links 'Michel' when the European Council and the European Union are named",
      ['Michel chaired the European Council.', 'The European Union agreed.'],
      ['Michel→charles-michel', 'European Council→european-council', 'European Union→european-union'],
    ],
    ["does not link 'Evans' on a page that never names Nate Evans", ['Evans scored twice.'], []],
    [
      "links 'Evans' when the page names Nate Evans",
      ['Nate Evans briefed reporters.', 'Evans declined to comment.'],
      ['Nate Evans→nate-evans', 'Evans→nate-evans'],
    ],
    ['does not let a context-needing mention give itself context', ['Blinken and Blinken and Blinken.'], []],
    [
      "links 'Blinken' when the page uses another full alias ('Tony Blinken')",
      ['Tony Blinken spoke.', 'Blinken left.'],
      ['Tony Blinken→antony-blinken', 'Blinken→antony-blinken'],
    ],
  ])('%s', (_behaviour, page, expected) => {
    expect(linked(page)).toEqual(expected);
  });
});

describe('dates and events: the page date matters', () => {
  const context = ['Hamas fighters crossed into Israel.'];
  it.each<Case>([
    [
      "links 'October 7' when its related entities are named and the page has no date",
      [...context, 'Since October 7, talks stalled.'],
      ['Hamas→hamas', 'Israel→israel', 'October 7→october-7-attack'],
    ],
    ["does not link 'October 7' without context", ['Since October 7, talks stalled.'], []],
  ])('%s', (_behaviour, page, expected) => {
    expect(linked(page)).toEqual(expected);
  });

  it.each<[string, string, boolean]>([
    ["does not link 'October 7' to the 2023 attack on a page dated 2015", '2015-06-01', false],
    ["does not link 'October 7' on a page dated the day before the attack", '2023-10-06', false],
    ["links 'October 7' on a page dated the day of the attack", '2023-10-07', true],
    ["links 'October 7' on a page dated after the attack", '2024-03-21', true],
    ["links 'October 7' on a page dated only to the year of the attack", '2023', true],
  ])('%s', (_behaviour, pageDate, links) => {
    const page = [...context, 'Since October 7, talks stalled.'];
    const found = linked(page, { pageDate });
    expect(found.includes('October 7→october-7-attack')).toBe(links);
  });

  it('does not gate a full event name by the page date', () => {
    expect(linked(['The October 7 attack was condemned.'], { pageDate: '2015-06-01' })).toEqual(['October 7 attack→october-7-attack']);
  });
});

describe('shared aliases go to the better-supported candidate', () => {
  it.each<Case>([
    [
      "links 'Washington' to the United States when the page names the United States",
      [ON_TOPIC, 'The United States voted.', 'Washington said no.'],
      ['Hamas→hamas', 'United States→united-states', 'Washington→united-states'],
    ],
    [
      "links 'Washington' to the city when the page names Washington, D.C.",
      [ON_TOPIC, 'It rained in Washington, D.C.', 'Washington was quiet.'],
      ['Hamas→hamas', 'Washington, D.C.→washington-dc', 'Washington→washington-dc'],
    ],
    [
      "links 'Washington' to nothing when both candidates are named (a tie)",
      [ON_TOPIC, 'The United States and Washington, DC.', 'Washington said no.'],
      ['Hamas→hamas', 'United States→united-states', 'Washington, DC→washington-dc'],
    ],
    ["links 'Washington' to nothing when neither candidate is named", [ON_TOPIC, 'Washington said no.'], ['Hamas→hamas']],
  ])('%s', (_behaviour, page, expected) => {
    expect(linked(page)).toEqual(expected);
  });

  it('links nothing when two candidates have the same number of related entities on the page', () => {
    const world = [
      org('acme', 'Acme', ['Acme']),
      org('globex', 'Globex', ['Globex']),
      person('jane-smith', 'Jane Smith', ['Jane Smith', shared('Smith')], { related: ['acme', 'globex'] }),
      person('john-smith', 'John Smith', ['John Smith', shared('Smith')], { related: ['acme', 'globex'] }),
    ];
    expect(linker(compileSnapshot('t', world))(['Acme and Globex.', 'Smith spoke.'])).toEqual(['Acme→acme', 'Globex→globex']);
  });

  it('links the candidate with more related entities on the page', () => {
    const world = [
      org('acme', 'Acme', ['Acme']),
      org('globex', 'Globex', ['Globex']),
      org('initech', 'Initech', ['Initech']),
      person('jane-smith', 'Jane Smith', ['Jane Smith', shared('Smith')], { related: ['acme', 'globex', 'initech'] }),
      person('john-smith', 'John Smith', ['John Smith', shared('Smith')], { related: ['acme', 'globex'] }),
    ];
    const found = linker(compileSnapshot('t', world))(['Acme, Globex and Initech.', 'Smith spoke.']);
    expect(found).toContain('Smith→jane-smith');
  });

  it('does not let an alias shared by two entities establish either of them', () => {
    const snapshot = compileSnapshot('test', WORLD);
    const context = new PageContext(snapshot);
    const matcher = createMatcher(snapshot);
    context.establish(matcher.findMatches('Washington said no.'));
    expect(context.established.size).toBe(0);
  });
});

describe('PageContext.establish', () => {
  it('reports whether the set of established entities grew', () => {
    const snapshot = compileSnapshot('test', WORLD);
    const matcher = createMatcher(snapshot);
    const context = new PageContext(snapshot);
    expect(context.establish(matcher.findMatches('Hamas said.'))).toBe(true);
    expect(context.establish(matcher.findMatches('Hamas said again.'))).toBe(false);
    expect(context.establish(matcher.findMatches('Blinken said.'))).toBe(false);
  });
});

describe('background entities link only on pages about the topic', () => {
  // In the test world, places are background by default; people and organisations are core.
  it.each<Case>([
    ['does not link countries on a page that names no core entity', ['Iran and Israel signed a trade deal.'], []],
    [
      'does not link a country when the only core entity is named by a nickname',
      ['Tony Blinken visited Iran.'],
      ['Tony Blinken→antony-blinken'],
    ],
    ['does not count a core entity named only by a context-needing alias', ['Blinken visited Iran.'], []],
    ['links a country once one core entity is named by its display name', ['Hamas met officials from Iran.'], ['Hamas→hamas', 'Iran→iran']],
    [
      'links a country once two distinct core entities are named',
      ['Tony Blinken visited Iran.', 'CIA staff went too.'],
      ['Tony Blinken→antony-blinken', 'Iran→iran', 'CIA→cia'],
    ],
    [
      'links countries named before the topic appears, once it does',
      ['Iran and Israel spoke.', 'Later, Hamas answered.'],
      ['Iran→iran', 'Israel→israel', 'Hamas→hamas'],
    ],
    ['still needs context for a shared alias on a page on topic', ['Hamas said so.', 'Washington said no.'], ['Hamas→hamas']],
  ])('%s', (_behaviour, page, expected) => {
    expect(linked(page)).toEqual(expected);
  });

  it('follows the salience a dataset sets over the default by kind', () => {
    const world = [
      { ...org('un', 'United Nations', ['United Nations']), salience: 'background' as const },
      { ...place('gaza', 'Gaza Strip', ['Gaza Strip']), salience: 'core' as const },
      place('spain', 'Spain', ['Spain']),
    ];
    const link = linker(compileSnapshot('t', world));
    expect(link(['The United Nations met in Spain.'])).toEqual([]);
    expect(link(['The United Nations met in Spain about the Gaza Strip.'])).toEqual([
      'United Nations→un',
      'Spain→spain',
      'Gaza Strip→gaza',
    ]);
  });

  it('gates nothing in a dataset without background entities', () => {
    const world = [org('acme', 'Acme', ['Acme Corporation']), org('globex', 'Globex', ['Globex'])];
    expect(linker(compileSnapshot('t', world))(['Acme Corporation sued Globex.'])).toEqual(['Acme Corporation→acme', 'Globex→globex']);
  });

  it('links the places of a dataset that has nothing but places', () => {
    const world = [place('spain', 'Spain', ['Spain']), place('france', 'France', ['France'])];
    expect(linker(compileSnapshot('t', world))(['Spain beat France.'])).toEqual(['Spain→spain', 'France→france']);
  });

  it('reports the topic turning on as a change, even when no new entity is established', () => {
    const snapshot = compileSnapshot('test', WORLD);
    const matcher = createMatcher(snapshot);
    const context = new PageContext(snapshot);
    expect(context.establish(matcher.findMatches('Tony Blinken spoke.'))).toBe(true);
    expect(context.topical).toBe(false);
    expect(context.establish(matcher.findMatches('Antony Blinken spoke again.'))).toBe(true);
    expect(context.topical).toBe(true);
  });
});
