import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateDatasetText } from '../../lib/dataset/validate';
import { createMatcher, type Matcher } from '../../lib/match/matcher';
import { compileSnapshot } from '../../lib/match/snapshot';
import { scanBlocks, type ScanMention } from '../../lib/scan/scan';
import { parseAnnotated, type AnnotatedText, type Span } from './annotations';

/**
 * Precision and recall of the mention engine over annotated text: the scan tool's own path (the
 * bundled dataset compiled as the CLI compiles it, `scanBlocks` with topic gating and the page's date).
 *
 * When a match is the annotated mention:
 * - same entity, same start, same end. A possessive is never part of a mention: the engine leaves
 *   "’s" (and a trailing "’") out of the span (`endOf` in lib/match/matcher.ts), and annotations
 *   leave it out too, so a span that takes it in counts as wrong.
 * - a title before a name does not change the mention: the dataset gives some title forms as aliases
 *   ("Prime Minister Benjamin Netanyahu", "Secretary Blinken", "Dr. Tedros") and the engine then
 *   reports the title with the name, as one mention (tests/unit/match/forms.test.ts). Annotations
 *   mark the name as a reader would; a leading title (TITLE below) is set aside on both sides
 *   before spans are compared.
 */
const TITLE =
  /^(?:(?:Israeli |U\.?S\.? |Egyptian |Qatari )?(?:Prime Minister|President|Secretary of State|Secretary|Dr\.?|Sheikh|Ambassador|Rear Admiral|Rear Adm\.|Speaker)\s+)/;

export interface Found {
  start: number;
  end: number;
  entityId: string;
  text: string;
}

export interface Score {
  name: string;
  style: string;
  /** Annotated mentions. */
  expected: number;
  /** Linked mentions. */
  found: number;
  correct: number;
  falsePositives: Found[];
  misses: Span[];
  /** Linked mentions that overlap a decoy. */
  decoysLinked: Found[];
  decoys: number;
  /** The extracted text, for context around mistakes. */
  text: string;
}

let bundled: Matcher | undefined;

/** The bundled dataset's matcher, compiled as the scan tool compiles it. */
export function bundledMatcher(): Matcher {
  if (bundled) return bundled;
  const validation = validateDatasetText(readFileSync('data/backstory.json', 'utf8'));
  if (!validation.ok) throw new Error('the bundled dataset does not validate');
  const { dataset } = validation;
  bundled = createMatcher(compileSnapshot(`${dataset.id}@${dataset.version}`, dataset.entities));
  return bundled;
}

/** Where a mention's name starts once a leading title is set aside. */
function nameStart(start: number, text: string): number {
  const title = TITLE.exec(text);
  return title ? start + title[0].length : start;
}

function keyOf(span: { start: number; end: number; entityId: string; text: string }): string {
  return `${nameStart(span.start, span.text)}:${span.end}:${span.entityId}`;
}

export function scoreText(name: string, annotated: AnnotatedText, matcher: Matcher = bundledMatcher()): Score {
  const { date } = annotated.meta;
  const mentions: ScanMention[] = scanBlocks(matcher, annotated.blocks, date ? { pageDate: date } : {});
  const found: Found[] = mentions.map(({ start, end, entityId, text }) => ({ start, end, entityId, text }));
  const expected = new Map(annotated.mentions.map((span) => [keyOf(span), span]));
  const matched = new Set<string>();
  const falsePositives: Found[] = [];
  for (const mention of found) {
    const key = keyOf(mention);
    if (expected.has(key) && !matched.has(key)) matched.add(key);
    else falsePositives.push(mention);
  }
  const misses = annotated.mentions.filter((span) => !matched.has(keyOf(span)));
  const decoysLinked = found.filter((mention) => annotated.decoys.some((decoy) => mention.start < decoy.end && decoy.start < mention.end));
  return {
    name,
    style: annotated.meta.style ?? '',
    expected: annotated.mentions.length,
    found: found.length,
    correct: matched.size,
    falsePositives,
    misses,
    decoysLinked,
    decoys: annotated.decoys.length,
    text: annotated.blocks.join('\n'),
  };
}

export const ANNOTATED_DIR = 'tests/fixtures/annotated';

/** The fixture sets: articles, and name variants with decoys (files named `variants-*`). */
export type FixtureSet = 'articles' | 'variants';

export function setOf(file: string): FixtureSet {
  return file.startsWith('variants-') ? 'variants' : 'articles';
}

export function scoreFixtures(dir = ANNOTATED_DIR): Score[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => scoreText(file, parseAnnotated(readFileSync(join(dir, file), 'utf8'))));
}

export interface Totals {
  expected: number;
  found: number;
  correct: number;
  decoys: number;
  decoysLinked: number;
  precision: number;
  recall: number;
}

export function totals(scores: readonly Score[]): Totals {
  const sum = (pick: (score: Score) => number) => scores.reduce((total, score) => total + pick(score), 0);
  const expected = sum((s) => s.expected);
  const found = sum((s) => s.found);
  const correct = sum((s) => s.correct);
  return {
    expected,
    found,
    correct,
    decoys: sum((s) => s.decoys),
    decoysLinked: sum((s) => s.decoysLinked.length),
    // Nothing found is no wrong link; nothing to find is nothing missed.
    precision: found === 0 ? 1 : correct / found,
    recall: expected === 0 ? 1 : correct / expected,
  };
}
