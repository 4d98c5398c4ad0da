import { describe, expect, it } from 'vitest';
import { RemoteMatches } from '../../../entrypoints/news.content/remote-matches';
import { createMatcher } from '../../../lib/match/matcher';
import { answerBlocks } from '../../../lib/match/remote';
import { compileSnapshot } from '../../../lib/match/snapshot';
import { WORLD } from './world';

const matcher = createMatcher(compileSnapshot('test', WORLD));

describe('matching in the background', () => {
  it('answers with the matches of each text and only the entities they name, related ones by id', () => {
    const answer = answerBlocks(matcher, ['Antony Blinken met Hamas.', 'Nothing here.', 'Hamas again.']);
    expect(answer.entities.map((entity) => entity.id)).toEqual(['antony-blinken', 'hamas']);
    expect(answer.matches.map((list) => list.map((match) => answer.entities[match.entities[0]!]!.id))).toEqual([
      ['antony-blinken', 'hamas'],
      [],
      ['hamas'],
    ]);
    const hamas = WORLD.find((entity) => entity.id === 'hamas')!;
    const related = answer.entities[1]!.related;
    for (const id of related) expect(WORLD.some((entity) => entity.id === id)).toBe(true);
    expect(related.length).toBeGreaterThanOrEqual((hamas.relations ?? []).length);
  });

  it("keeps the page's own entity table: the same entity keeps its index across answers, related ones get one on first sight", async () => {
    const asked: string[][] = [];
    const source = new RemoteMatches(
      async (texts) => (asked.push(texts), answerBlocks(matcher, texts)),
      ['person', 'organization', 'place', 'event'],
    );
    const [first] = await source.match(['Hamas answered.']);
    const hamas = first![0]!.entities[0]!;
    expect(source.entities[hamas]!.id).toBe('hamas');
    const relatedIds = source.entities[hamas]!.related.map((i) => source.entities[i]!.id);
    expect(relatedIds.length).toBeGreaterThan(0);
    const [second] = await source.match(['Israel and Hamas.']);
    const ids = second!.map((match) => source.entities[match.entities[0]!]!.id);
    expect(ids).toEqual(['israel', 'hamas']);
    expect(second![1]!.entities[0]).toBe(hamas);
    expect(new Set(source.entities.map((entity) => entity.id)).size).toBe(source.entities.length);
    expect(source.byId('israel')).toMatchObject({ name: 'Israel', kind: 'place' });
    expect(source.byId('hamas')).toMatchObject({ name: 'Hamas', kind: 'organization' });
    expect(source.byId('antony-blinken')).toBeUndefined();
    expect(asked).toEqual([['Hamas answered.'], ['Israel and Hamas.']]);
  });
});
