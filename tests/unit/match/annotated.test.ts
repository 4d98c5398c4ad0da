import { describe, expect, it } from 'vitest';
import { scoreFixtures, setOf, totals } from '../../relevance/score';

/**
 * Quality thresholds of the mention engine over fixed annotated text (issue #17), with the bundled
 * dataset and the scan tool's path: tests/fixtures/annotated, scored by tests/relevance/score.ts.
 * `npm run relevance` prints the same figures with every false positive and miss in context.
 */
const scores = scoreFixtures();
const articles = scores.filter((score) => setOf(score.name) === 'articles');
const variants = scores.filter((score) => setOf(score.name) === 'variants');

describe('annotated article text', () => {
  const t = totals(articles);

  it('has enough annotated mentions to measure', () => {
    expect(articles.length).toBeGreaterThanOrEqual(5);
    expect(t.expected).toBeGreaterThanOrEqual(250);
  });

  it('links with precision of at least 0.98', () => {
    expect(t.precision).toBeGreaterThanOrEqual(0.98);
  });

  it('finds mentions with recall of at least 0.98', () => {
    expect(t.recall).toBeGreaterThanOrEqual(0.98);
  });
});

describe('name variants and decoys', () => {
  const t = totals(variants);
  const linked = variants.flatMap((score) => score.decoysLinked.map((m) => `${m.text}→${m.entityId}`));

  it('finds variant forms with recall of at least 0.95', () => {
    expect(t.decoys).toBeGreaterThanOrEqual(15);
    expect(t.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('links no decoy (a name of the data used in another sense)', () => {
    expect(linked).toEqual([]);
  });

  it('links with precision of at least 0.98', () => {
    expect(t.precision).toBeGreaterThanOrEqual(0.98);
  });
});
