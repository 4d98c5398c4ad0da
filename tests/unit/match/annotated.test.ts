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

/**
 * Decoys the engine still links (see README, "Relevance"). A known name that is a piece of a longer
 * name the data lacks ("Denzel Washington", "Salvation Army") is left out (lib/match/name-edges.ts);
 * these are not pieces of a name by their capitals: a city before its state, an acronym with another
 * meaning, an institution of another country. Listed so that a new one fails and a fixed one is
 * struck off.
 */
const KNOWN_DECOY_LINKS = [
  'Austin→lloyd-austin', // Austin, Texas
  'ISA→israel-security-agency', // a British savings account
  'Supreme Court→israeli-supreme-court', // the U.S. Supreme Court
];

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

  it('links no decoy but the known ones, and every known one is still a decoy it links', () => {
    expect(linked).toEqual(KNOWN_DECOY_LINKS);
  });

  it('links with precision of at least 0.98 once the known decoy links are set aside', () => {
    expect(t.correct / (t.found - linked.length)).toBeGreaterThanOrEqual(0.98);
  });

  // The target, not met yet: kept as an expected failure, to be turned into a plain test
  // when the list above is empty.
  it.fails('links no decoy at all, with precision of at least 0.98 (issue #17 target)', () => {
    expect(linked).toEqual([]);
    expect(t.precision).toBeGreaterThanOrEqual(0.98);
  });
});
