import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../lib/match/matcher';
import { compileSnapshot, type MatcherSnapshot } from '../../../lib/match/snapshot';
import { WORLD, cs, ctx, event, org, person, place } from './world';

/**
 * What the matcher finds in a text, before context gating, written as "surface→entity-id" (several
 * candidate ids joined by "|"), with a trailing "?" when the alias needs context to link, and
 * " (in …)" for a name inside a longer name.
 */
function spotter(snapshot: MatcherSnapshot) {
  const matcher = createMatcher(snapshot);
  return (text: string): string[] => {
    const matches = matcher.findMatches(text);
    return matches.map((match) => {
      const ids = match.entities.map((i) => snapshot.entities[i]!.id).join('|');
      const outer = matches[match.outer];
      const inside = outer ? ` (in ${text.slice(outer.start, outer.end)})` : '';
      return `${text.slice(match.start, match.end)}→${ids}${match.needsContext ? '?' : ''}${inside}`;
    });
  };
}

const spot = spotter(compileSnapshot('test', WORLD));

type Case = [behaviour: string, text: string, expected: string[]];

function table(cases: Case[]): void {
  it.each(cases)('%s', (_behaviour, text, expected) => {
    expect(spot(text)).toEqual(expected);
  });
}

describe('names, aliases, acronyms and surnames', () => {
  table([
    ['finds a full name', 'Antony Blinken arrived on Thursday.', ['Antony Blinken→antony-blinken']],
    ['finds an alias', 'Tony Blinken arrived on Thursday.', ['Tony Blinken→antony-blinken']],
    ['finds an acronym written in its own case', 'The WHO warned of famine.', ['WHO→world-health-organization']],
    ['finds a bare surname and marks it as needing context', 'Blinken spoke first.', ['Blinken→antony-blinken?']],
    [
      'finds a name inside a title ("Secretary of State Antony Blinken")',
      'Secretary of State Antony Blinken spoke.',
      ['Antony Blinken→antony-blinken'],
    ],
    ['finds a title+name alias with an abbreviated title ("Dr. Tedros")', 'Dr. Tedros warned again.', ['Dr. Tedros→tedros']],
    ['finds a title+name alias written without the full stop ("Dr Tedros")', 'Dr Tedros warned again.', ['Dr Tedros→tedros']],
    ['finds names of any case when the alias is not case-sensitive', 'HAMAS AND israel', ['HAMAS→hamas', 'israel→israel']],
    ['finds every mention, in document order', 'Hamas, Israel and Hamas again', ['Hamas→hamas', 'Israel→israel', 'Hamas→hamas']],
    [
      'finds spelling variants given as aliases ("Khan Yunis" / "Khan Younis")',
      'Khan Yunis, then Khan Younis',
      ['Khan Yunis→khan-younis', 'Khan Younis→khan-younis'],
    ],
    [
      'finds a British spelling given as an alias',
      'the World Health Organisation',
      ['World Health Organisation→world-health-organization'],
    ],
    ['finds a transliteration given as an alias ("Netanjahu")', 'Premier Netanjahu', ['Netanjahu→benjamin-netanyahu']],
    ['finds aliases written in other scripts (Cyrillic, Arabic)', 'Иран и ایران', ['Иран→iran', 'ایران→iran']],
    ['finds nothing in empty text', '', []],
  ]);
});

describe('acronyms and word boundaries', () => {
  table([
    ["does not link 'who' to the World Health Organization", 'Asked who would govern Gaza', ['Gaza→gaza-strip']],
    ["does not link 'Who' at the start of a sentence to the World Health Organization", 'Who decides?', []],
    ["does not link 'us' to the United States", 'He told us nothing.', []],
    ["does not link 'un' to the United Nations", 'an un official visit', []],
    ['links "US" and "UN" in their own case', 'US and UN officials', ['US→united-states', 'UN→united-nations']],
    ['does not find "UN" inside "UNESCO"', 'UNESCO staff', []],
    ['does not find a name at the start of a longer word ("Hamasville")', 'Hamasville is fictional.', []],
    ['does not find a name at the end of a longer word', 'proHamas rally', []],
    ['does not find a name next to a letter of another script ("ÄNetanyahu")', 'ÄNetanyahu and NetanyahuЖ', []],
    ['does not find a name next to a digit', 'UN2 and 2Hamas', []],
    ['does not find a name inside a longer word of another script', 'Иранский', []],
    ['finds a name next to a hyphen ("Hamas-run")', 'the Hamas-run ministry', ['Hamas→hamas']],
    ['finds a name after an elided French article ("d’Israël", "l’Iran")', 'd’Israël et l’Iran', ['Israël→israel', 'Iran→iran']],
    ['finds a name after an elided article with a straight apostrophe', "d'Israel", ['Israel→israel']],
  ]);
});

