import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pageFromHtml } from '../../lib/scan/page';
import { scanBlocks } from '../../lib/scan/scan';
import { bundledMatcher, scoreFixtures, setOf, totals, type Score, type Totals } from './score';

/**
 * `npm run relevance`: precision and recall of the mention engine over the annotated fixtures
 * (tests/fixtures/annotated), every false positive and miss with its context, and the marks left on
 * pages about other subjects. The targets themselves are asserted by tests/unit/match/annotated.test.ts.
 *
 * Pages about other subjects: the relevance fixtures named off-*.html, and the real pages of the
 * directories given as arguments (read where they are, never copied into the project).
 */
const CONTEXT = 40;

function percent(value: number): string {
  return `${(value * 100).toFixed(1)} %`;
}

function line(label: string, t: Totals): string {
  const decoys = t.decoys > 0 ? `, decoys linked ${t.decoysLinked}/${t.decoys}` : '';
  return `${label.padEnd(34)} mentions ${String(t.expected).padStart(4)}  linked ${String(t.found).padStart(4)}  correct ${String(t.correct).padStart(4)}  precision ${percent(t.precision).padStart(7)}  recall ${percent(t.recall).padStart(7)}${decoys}`;
}

function around(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - CONTEXT), start);
  const after = text.slice(end, end + CONTEXT);
  return `…${before}[${text.slice(start, end)}]${after}…`.replace(/\s+/g, ' ');
}

function mistakes(score: Score): string[] {
  const out: string[] = [];
  for (const m of score.falsePositives) out.push(`  false positive → ${m.entityId}: ${around(score.text, m.start, m.end)}`);
  for (const m of score.misses) out.push(`  miss ${m.entityId}: ${around(score.text, m.start, m.end)}`);
  for (const m of score.decoysLinked) out.push(`  DECOY LINKED → ${m.entityId}: ${around(score.text, m.start, m.end)}`);
  return out;
}

const scores = scoreFixtures();
console.log('Annotated fixtures (tests/fixtures/annotated)\n');
for (const score of scores) {
  console.log(line(`${score.name} (${score.style})`, totals([score])));
  for (const text of mistakes(score)) console.log(text);
}
console.log('');
for (const set of ['articles', 'variants'] as const) {
  console.log(line(`set: ${set}`, totals(scores.filter((score) => setOf(score.name) === set))));
}
console.log(line('all', totals(scores)));

function offTopicPages(): string[] {
  const relevance = 'tests/fixtures/relevance';
  const pages = readdirSync(relevance)
    .filter((file) => file.startsWith('off-'))
    .map((file) => join(relevance, file));
  for (const dir of process.argv.slice(2)) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) if (file.endsWith('.html')) pages.push(join(dir, file));
  }
  return pages;
}

console.log('\nPages about other subjects: marks with topic gating (without)\n');
const matcher = bundledMatcher();
const ungated = {
  ...matcher,
  snapshot: { ...matcher.snapshot, entities: matcher.snapshot.entities.map(({ background: _b, ...entity }) => entity) },
};
let total = 0;
for (const path of offTopicPages()) {
  const page = pageFromHtml(readFileSync(path, 'utf8'));
  const gate = page.pageDate ? { pageDate: page.pageDate } : {};
  const marks = scanBlocks(matcher, page.blocks, gate);
  const without = scanBlocks(ungated, page.blocks, gate).length;
  total += marks.length;
  const which = marks.map((m) => `${m.text}→${m.entityId}`).join(', ');
  console.log(`${path.padEnd(50)} ${String(marks.length).padStart(3)} (${without})${which ? `  ${which}` : ''}`);
}
console.log(`${'total'.padEnd(50)} ${String(total).padStart(3)}`);
