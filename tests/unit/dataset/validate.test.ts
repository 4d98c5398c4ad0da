import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkStructure,
  MAX_DATASET_BYTES,
  parseDatasetText,
  validateDataset,
  validateDatasetText,
  type Problem,
} from '../../../lib/dataset/validate';
import type { Dataset } from '../../../lib/schema/dataset';

// Sources and dataset metadata come from the bundled file; the entities are written here.
const bundled = JSON.parse(readFileSync('data/backstory.json', 'utf8')) as Dataset;

/** A small valid dataset to break in one place per case. */
function base(): Dataset {
  const source = bundled.sources[0]!.id;
  return structuredClone({
    ...bundled,
    entities: [
      {
        id: 'hamas',
        kind: 'organization',
        orgType: 'armed-group',
        name: 'Hamas',
        aliases: [{ text: 'Hamas' }],
        summary: 'A Palestinian armed group.',
        sources: [source],
      },
      {
        id: 'qatar',
        kind: 'place',
        placeType: 'country',
        name: 'Qatar',
        aliases: [{ text: 'Qatar' }],
        summary: 'A Gulf state and mediator.',
        sources: [source],
      },
      {
        id: 'doha',
        kind: 'place',
        placeType: 'city',
        locatedIn: 'qatar',
        name: 'Doha',
        aliases: [{ text: 'Doha' }],
        summary: 'The capital of Qatar.',
        sources: [source],
      },
    ],
  }) as Dataset;
}

function problems(mutate: (d: Record<string, unknown> & Dataset) => void): Problem[] {
  const dataset = base() as Record<string, unknown> & Dataset;
  mutate(dataset);
  const result = validateDataset(JSON.parse(JSON.stringify(dataset)));
  return result.ok ? [] : result.problems;
}

function entity(d: Dataset, id: string): Record<string, unknown> {
  return d.entities.find((e) => e.id === id) as unknown as Record<string, unknown>;
}

const at = (d: Dataset, id: string) => `$.entities[${d.entities.findIndex((e) => e.id === id)}]`;