describe('possessives, quotes and apostrophes', () => {
  table([
    ['leaves a curly possessive out of the name ("Netanyahu’s")', 'Netanyahu’s office', ['Netanyahu→benjamin-netanyahu']],
    ['leaves a straight possessive out of the name ("Netanyahu\'s")', "Netanyahu's office", ['Netanyahu→benjamin-netanyahu']],
    ['leaves a possessive out of a full name ("Antony Blinken’s")', 'Antony Blinken’s trip', ['Antony Blinken→antony-blinken']],
    ['finds a name before a trailing apostrophe ("Hamas’")', 'Hamas’ leaders', ['Hamas→hamas']],
    ['finds a name before a trailing straight apostrophe ("Hamas\'")', "Hamas' leaders", ['Hamas→hamas']],
    ['finds a possessive acronym ("WHO’s")', 'the WHO’s chief', ['WHO→world-health-organization']],
    ['finds a possessive acronym in capitals ("WHO’S")', 'THE WHO’S CHIEF', ['WHO→world-health-organization']],
    [
      'finds the possessive of a name that also starts a longer alias ("Israel’s" beside "Israel’s Supreme Court")',
      'Israel’s army and Israel’s Supreme Court',
      ['Israel→israel', 'Israel’s Supreme Court→israeli-supreme-court', 'Israel→israel (in Israel’s Supreme Court)'],
    ],
    ['does not accept a possessive inside a name ("Antony’s Blinken")', 'Antony’s Blinken', ['Blinken→antony-blinken?']],
    ['finds a name in curly double quotes', 'the “Netanyahu” doctrine', ['Netanyahu→benjamin-netanyahu']],
    ['finds a name in curly single quotes', 'the ‘Hamas’ charter', ['Hamas→hamas']],
    ['finds a name in straight quotes', 'the "Hamas" charter', ['Hamas→hamas']],
    [
      'finds an alias with a curly apostrophe inside a word',
      'the State Attorney’s Office said',
      ['State Attorney’s Office→state-attorneys-office'],
    ],
    [
      'finds an alias with a straight apostrophe inside a word',
      "the State Attorney's Office said",
      ["State Attorney's Office→state-attorneys-office"],
    ],
    [
      'finds an alias with a nickname in curly quotes ("Michael “Erik” Kurilla")',
      'Gen. Michael “Erik” Kurilla',
      ['Michael “Erik” Kurilla→michael-kurilla'],
    ],
  ]);
});

