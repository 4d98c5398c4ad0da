import { describe, expect, it } from 'vitest';
import { correctionWords, PageRules, withoutCorrected, type Correction } from '../../../lib/corrections/rules';
import { createMatcher } from '../../../lib/match/matcher';
import { answerBlocks, type MatchAnswer } from '../../../lib/match/remote';
import { compileSnapshot } from '../../../lib/match/snapshot';
import { event, org, place, WORLD } from '../match/world';

const matcher = createMatcher(
  compileSnapshot('corrections', [
    ...WORLD,
    place('rafah', 'Rafah', ['Rafah']),
    event('rafah-offensive', 'Rafah offensive', '2024-05-06', ['Rafah offensive']),
    event('israel-hamas-war', 'Israel-Hamas war', '2023-10-07', ['Israel-Hamas war']),
    org('hamas-political-office', 'Hamas political office', ['Hamas political office']),
  ]),
);

const PAGE = new URL('https://www.example-news.com/2024/05/06/story?ref=front#top');

function correction(fields: Partial<Correction> & { entity: string }): Correction {
  return { id: `c-${Math.random()}`, entityName: fields.entity, createdAt: '2024-05-07T00:00:00.000Z', ...fields };
}

/** Each match as "text→entity (in outer text)", the way the matcher tests read. */
function read(answer: MatchAnswer, texts: string[]): string[][] {
  return answer.matches.map((list, t) =>
    list.map((match) => {
      const outer = match.outer >= 0 ? ` (in ${texts[t]!.slice(list[match.outer]!.start, list[match.outer]!.end)})` : '';
      const ids = match.entities.map((index) => answer.entities[index]!.id).join('|');
      return `${texts[t]!.slice(match.start, match.end)}→${ids}${outer}`;
    }),
  );
}

function corrected(texts: string[], corrections: Correction[], url: URL | null = PAGE): string[][] {
  return read(withoutCorrected(answerBlocks(matcher, texts), texts, new PageRules(corrections, url)), texts);
}

describe('corrections of marks', () => {
  const texts = ['Antony Blinken flew to Rafah.', 'The Rafah offensive began; Blinken’s aides left.'];

  it('without corrections, the answer is left as it is', () => {
    const answer = answerBlocks(matcher, texts);
    expect(withoutCorrected(answer, texts, new PageRules([], PAGE))).toBe(answer);
  });

  it('hides the corrected words for the entity, wherever the words are written alike (case, possessive)', () => {
    expect(corrected(texts, [correction({ entity: 'antony-blinken', words: correctionWords('BLINKEN') })])).toEqual([
      ['Antony Blinken→antony-blinken', 'Rafah→rafah'],
      ['Rafah offensive→rafah-offensive', 'Rafah→rafah (in Rafah offensive)'],
    ]);
  });

  it('"Don’t mark" hides every mark of the entity, by any of its names', () => {
    expect(corrected(texts, [correction({ entity: 'antony-blinken' })])).toEqual([
      ['Rafah→rafah'],
      ['Rafah offensive→rafah-offensive', 'Rafah→rafah (in Rafah offensive)'],
    ]);
  });

  it('applies a page correction on that page only (whatever its query or fragment), a site one on the site only', () => {
    const onPage = correction({ entity: 'rafah', words: 'rafah', page: 'https://www.example-news.com/2024/05/06/story' });
    const onSite = correction({ entity: 'rafah', words: 'rafah', site: 'example-news.com' });
    const elsewhere = new URL('https://other.example/story');
    const sameSite = new URL('https://example-news.com/another');
    expect(corrected(['Rafah'], [onPage])).toEqual([[]]);
    expect(corrected(['Rafah'], [onPage], sameSite)).toEqual([['Rafah→rafah']]);
    expect(corrected(['Rafah'], [onSite], sameSite)).toEqual([[]]);
    expect(corrected(['Rafah'], [onSite], elsewhere)).toEqual([['Rafah→rafah']]);
    // A page whose address cannot be read gets only the corrections that apply everywhere.
    expect(corrected(['Rafah'], [onSite, correction({ entity: 'antony-blinken' })], null)).toEqual([['Rafah→rafah']]);
  });

  it('keeps the names inside a corrected longer name, and their place in the list', () => {
    expect(corrected(['The Israel-Hamas war went on.'], [correction({ entity: 'israel-hamas-war', words: 'israel hamas war' })])).toEqual([
      ['Israel→israel', 'Hamas→hamas'],
    ]);
    // Two levels: the inner name then counts as inside the next longer one still there.
    const deep = ['Hamas political office staff in the Israel-Hamas war'];
    expect(corrected(deep, [correction({ entity: 'hamas', words: 'hamas' })])).toEqual([
      ['Hamas political office→hamas-political-office', 'Israel-Hamas war→israel-hamas-war', 'Israel→israel (in Israel-Hamas war)'],
    ]);
    expect(corrected(['Rafah offensive, Rafah'], [correction({ entity: 'rafah-offensive' })])).toEqual([['Rafah→rafah', 'Rafah→rafah']]);
  });

  it('folds words as pages write them', () => {
    expect(correctionWords('Blinken’s')).toBe('blinken');
    expect(correctionWords('  Israel-Hamas   War ')).toBe('israel hamas war');
    expect(correctionWords('Ḥamás')).toBe('hamas');
  });
});
