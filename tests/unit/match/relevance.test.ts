import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../../lib/dataset/validate';
import { createMatcher } from '../../../lib/match/matcher';
import { compileSnapshot, type MatcherSnapshot } from '../../../lib/match/snapshot';
import { pageFromHtml } from '../../../lib/scan/page';
import { scanBlocks } from '../../../lib/scan/scan';

/**
 * Topic gating over whole pages, with the bundled dataset: pages about other subjects that name
 * countries, cities and the UN stay (almost) unmarked; pages about the talks keep every mark they
 * would have without topic gating.
 */
const validation = validateDatasetText(readFileSync('data/backstory.json', 'utf8'));
if (!validation.ok) throw new Error('the bundled dataset does not validate');
const gated = compileSnapshot('bundled', validation.dataset.entities);
/** The same snapshot with every entity core: what linked before topic gating. */
const ungated: MatcherSnapshot = { ...gated, entities: gated.entities.map(({ background: _background, ...entity }) => entity) };

function marks(snapshot: MatcherSnapshot, file: string): string[] {
  const page = pageFromHtml(readFileSync(`tests/fixtures/relevance/${file}`, 'utf8'));
  const mentions = scanBlocks(createMatcher(snapshot), page.blocks, page.pageDate ? { pageDate: page.pageDate } : {});
  return mentions.map((m) => `${m.start}:${m.text}→${m.entityId}`);
}

/** At most this many marks on a page about something else. */
const OFF_TOPIC_MARKS = 2;

describe('pages about other subjects stay quiet', () => {
  it.each([
    ['a football report naming a dozen countries', 'off-sport.html'],
    ['a technology story naming countries, cities, the EU and apps', 'off-technology.html'],
    ['a spacecraft story naming Russia again and again', 'off-science.html'],
    ['an encyclopedia entry naming the United Kingdom and the United Nations many times', 'off-encyclopedia.html'],
    ['an opinion piece naming countries, Washington and the Pentagon', 'off-opinion.html'],
  ])('%s (%s)', (_behaviour, file) => {
    // The page does name background entities: without topic gating it would be marked.
    expect(marks(ungated, file).length).toBeGreaterThan(5);
    expect(marks(gated, file).length).toBeLessThanOrEqual(OFF_TOPIC_MARKS);
  });
});

describe('pages about the talks keep every mark', () => {
  it.each([
    ['a report naming the actors of the talks', 'on-report.html', 15],
    ['a one-paragraph brief whose only core entity is Hamas', 'on-brief.html', 4],
    ['a live page whose first updates name only countries and cities', 'on-late-topic.html', 10],
  ])('%s (%s)', (_behaviour, file, atLeast) => {
    const before = marks(ungated, file);
    expect(before.length).toBeGreaterThanOrEqual(atLeast);
    expect(marks(gated, file)).toEqual(before);
  });
});
