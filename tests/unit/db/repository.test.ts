import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type BackstoryDB } from '../../../lib/db/database';
import * as repo from '../../../lib/db/repository';
import type { Dataset } from '../../../lib/schema/dataset';

const bundled = JSON.parse(readFileSync('data/backstory.json', 'utf8')) as Dataset;
let db: BackstoryDB;
let n = 0;

beforeEach(async () => {
  db = openDatabase(`test-${n++}`);
  await repo.replaceDataset(db, bundled, 'bundled');
});
afterEach(async () => {
  await db.delete();
});

describe('the repository over IndexedDB', () => {
  it('reports the dataset it holds', async () => {
    const info = await repo.getDatasetInfo(db);
    expect(info).toMatchObject({ title: bundled.title, version: bundled.version, entityCount: bundled.entities.length });
  });

  it('stores a matcher snapshot with every entity', async () => {
    const snapshot = await repo.getSnapshot(db);
    expect(snapshot.entities.map((e) => e.id).sort()).toEqual(bundled.entities.map((e) => e.id).sort());
  });

  it('fetches entities in one batch with the sources they cite', async () => {
    const bundle = await repo.getEntities(db, ['antony-blinken', 'hamas', 'no-such-entity']);
    expect(bundle.entities.map((e) => e.id).sort()).toEqual(['antony-blinken', 'hamas']);
    expect(bundle.sources.length).toBeGreaterThan(0);
  });

  it.each([
    ['a name prefix', 'blink', 'antony-blinken'],
    ['a surname', 'netanyahu', 'benjamin-netanyahu'],
    ['an alias variant', 'khan yunis', 'khan-younis'],
    ['an accented spelling', 'Antonio Guter', 'antonio-guterres'],
    ['an acronym in lower case', 'idf', 'israel-defense-forces'],
  ])('search finds an entity by %s', async (_label, query, id) => {
    const hits = await repo.search(db, query);
    expect(hits.map((h) => h.id)).toContain(id);
  });

  it('ranks an exact name above other matches', async () => {
    const hits = await repo.search(db, 'Hamas');
    expect(hits[0]?.id).toBe('hamas');
  });

  it('pages through entities in name order', async () => {
    const first = await repo.listEntities(db, 0, 10);
    const second = await repo.listEntities(db, 10, 10);
    expect(first.total).toBe(bundled.entities.length);
    const names = [...first.items, ...second.items].map((item) => item.name.toLowerCase());
    expect(names).toHaveLength(20);
    expect(new Set(names).size).toBe(20);
  });

  it('replaces the whole dataset in one step', async () => {
    const small: Dataset = { ...bundled, version: '9.9.9', entities: bundled.entities.slice(0, 3) };
    await repo.replaceDataset(db, small, 'import');
    expect((await repo.getDatasetInfo(db)).entityCount).toBe(3);
    expect((await repo.getSnapshot(db)).entities).toHaveLength(3);
  });
});
