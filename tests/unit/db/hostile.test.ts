import { describe, expect, it } from 'vitest';
import { createDataHandlers, type DataEffects } from '../../../entrypoints/background/data-handlers';
import { saveEntity } from '../../../lib/db/entity-edits';
import type { Sender } from '../../../lib/messaging/handlers';
import type { Dataset } from '../../../lib/schema/dataset';
import { generateDataset } from '../../fixtures/datasets/generate';
import { exportBoth, freshDb, DS } from './setup';

/**
 * Hostile and broken datasets, through the same handlers the options page calls: each is refused
 * with a problem at the expected JSON path, and the data is byte-for-byte what it was before.
 */
const v1 = generateDataset({ count: 8 });
const sender: Sender = { id: 'test', url: 'chrome-extension://test/options.html' };

function mutate(change: (dataset: Dataset & Record<string, unknown>) => void): string {
  const copy = structuredClone(v1) as Dataset & Record<string, unknown>;
  change(copy);
  return JSON.stringify(copy);
}

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

const cases: Array<[label: string, text: () => string, path: string | RegExp, message: RegExp]> = [
  ['invalid JSON', () => JSON.stringify(v1).slice(0, -20), '$', /not valid JSON/],
  ['an empty file', () => '', '$', /not valid JSON/],
  ['a JSON array', () => '[]', '$', /expected object/i],
  ['a wrong type', () => mutate((d) => ((d.entities[0] as Record<string, unknown>).name = 42)), '$.entities[0].name', /expected string/i],
  ['a missing field', () => mutate((d) => delete (d as Record<string, unknown>).title), '$.title', /expected string/i],
  ['an unknown kind', () => mutate((d) => ((d.entities[0] as Record<string, unknown>).kind = 'alien')), '$.entities[0].kind', /./],
  ['duplicate entity ids', () => mutate((d) => (d.entities[1]!.id = d.entities[0]!.id)), '$.entities[1].id', /duplicate entity id/],
  [
    'a dangling reference',
    () => mutate((d) => ((d.entities[3] as Record<string, unknown>).place = 'atlantis')),
    '$.entities[3].place',
    /unknown entity "atlantis"/,
  ],
  [
    'an unknown source',
    () => mutate((d) => (d.entities[0]!.facts![0]!.source = 'rumour-mill')),
    '$.entities[0].facts[0].source',
    /unknown source/,
  ],
  [
    'a __proto__ key',
    () => JSON.stringify(v1).replace('{"id":"person-0",', '{"id":"person-0","__proto__":{"polluted":true},'),
    '$.entities[0].__proto__',
    /not allowed/,
  ],
  [
    'a constructor key',
    () => JSON.stringify(v1).replace('"schemaVersion":1', '"constructor":{"prototype":{}},"schemaVersion":1'),
    '$.constructor',
    /not allowed/,
  ],
  [
    'a javascript: URL',
    () => mutate((d) => (d.entities[0]!.url = 'javascript:alert(document.cookie)')),
    '$.entities[0].url',
    /http\(s\) URL/,
  ],
  [
    'a data: URL in a source',
    () => mutate((d) => (d.sources[0]!.url = 'data:text/html,<script>alert(1)</script>')),
    '$.sources[0].url',
    /http\(s\) URL/,
  ],
  [
    '<script> in a summary',
    () => mutate((d) => (d.entities[0]!.summary = 'Nice <script>alert(1)</script>')),
    '$.entities[0].summary',
    /plain text/,
  ],
  [
    'an <img onerror> in a name',
    () => mutate((d) => (d.entities[1]!.name = '<img src=x onerror=alert(1)>')),
    '$.entities[1].name',
    /plain text/,
  ],
  [
    'regex metacharacters as an alias',
    () => mutate((d) => (d.entities[0]!.aliases[1]!.text = '(.*)+$')),
    '$.entities[0].aliases[1].text',
    /letter or digit/,
  ],
  ['an empty alias', () => mutate((d) => (d.entities[0]!.aliases[0]!.text = '')), '$.entities[0].aliases[0].text', /empty|at least two/],
  [
    'a one-letter alias',
    () => mutate((d) => (d.entities[0]!.aliases[0]!.text = 'X')),
    '$.entities[0].aliases[0].text',
    /at least two characters/,
  ],
  ['a control character', () => mutate((d) => (d.entities[0]!.summary = 'Bell\u0007')), '$.entities[0].summary', /control characters/],
  ['a 50 MB file', () => `{"title":"${'x'.repeat(50 * 1024 * 1024)}"}`, '$', /50\.0 MB/],
  [
    '10,000-deep nesting',
    () => JSON.stringify(v1).replace('{"id":"person-0",', `{"id":"person-0","deep":${nested(10_000)},`),
    /^\$\.entities\[0\]\.deep(\[0\]){30}/,
    /nested deeper/,
  ],
  [
    'an edits file with an invalid entity',
    () =>
      JSON.stringify({
        format: 'backstory-edits',
        formatVersion: 1,
        dataset: { id: 'x', version: '1' },
        edits: [{ id: 'person-0', entity: { ...v1.entities[0], summary: '' } }],
      }),
    '$.edits[0].entity.summary',
    /empty/,
  ],
];

const effects: DataEffects = {
  fetchText: async () => ({ kind: 'error', message: 'offline' }),
  scheduleChecks: async () => undefined,
  bundled: async () => v1,
  newToken: () => 'token-1',
  readBlob: async () => '',
  readSettings: async () => ({}),
  writeSettings: async () => undefined,
};

/** The first three stages, as the options page runs them; the first refusal is the answer. */
async function stageParseValidate(handlers: ReturnType<typeof createDataHandlers>, text: string) {
  const staged = await handlers.stageImport({ source: { kind: 'text', name: 'hostile.json', text } }, sender);
  if (!staged.ok) return staged;
  const parsed = await handlers.parseImport({ token: staged.token }, sender);
  if (!parsed.ok) return parsed;
  return handlers.validateImport({ token: staged.token }, sender);
}

describe('hostile datasets', () => {
  it.each(cases)('refuses %s with the path, leaving the data untouched', async (_label, text, path, message) => {
    const db = await freshDb(v1);
    await saveEntity(db, DS, { ...v1.entities[0]!, summary: 'A local edit that must survive.' }, 'update');
    const before = await exportBoth(db);
    const handlers = createDataHandlers(db, effects);

    const problems = await stageParseValidate(handlers, text());
    expect(problems.ok).toBe(false);
    const list = 'problems' in problems ? problems.problems : [];
    const hit = list.find((p) => (typeof path === 'string' ? p.path === path : path.test(p.path)));
    expect(hit, JSON.stringify(list.slice(0, 5))).toBeDefined();
    expect(hit!.message).toMatch(message);

    // The refused import cannot be carried on with either.
    const applied = await handlers.applyImport({ token: 'token-1', resolutions: {} }, sender);
    expect(applied).toMatchObject({ ok: false, reason: 'expired' });
    expect(await exportBoth(db)).toBe(before);
  });

  it('names the entity each problem is in', async () => {
    const db = await freshDb(v1);
    const handlers = createDataHandlers(db, effects);
    const result = await stageParseValidate(handlers, cases[3]![1]());
    expect('problems' in result && result.problems[0]).toMatchObject({ entityId: 'person-0' });
  });
});