describe('dashes, invisible characters, diacritics and spaces', () => {
  table([
    ['finds a hyphenated name ("Al-Shifa")', 'at Al-Shifa Hospital', ['Al-Shifa Hospital→al-shifa-hospital']],
    ['finds a hyphenated name written with a space ("Al Shifa")', 'at Al Shifa Hospital', ['Al Shifa Hospital→al-shifa-hospital']],
    ['finds a hyphenated name written with an en dash ("Al–Shifa")', 'at Al–Shifa', ['Al–Shifa→al-shifa-hospital']],
    [
      'finds a hyphenated name written with an em dash or a non-breaking hyphen',
      'Al—Shifa, Al\u2011Shifa',
      ['Al—Shifa→al-shifa-hospital', 'Al\u2011Shifa→al-shifa-hospital'],
    ],
    [
      'finds a hyphenated name written with a minus sign or a spaced dash',
      'Al\u2212Shifa, Al - Shifa',
      ['Al\u2212Shifa→al-shifa-hospital', 'Al - Shifa→al-shifa-hospital'],
    ],
    ['finds a name with a soft hyphen inside a word', 'Netan\u00adyahu spoke', ['Netan\u00adyahu→benjamin-netanyahu']],
    ['finds a name with a zero-width space inside a word', 'Ha\u200bmas said', ['Ha\u200bmas→hamas']],
    [
      'finds a name with a zero-width joiner or word joiner inside a word',
      'Is\u200drael and Is\u2060rael',
      ['Is\u200drael→israel', 'Is\u2060rael→israel'],
    ],
    ['leaves a trailing zero-width character out of the name', 'Hamas\u200b said', ['Hamas→hamas']],
    ['finds a name written with its diacritics ("António Guterres")', 'António Guterres said', ['António Guterres→antonio-guterres']],
    ['finds a name written without its diacritics ("Antonio Guterres")', 'Antonio Guterres said', ['Antonio Guterres→antonio-guterres']],
    ['finds a name written with combining accents', 'Anto\u0301nio Guterres said', ['Anto\u0301nio Guterres→antonio-guterres']],
    [
      'finds a name whose alias has diacritics in every word',
      'Medecins Sans Frontieres and Médecins Sans Frontières',
      ['Medecins Sans Frontieres→msf', 'Médecins Sans Frontières→msf'],
    ],
    ['finds a name across a run of spaces', 'Antony    Blinken', ['Antony    Blinken→antony-blinken']],
    [
      'finds a name across non-breaking and narrow spaces',
      'Antony\u00a0Blinken and Antony\u202f\u00a0Blinken',
      ['Antony\u00a0Blinken→antony-blinken', 'Antony\u202f\u00a0Blinken→antony-blinken'],
    ],
    ['finds a name across a line break', 'Antony\n      Blinken', ['Antony\n      Blinken→antony-blinken']],
  ]);
});

describe('gaps that are part of the name: commas, full stops, ampersands', () => {
  table([
    ['finds an alias with a comma ("Washington, D.C.")', 'in Washington, D.C. today', ['Washington, D.C.→washington-dc']],
    ['finds an alias with a comma and no full stops ("Washington, DC")', 'in Washington, DC today', ['Washington, DC→washington-dc']],
    ['finds a comma alias with no space after the comma', 'in Washington,DC today', ['Washington,DC→washington-dc']],
    ['does not match a comma alias where the text has no comma', 'in Washington DC today', ['Washington→united-states|washington-dc?']],
    [
      'does not match a comma alias across other punctuation',
      'Washington; DC and Washington,, DC',
      ['Washington→united-states|washington-dc?', 'Washington→united-states|washington-dc?'],
    ],
    ['does not match a space alias across a comma', 'in Gaza, City officials said', ['Gaza→gaza-strip']],
    ['does not match a space alias across a sentence break', 'in Gaza. City officials said', ['Gaza→gaza-strip']],
    [
      'takes in the full stop that closes an abbreviation ("U.S.")',
      'the U.S. and the U.N. agreed',
      ['U.S.→united-states', 'U.N.→united-nations'],
    ],
    ['finds an abbreviation before a hyphen ("U.S.-led")', 'a U.S.-led plan', ['U.S.→united-states']],
    [
      'finds an alias that starts with an abbreviation ("U.S. Department of State")',
      'the U.S. Department of State said',
      ['U.S. Department of State→us-state-department', 'U.S.→united-states (in U.S. Department of State)'],
    ],
    [
      'finds an alias with a full stop written without it ("Oct 7")',
      'since Oct. 7 and Oct 7',
      ['Oct. 7→october-7-attack?', 'Oct 7→october-7-attack?'],
    ],
    [
      'finds an initial written with a full stop when the alias has none ("Lloyd J. Austin")',
      'Lloyd J. Austin said',
      ['Lloyd J. Austin→lloyd-austin'],
    ],
    [
      'finds an initial written without a full stop when the alias has one ("Michael E Kurilla")',
      'Michael E Kurilla said',
      ['Michael E Kurilla→michael-kurilla'],
    ],
    [
      'finds an alias with an ampersand ("Johnson & Johnson")',
      'Johnson & Johnson shares',
      [
        'Johnson & Johnson→johnson-and-johnson',
        'Johnson→mike-johnson? (in Johnson & Johnson)',
        'Johnson→mike-johnson? (in Johnson & Johnson)',
      ],
    ],
    ['does not match an ampersand alias without the ampersand', 'Johnson and Johnson', ['Johnson→mike-johnson?', 'Johnson→mike-johnson?']],
  ]);
});

