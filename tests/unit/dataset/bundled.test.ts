import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../../lib/dataset/validate';
import { datasetJsonSchemaText } from '../../../lib/dataset/json-schema';
import { createMatcher } from '../../../lib/match/matcher';
import { compileSnapshot } from '../../../lib/match/snapshot';
import { citedSources } from '../../../lib/db/repository';

const text = readFileSync('data/backstory.json', 'utf8');
const result = validateDatasetText(text);
if (!result.ok) throw new Error(`bundled dataset invalid: ${JSON.stringify(result.problems.slice(0, 5))}`);
const dataset = result.dataset;

describe('the bundled dataset', () => {
  it('validates against the schema and the integrity rules', () => {
    expect(result.ok).toBe(true);
  });

  it('covers well over a hundred entities of every kind', () => {
    expect(dataset.entities.length).toBeGreaterThan(100);
    for (const kind of ['person', 'organization', 'place', 'event'] as const) {
      expect(dataset.entities.filter((e) => e.kind === kind).length, kind).toBeGreaterThan(5);
    }
  });

  it.each(dataset.entities.map((e) => [e.id, e] as const))(
    '%s has a summary, a source and an alias that finds its own name',
    (_id, entity) => {
      expect(entity.summary.length).toBeGreaterThan(20);
      expect(citedSources(entity).length).toBeGreaterThan(0);
      const matcher = createMatcher(compileSnapshot('test', [entity]));
      // A parenthetical qualifier in a display name ("Doha talks (March 2024)") is not part of the name as written.
      const written = entity.name.replace(/\s*\([^)]*\)\s*$/, '');
      const matches = matcher.findMatches(`Today ${written} was in the news.`);
      expect(matches.some((m) => !m.needsContext)).toBe(true);
    },
  );

  it('matches the committed JSON Schema', () => {
    expect(readFileSync('data/schema.json', 'utf8')).toBe(datasetJsonSchemaText());
  });
});
