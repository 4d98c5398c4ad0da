import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../../lib/dataset/validate';
import { createMatcher } from '../../../lib/match/matcher';
import { compileSnapshot } from '../../../lib/match/snapshot';

const validation = validateDatasetText(readFileSync('data/backstory.json', 'utf8'));
if (!validation.ok) throw new Error('the bundled dataset does not validate');
const snapshot = compileSnapshot('bundled', validation.dataset.entities);
const matcher = createMatcher(snapshot);

/** Each match as "text→first candidate" (nested ones too), before context gating. */
function spot(text: string): string[] {
  return matcher.findMatches(text).map((m) => `${text.slice(m.start, m.end)}→${snapshot.entities[m.entities[0]!]!.id}`);
}

describe('a known name that is a piece of a longer unknown name is no mention', () => {
  it.each([
    ['a first name before it', 'The actor Denzel Washington visited.', 'Washington'],
    ['a word after it', 'Students at George Washington University marched.', 'Washington'],
    ['a place used as a first name', 'The writer Jordan Peterson replied.', 'Jordan'],
    ['a place used as a first name, the name of a minister', 'Minister Israel Katz said so.', 'Israel'],
    ['a newspaper named for a city', 'The Washington Post reported it.', 'Washington'],
    ['a surname after another first name', 'Columnist Nahum Barnea wrote.', 'Barnea'],
    ['a generic word after another word', 'The Salvation Army helped.', 'Army'],
  ])('%s ("%s")', (_case, text, piece) => {
    expect(spot(text).some((found) => found.startsWith(`${piece}→`))).toBe(false);
  });
});

describe('the words next to names in news prose do not make them pieces of another name', () => {
  it.each([
    ['a title before the name', 'Israeli Prime Minister Benjamin Netanyahu spoke.', 'Prime Minister Benjamin Netanyahu→benjamin-netanyahu'],
    ['a title before the name, on its own', 'Director William Burns said so.', 'William Burns→william-burns'],
    ['a title after a country', 'US Secretary of State Antony Blinken flew in.', 'US→united-states'],
    ['a hyphenated title', 'UN Secretary-General António Guterres spoke.', 'UN→united-nations'],
    ['a hyphenated title before the name', 'UN Secretary-General António Guterres spoke.', 'António Guterres→antonio-guterres'],
    ['a possessive before the name', 'Egypt’s Abbas Kamel arrived.', 'Abbas Kamel→abbas-kamel'],
    ['the first word of a sentence', 'It rained. Yesterday Netanyahu said no.', 'Netanyahu→benjamin-netanyahu'],
    ['a day after the name', 'Hamas Thursday rejected it.', 'Hamas→hamas'],
    ['an acronym after the name', 'in Washington DC today', 'Washington→washington-dc'],
    ['another name right after', 'At talks in Doha Hamas officials said no.', 'Doha→doha'],
    ['a headline in Title Case', 'Israel And Hamas Agree To Extend The Truce', 'Israel→israel'],
    ['a headline in capitals', 'ISRAEL AND HAMAS AGREE', 'HAMAS→hamas'],
    ['a name inside a known longer name', 'The Israel Defense Forces said.', 'Israel→israel'],
  ])('%s ("%s")', (_case, text, expected) => {
    expect(spot(text)).toContain(expected);
  });
});

describe('other forms that say a known name is not meant', () => {
  it.each([
    ['a town before its state', 'A lawyer from Austin, Texas, sued.', 'Austin'],
    ['a town before its state, without the second comma', 'The Austin, Texas lawyer sued.', 'Austin'],
    ['a town named after a city', 'She grew up in Cairo, Illinois.', 'Cairo'],
    ['a name used as a common noun', 'He put his savings into an ISA.', 'ISA'],
    ['a name used as a common noun, before a comma', 'Open an ISA, the bank said.', 'ISA'],
    ['a city’s own name before "City"', 'Strikes hit Gaza City overnight.', 'Gaza'],
    ['the generic name of another country’s body', 'The U.S. Supreme Court ruled.', 'Supreme Court'],
  ])('%s ("%s")', (_case, text, piece) => {
    expect(spot(text).some((found) => found.startsWith(`${piece}→`))).toBe(false);
  });

  it.each([
    ['a list of places with a country that is also a state', 'Israel, Georgia and Armenia signed.', 'Israel→israel'],
    ['a list of cities with one that is also a state', 'Talks in Cairo, New York and Doha went on.', 'Cairo→cairo'],
    ['a list that goes on after the state', 'Israel, Texas and Florida sent aid.', 'Israel→israel'],
    ['a state’s name that goes on ("Texas-born")', 'Lloyd Austin, Texas-born, spoke.', 'Lloyd Austin→lloyd-austin'],
    ['an article before a name that goes on', 'An ISA spokesman said so.', 'ISA→israel-security-agency'],
    ['an article before a phrase', 'They feared a ground operation in Rafah.', 'Rafah→rafah'],
    ['the city itself', 'Strikes hit Gaza City overnight.', 'Gaza City→gaza-city'],
    ['a body named after its own country', 'The Israel Supreme Court ruled.', 'Supreme Court→israeli-supreme-court'],
    [
      'a body whose data gives the qualified name',
      'The U.S. National Security Council met.',
      'U.S. National Security Council→us-national-security-council',
    ],
    ['a name of its own after a country', 'The Israel Hamas war went on.', 'Hamas→hamas'],
  ])('%s ("%s")', (_case, text, expected) => {
    expect(spot(text)).toContain(expected);
  });
});