describe('overlaps: the longest match wins, leftmost first', () => {
  table([
    [
      'prefers the longer alias ("Gaza City" over "Gaza"); a name before "City" is the city\'s own',
      'in Gaza City and Gaza',
      ['Gaza City→gaza-city', 'Gaza→gaza-strip'],
    ],
    [
      'prefers a full event name over a context-needing date ("October 7 attack")',
      'the October 7 attack',
      ['October 7 attack→october-7-attack'],
    ],
    ['prefers a full name over a context-needing surname', 'Bill Burns and Burns', ['Bill Burns→william-burns', 'Burns→william-burns?']],
    [
      'prefers a three-word alias over a one-word alias it contains',
      'Johnson & Johnson, not Johnson',
      [
        'Johnson & Johnson→johnson-and-johnson',
        'Johnson→mike-johnson? (in Johnson & Johnson)',
        'Johnson→mike-johnson? (in Johnson & Johnson)',
        'Johnson→mike-johnson?',
      ],
    ],
    [
      'gives an alias shared by two entities both as candidates, needing context',
      'Washington said',
      ['Washington→united-states|washington-dc?'],
    ],
    ['reads adjacent names one after the other', 'US State Department', ['US→united-states', 'State Department→us-state-department']],
  ]);

  // Two aliases that overlap in the text: "New York" and "York City Council" in "New York City Council".
  const overlapping = [
    place('new-york', 'New York', ['New York']),
    org('york-council', 'York City Council', ['York City Council', 'City Council']),
  ];

  it('resolves overlapping aliases leftmost-longest: the alias that starts first wins', () => {
    const found = spotter(compileSnapshot('t', overlapping))('the New York City Council met');
    expect(found).toEqual(['New York→new-york', 'City Council→york-council']);
  });

  it('resolves overlaps the same way whatever the order of the dataset', () => {
    const text = 'the New York City Council met';
    const forward = spotter(compileSnapshot('t', overlapping))(text);
    const backward = spotter(compileSnapshot('t', [...overlapping].reverse()))(text);
    expect(backward).toEqual(forward);
  });

  it('resolves overlaps the same way every time', () => {
    const text = 'Washington, D.C. and Gaza City and Johnson & Johnson';
    expect(spot(text)).toEqual(spot(text));
  });
});

