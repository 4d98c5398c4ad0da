import type { Alias, Entity } from '../../../lib/schema/dataset';

/**
 * A small world of real public names for matcher and gating tests. Summaries are placeholders:
 * only names, aliases and relations matter to mention spotting.
 */
type AliasSpec = string | Alias;

interface Links {
  /** Entity ids this one is related to (read both ways by the snapshot). */
  related?: string[];
}

const toAlias = (spec: AliasSpec): Alias => (typeof spec === 'string' ? { text: spec } : spec);
const relations = (links: Links) => (links.related ?? []).map((target) => ({ type: 'related-to' as const, target }));
const base = (id: string, name: string, aliases: AliasSpec[], links: Links) => ({
  id,
  name,
  aliases: aliases.map(toAlias),
  summary: `Test entity ${name}.`,
  relations: relations(links),
});

export const cs = (text: string): Alias => ({ text, caseSensitive: true });
export const ctx = (text: string): Alias => ({ text, needsContext: true });
export const shared = (text: string): Alias => ({ text, needsContext: true, ambiguous: true });

export function person(id: string, name: string, aliases: AliasSpec[], links: Links = {}): Entity {
  return { ...base(id, name, aliases, links), kind: 'person', roles: [{ title: 'Test role' }] };
}

export function org(id: string, name: string, aliases: AliasSpec[], links: Links = {}): Entity {
  return { ...base(id, name, aliases, links), kind: 'organization', orgType: 'other' };
}

export function place(id: string, name: string, aliases: AliasSpec[], links: Links = {}): Entity {
  return { ...base(id, name, aliases, links), kind: 'place', placeType: 'other' };
}

export function event(id: string, name: string, start: string, aliases: AliasSpec[], links: Links = {}): Entity {
  return { ...base(id, name, aliases, links), kind: 'event', eventType: 'other', start, place: 'israel' };
}

export const WORLD: Entity[] = [
  person('antony-blinken', 'Antony Blinken', ['Antony Blinken', 'Tony Blinken', ctx('Blinken')], { related: ['us-state-department'] }),
  org('us-state-department', 'US State Department', ['State Department', 'U.S. Department of State']),
  person('benjamin-netanyahu', 'Benjamin Netanyahu', ['Benjamin Netanyahu', 'Netanyahu', 'Netanjahu']),
  person('antonio-guterres', 'António Guterres', ['António Guterres']),
  person('michael-kurilla', 'Michael Kurilla', ['Michael Kurilla', 'Michael "Erik" Kurilla', 'Michael E. Kurilla']),
  person('tedros', 'Tedros Adhanom Ghebreyesus', ['Tedros Adhanom Ghebreyesus', 'Dr. Tedros']),
  person('lloyd-austin', 'Lloyd Austin', ['Lloyd Austin', 'Lloyd J Austin', ctx('Austin')], { related: ['pentagon', 'united-states'] }),
  org('pentagon', 'Pentagon', ['Pentagon', 'Department of Defense']),
  person('william-burns', 'William Burns', ['William Burns', 'Bill Burns', ctx('Burns')], { related: ['cia'] }),
  org('cia', 'Central Intelligence Agency', ['Central Intelligence Agency', cs('CIA')]),
  person('mike-johnson', 'Mike Johnson', ['Mike Johnson', ctx('Johnson')], { related: ['us-congress'] }),
  org('us-congress', 'United States Congress', ['Congress', 'US Congress']),
  org('johnson-and-johnson', 'Johnson & Johnson', ['Johnson & Johnson']),
  person('charles-michel', 'Charles Michel', ['Charles Michel', ctx('Michel')], { related: ['european-council', 'european-union'] }),
  org('european-council', 'European Council', ['European Council']),
  org('european-union', 'European Union', ['European Union', cs('EU')]),
  person('nate-evans', 'Nate Evans', ['Nate Evans', ctx('Evans')], { related: ['us-state-department'] }),
  org('world-health-organization', 'World Health Organization', ['World Health Organization', 'World Health Organisation', cs('WHO')]),
  org('united-nations', 'United Nations', ['United Nations', cs('UN'), cs('U.N.')]),
  org('hamas', 'Hamas', ['Hamas']),
  org('israeli-supreme-court', 'Supreme Court of Israel', ["Israel's Supreme Court"]),
  org('state-attorneys-office', "State Attorney's Office", ["State Attorney's Office"]),
  org('msf', 'Médecins Sans Frontières', ['Médecins Sans Frontières', 'Doctors Without Borders', cs('MSF')]),
  place('united-states', 'United States', ['United States', cs('US'), cs('U.S.'), shared('Washington')]),
  place('washington-dc', 'Washington, D.C.', ['Washington, D.C.', 'Washington, DC', shared('Washington')], { related: ['united-states'] }),
  place('israel', 'Israel', ['Israel']),
  place('gaza-strip', 'Gaza Strip', ['Gaza Strip', 'Gaza']),
  place('gaza-city', 'Gaza City', ['Gaza City']),
  place('al-shifa-hospital', 'Al-Shifa Hospital', ['Al-Shifa Hospital', 'Al-Shifa']),
  place('khan-younis', 'Khan Younis', ['Khan Younis', 'Khan Yunis']),
  place('iran', 'Iran', ['Iran', 'Иран', 'ایران']),
  event('october-7-attack', 'October 7 attack', '2023-10-07', ['October 7 attack', ctx('October 7'), ctx('Oct. 7'), ctx('7 October')], {
    related: ['hamas', 'israel'],
  }),
];
