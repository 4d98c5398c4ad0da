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