describe('dataset validation', () => {
  it('accepts the small base dataset', () => {
    expect(problems(() => undefined)).toEqual([]);
  });

  it('rejects invalid JSON with a clear message', () => {
    const result = validateDatasetText('{"schemaVersion": 1,');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({ path: '$', message: expect.stringContaining('not valid JSON') });
  });

  it('rejects files over the size limit before parsing them', () => {
    const result = validateDatasetText(' '.repeat(33 * 1024 * 1024));
    expect(!result.ok && result.problems[0]?.message).toMatch(/MB/);
  });

  it('rejects 10,000-deep nesting without overflowing the stack', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const result = validateDatasetText(`{"schemaVersion":1,"entities":${deep}}`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.message).toMatch(/nested deeper/);
  });

  const d = base();
  it.each<[string, (x: Dataset & Record<string, unknown>) => void, string, RegExp]>([
    ['a wrong type', (x) => (entity(x, 'hamas').name = 42), `${at(d, 'hamas')}.name`, /expected string/],
    ['an unknown kind', (x) => (entity(x, 'hamas').kind = 'alien'), `${at(d, 'hamas')}.kind`, /./],
    ['a duplicate id', (x) => (entity(x, 'qatar').id = 'hamas'), `${at(d, 'qatar')}.id`, /duplicate entity id/],
    ['a dangling reference', (x) => (entity(x, 'doha').locatedIn = 'atlantis'), `${at(d, 'doha')}.locatedIn`, /unknown entity "atlantis"/],
    ['an unknown source', (x) => (entity(x, 'hamas').sources = ['nowhere']), `${at(d, 'hamas')}.sources[0]`, /unknown source/],
    [
      'a __proto__ key',
      (x) => Object.defineProperty(entity(x, 'hamas'), '__proto__', { value: { polluted: true }, enumerable: true }),
      `${at(d, 'hamas')}.__proto__`,
      /not allowed/,
    ],
    ['a javascript: URL', (x) => (entity(x, 'hamas').url = 'javascript:alert(1)'), `${at(d, 'hamas')}.url`, /http/],
    ['HTML in a name', (x) => (entity(x, 'hamas').name = '<img src=x onerror=alert(1)>'), `${at(d, 'hamas')}.name`, /plain text/],
    [
      'a script tag in a summary',
      (x) => (entity(x, 'hamas').summary = 'Hi <script>alert(1)</script>'),
      `${at(d, 'hamas')}.summary`,
      /plain text/,
    ],
    [
      'a right-to-left override in a name',
      (x) => (entity(x, 'hamas').name = 'Ham\u202eas'),
      `${at(d, 'hamas')}.name`,
      /bidirectional control characters/,
    ],
    [
      'a directional isolate in an alias',
      (x) => ((entity(x, 'hamas').aliases as Array<{ text: string }>)[0]!.text = '\u2067Hamas\u2069'),
      `${at(d, 'hamas')}.aliases[0].text`,
      /bidirectional control characters/,
    ],
    [
      'an empty alias',
      (x) => ((entity(x, 'hamas').aliases as Array<{ text: string }>)[0]!.text = '   '),
      `${at(d, 'hamas')}.aliases[0].text`,
      /empty|two characters/,
    ],
    [
      'a one-letter alias',
      (x) => ((entity(x, 'hamas').aliases as Array<{ text: string }>)[0]!.text = 'H'),
      `${at(d, 'hamas')}.aliases[0].text`,
      /two characters/,
    ],
    [
      'an alias of punctuation only',
      (x) => ((entity(x, 'hamas').aliases as Array<{ text: string }>)[0]!.text = '.*+?'),
      `${at(d, 'hamas')}.aliases[0].text`,
      /letter or digit/,
    ],
    [
      'an alias shared without being marked ambiguous',
      (x) => (entity(x, 'qatar').aliases as Array<{ text: string }>).push({ text: 'Hamas' }),
      `${at(d, 'qatar')}.aliases`,
      /also an alias of "hamas"/,
    ],
    ['a huge string', (x) => (entity(x, 'hamas').summary = 'x'.repeat(100_000)), `${at(d, 'hamas')}.summary`, /at most/],
    ['a bad date', (x) => (x.publishedAt = '15/02/2024'), '$.publishedAt', /date/],
    ['an unknown field', (x) => (entity(x, 'hamas').extra = true), `${at(d, 'hamas')}`, /extra|Unrecognized/i],
  ])('rejects %s, naming its path', (_label, mutate, path, message) => {
    const found = problems(mutate);
    expect(found.length).toBeGreaterThan(0);
    const match = found.find((p) => p.path.startsWith(path));
    expect(match, JSON.stringify(found)).toBeDefined();
    expect(match!.message).toMatch(message);
  });

  it('names the entity id with entity problems', () => {
    const found = problems((x) => (entity(x, 'hamas').name = 42));
    expect(found[0]?.entityId).toBe('hamas');
  });

  it('reports every problem, not just the first', () => {
    const found = problems((x) => {
      entity(x, 'hamas').name = 42;
      entity(x, 'qatar').summary = '';
    });
    expect(found.length).toBeGreaterThanOrEqual(2);
  });

  it('accepts regex metacharacters inside a real alias as plain text', () => {
    expect(problems((x) => (entity(x, 'hamas').aliases as Array<{ text: string }>).push({ text: 'Hamas (movement)?' }))).toEqual([]);
  });
});

describe('validating a large flat file', () => {
  it('checks a 32 MB array of numbers in memory proportional to its size', () => {
    const count = 16 * 1024 * 1024 - 1;
    const text = `[${'1,'.repeat(count - 1)}1]`;
    expect(text.length).toBeLessThanOrEqual(MAX_DATASET_BYTES);
    const parsed = parseDatasetText(text);
    expect(parsed.ok).toBe(true);
    const before = process.memoryUsage().heapUsed;
    const problems = checkStructure(parsed.ok ? parsed.raw : null);
    const grown = process.memoryUsage().heapUsed - before;
    expect(problems).toEqual([]);
    // A queued entry (with its path) per number would take well over a gigabyte here.
    expect(grown).toBeLessThan(64 * 1024 * 1024);
    // And the whole import refuses it as a dataset, with one problem at the top.
    expect(validateDataset(parsed.ok ? parsed.raw : null)).toMatchObject({ ok: false, problems: [{ path: '$' }] });
  });
});
