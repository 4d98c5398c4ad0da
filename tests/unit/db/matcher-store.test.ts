import { afterEach, describe, expect, it } from 'vitest';
import { createMatching } from '../../../entrypoints/background/matching';
import { openDatabase } from '../../../lib/db/database';
import { pack, unpack, type Packed } from '../../../lib/db/packed';
import { replaceDataset } from '../../../lib/db/repository';
import type { BackstoryDB } from '../../../lib/db/tables';
import { ENTITY_KINDS } from '../../../lib/schema/kinds';
import { generateDataset } from '../../fixtures/datasets/generate';
import { freshDb } from './setup';

/**
 * The background's matcher survives its worker: built once, stored in its compact form after the
 * answer, read back by a woken worker (a new database connection, nothing in memory) as long as the
 * data and the kinds are the same; built again otherwise, and whenever the stored row is unusable.
 */
const dataset = generateDataset({ count: 300 });
const TEXTS = [
  `${dataset.entities[0]!.name} met ${dataset.entities[1]!.name}’s envoy.`,
  `Nothing here; then ${dataset.entities[3]!.name}, 2024 and ${dataset.entities[2]!.name}.`,
];

/** A matching whose deferred work (storing the matcher) the test runs when it chooses. */
function matchingOf(db: BackstoryDB) {
  const tasks: Array<() => Promise<void>> = [];
  const match = createMatching(db, (task) => void tasks.push(task));
  return {
    match,
    tasks,
    async store() {
      while (tasks.length) await tasks.shift()!();
    },
  };
}

const woken: BackstoryDB[] = [];
afterEach(() => {
  for (const db of woken.splice(0)) db.close();
});

/** The same database as a woken worker sees it: a new connection, with no cache of the old one. */
function wake(db: BackstoryDB): BackstoryDB {
  const connection = openDatabase(db.name);
  woken.push(connection);
  return connection;
}