describe('names inside longer names', () => {
  const nestedWorld = compileSnapshot('nested', [
    ...WORLD,
    org('hamas-political-office', 'Hamas political office', ['Hamas political office']),
    org('un-security-council', 'UN Security Council', ['UN Security Council', cs('UNSC')]),
    org('biden-administration', 'Biden administration', ['Biden administration']),
    person('joe-biden', 'Joe Biden', ['Joe Biden', ctx('Biden')]),
    place('rafah', 'Rafah', ['Rafah']),
    place('doha', 'Doha', ['Doha']),
    event('rafah-offensive', 'Rafah offensive', '2024-05-06', ['Rafah offensive', ctx('ground operation in Rafah')]),
    event('israel-hamas-war', 'Israel-Hamas war', '2023-10-07', ['Israel-Hamas war']),
    event('un-vote', 'US UN Security Council resolution on Gaza', '2024-03-22', ['US UN Security Council resolution on Gaza']),
    event('talks', 'Gaza hostage negotiations', '2023-10-07', [ctx('negotiations in Doha'), 'Gaza hostage negotiations']),
  ]);
  const spotNested = spotter(nestedWorld);
  it.each<Case>([
    [
      'finds the place inside a context-needing operation ("ground operation in Rafah")',
      'a ground operation in Rafah',
      ['ground operation in Rafah→rafah-offensive?', 'Rafah→rafah (in ground operation in Rafah)'],
    ],
    [
      'finds both sides inside a war name ("Israel-Hamas war")',
      'the Israel-Hamas war',
      ['Israel-Hamas war→israel-hamas-war', 'Israel→israel (in Israel-Hamas war)', 'Hamas→hamas (in Israel-Hamas war)'],
    ],
    [
      'finds names inside names inside a name ("US UN Security Council resolution on Gaza")',
      'the US UN Security Council resolution on Gaza failed',
      [
        'US UN Security Council resolution on Gaza→un-vote',
        'US→united-states (in US UN Security Council resolution on Gaza)',
        'UN Security Council→un-security-council (in US UN Security Council resolution on Gaza)',
        'UN→united-nations (in UN Security Council)',
        'Gaza→gaza-strip (in US UN Security Council resolution on Gaza)',
      ],
    ],
    [
      'finds the person inside an administration ("the Biden administration")',
      'the Biden administration said',
      ['Biden administration→biden-administration', 'Biden→joe-biden? (in Biden administration)'],
    ],
    [
      'finds the city inside a context-needing phrase ("negotiations in Doha")',
      'negotiations in Doha resumed',
      ['negotiations in Doha→talks?', 'Doha→doha (in negotiations in Doha)'],
    ],
    [
      'finds the organisation inside its office ("Hamas political office"), with a possessive',
      'the Hamas political office’s statement',
      ['Hamas political office→hamas-political-office', 'Hamas→hamas (in Hamas political office)'],
    ],
    ['does not nest an alias of the same entity ("Gaza" inside "Gaza Strip")', 'the Gaza Strip', ['Gaza Strip→gaza-strip']],
    [
      'does not nest a shared alias one of whose entities is the outer ("Washington" in "Washington, D.C.")',
      'in Washington, D.C. today',
      ['Washington, D.C.→washington-dc'],
    ],
    ['finds nothing nested in a one-word name', 'Hamas said', ['Hamas→hamas']],
  ])('%s', (_behaviour, text, expected) => {
    expect(spotNested(text)).toEqual(expected);
  });

  it('lists every match in document order, a name before the names inside it', () => {
    const text = 'Rafah offensive, Israel-Hamas war, the Biden administration and Doha.';
    const matcher = createMatcher(nestedWorld);
    const starts = matcher.findMatches(text).map((match) => [match.start, -match.end]);
    expect(starts).toEqual([...starts].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
  });
});

describe('snapshots from before gaps were recorded', () => {
  it('still matches keys whose tokens are joined by spaces only', () => {
    const snapshot: MatcherSnapshot = {
      version: 'old',
      entities: [{ id: 'united-states', name: 'United States', kind: 'place', related: [] }],
      aliases: [['U S', 0, 1]],
    };
    expect(spotter(snapshot)('the U.S. said')).toEqual(['U.S.→united-states']);
  });
});

describe('many aliases sharing a first word', () => {
  // Forty organisations all called "The …": their first word is crowded, so they are also looked up by their second.
  const crowd = Array.from({ length: 40 }, (_, i) => org(`the-group-${i}`, `The Group ${i}`, [`The Group ${i}`]));
  const more = [
    org('the-hague-court', 'The Hague Court', ['The Hague Court', "The Hague Court's Registry"]),
    place('the-hague', 'The Hague', ['The Hague']),
    org('the-times', 'The', ['Theodore Fund']),
  ];
  const spotCrowd = spotter(compileSnapshot('crowd', [...crowd, ...more, org('the-word', 'The', ['The Thing'])]));

  it.each<[string, string, string[]]>([
    ['finds a crowded alias by its second word', 'Yesterday The Group 17 met.', ['The Group 17→the-group-17']],
    [
      'prefers the longest of the crowded aliases, the shorter nested in it',
      'The Hague Court ruled.',
      ['The Hague Court→the-hague-court', 'The Hague→the-hague (in The Hague Court)'],
    ],
    ['falls back to the shorter alias', 'In The Hague today.', ['The Hague→the-hague']],
    ['reads a possessive on the second word', 'The Hague’s mayor spoke.', ['The Hague→the-hague']],
    ['finds nothing for an unknown second word', 'The Weather turned.', []],
  ])('%s', (_behaviour, text, expected) => {
    expect(spotCrowd(text)).toEqual(expected);
  });
});