describe('the stored matcher', () => {
  it('is stored after the first answer and answers a woken worker without any snapshot', async () => {
    const db = await freshDb(dataset);
    const first = matchingOf(db);
    const built = await first.match(TEXTS, ENTITY_KINDS);
    expect(built.matches.flat().length).toBeGreaterThan(3);
    expect(await db.matchers.count()).toBe(0);
    await first.store();
    expect(await db.matchers.count()).toBe(1);

    // Without the snapshots, only the stored matcher can answer.
    await db.snapshots.clear();
    const second = matchingOf(wake(db));
    expect(await second.match(TEXTS, ENTITY_KINDS)).toEqual(built);
    expect(second.tasks).toHaveLength(0);
  });

  it('is read ahead by a woken worker, before the first question, and that question waits for nothing more', async () => {
    const db = await freshDb(dataset);
    const first = matchingOf(db);
    const built = await first.match(TEXTS, ENTITY_KINDS);
    await first.store();

    const woke = matchingOf(wake(db));
    await woke.match.readAhead(ENTITY_KINDS);
    // Nothing stored or derived is left to read: only the matcher read ahead can answer.
    await db.matchers.clear();
    await db.snapshots.clear();
    expect(await woke.match(TEXTS, ENTITY_KINDS)).toEqual(built);
    expect(woke.tasks).toHaveLength(0);
  });

  it('is built again when the kinds marked change, and when the data changes', async () => {
    const db = await freshDb(dataset);
    const first = matchingOf(db);
    await first.match(TEXTS, ENTITY_KINDS);
    await first.store();

    const byKinds = matchingOf(wake(db));
    const people = await byKinds.match(TEXTS, ['person']);
    expect(byKinds.tasks).toHaveLength(1);
    expect(people.entities.every((entity) => entity.kind === 'person')).toBe(true);
    expect(people.entities.length).toBeGreaterThan(0);
    await byKinds.store();

    await replaceDataset(db, generateDataset({ count: 10, id: 'second', start: 5_000 }), 'file');
    const byData = matchingOf(wake(db));
    const texts = [...TEXTS, `${generateDataset({ count: 1, start: 5_000 }).entities[0]!.name} too.`];
    const answer = await byData.match(texts, ENTITY_KINDS);
    expect(byData.tasks).toHaveLength(1);
    expect(answer.entities.map((entity) => entity.id)).toContain('second/person-5000');
    await byData.store();

    // And the row now holds the new data: a woken worker answers from it.
    const again = matchingOf(wake(db));
    expect(await again.match(texts, ENTITY_KINDS)).toEqual(answer);
    expect(again.tasks).toHaveLength(0);
  });

  type Stored = Packed;
  const withField = (matcher: Stored, path: string, change: (field: Stored['fields'][number]) => Stored['fields'][number] | null) => ({
    ...matcher,
    fields: matcher.fields.flatMap((field) => (field.path === path ? (change(field) ?? []) : [field])),
  });
  it.each<[string, (matcher: Stored) => unknown]>([
    ['a field missing', (matcher) => withField(matcher, 'keys', () => null)],
    [
      'a typed array of the wrong type',
      (matcher) => withField(matcher, 'slots', (field) => ({ ...field, type: 'u8' }) as Stored['fields'][number]),
    ],
    ['arrays that do not fit each other', (matcher) => withField(matcher, 'keys', () => ({ type: 'value', path: 'keys', value: 'x' }))],
    ['its bytes cut short', (matcher) => ({ ...matcher, blob: matcher.blob.slice(0, matcher.blob.size / 2) })],
    [
      'bytes that are not text where text should be',
      (matcher) => ({ ...matcher, blob: new Blob([new Uint8Array(matcher.blob.size).fill(0xff)]) }),
    ],
    ['a field at a place a record holds', (matcher) => withField(matcher, 'keys', (field) => ({ ...field, path: 'entities' }))],
    ['no matcher at all', () => 'not a matcher'],
  ])('is built again from the snapshots when the row has %s', async (_label, corrupt) => {
    const db = await freshDb(dataset);
    const first = matchingOf(db);
    const built = await first.match(TEXTS, ENTITY_KINDS);
    await first.store();
    const row = (await db.matchers.get('page'))!;
    await db.matchers.put({ ...row, matcher: corrupt(row.matcher as Stored) });

    const again = matchingOf(wake(db));
    expect(await again.match(TEXTS, ENTITY_KINDS)).toEqual(built);
    expect(again.tasks).toHaveLength(1);
    await again.store();
    const stored = (await db.matchers.get('page'))!.matcher as Stored;
    expect(stored.fields).toEqual((row.matcher as Stored).fields);
    expect(new Uint8Array(await stored.blob.arrayBuffer())).toEqual(new Uint8Array(await (row.matcher as Stored).blob.arrayBuffer()));
  });

  it('is built again when a lookup finds a part of it damaged, and the page still gets its answer', async () => {
    const db = await freshDb(dataset);
    const first = matchingOf(db);
    const built = await first.match(TEXTS, ENTITY_KINDS);
    await first.store();
    const row = (await db.matchers.get('page'))!;
    // Every candidate names an entity past the table: the shape is whole, only a lookup can tell.
    const record = (await unpack(row.matcher as Stored))!;
    const damaged = { ...record, candidates: (record.candidates as Uint32Array).map(() => 1_000_000) };
    await db.matchers.put({ ...row, matcher: pack(damaged) });

    const again = matchingOf(wake(db));
    const [answer, second] = await Promise.all([again.match(TEXTS, ENTITY_KINDS), again.match(TEXTS.slice(0, 1), ENTITY_KINDS)]);
    expect(answer).toEqual(built);
    expect(second.matches[0]).toEqual(built.matches[0]);
    // Built once for both questions, and stored whole again.
    expect(again.tasks).toHaveLength(1);
    await again.store();
    const stored = (await db.matchers.get('page'))!.matcher as Stored;
    expect(new Uint8Array(await stored.blob.arrayBuffer())).toEqual(new Uint8Array(await (row.matcher as Stored).blob.arrayBuffer()));
  });
});
