import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import type { BackstoryDB } from '../../../lib/db/tables';
import { deleteEntity, saveEntity } from '../../../lib/db/entity-edits';
import { browseEntities } from '../../../lib/db/browse';
import * as repo from '../../../lib/db/repository';
import { loadSnapshot } from '../../../lib/db/snapshot-store';
import { createSearch } from '../../../entrypoints/background/search';
import type { Dataset } from '../../../lib/schema/dataset';
import { generateEntity } from '../../fixtures/datasets/generate';
import { getPageEntities } from '../../../lib/db/pages';
import { entitiesOf } from './setup';

const bundled = JSON.parse(readFileSync('data/backstory.json', 'utf8')) as Dataset;
const DS = bundled.id;
const scoped = (id: string) => `${DS}/${id}`;
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
    const info = await repo.readDatasetInfo(db, DS);
    expect(info).toMatchObject({ title: bundled.title, version: bundled.version, entityCount: bundled.entities.length });
  });

  it('stores a matcher snapshot with every entity', async () => {
    const snapshot = await loadSnapshot(db, DS);
    expect(snapshot.entities.map((e) => e.id).sort()).toEqual(bundled.entities.map((e) => e.id).sort());
  });

  it('fetches entities for pages in one batch, ids scoped by dataset, with the sources they cite', async () => {
    const bundle = await getPageEntities(db, [scoped('antony-blinken'), scoped('hamas'), scoped('no-such-entity'), 'hamas']);
    expect(bundle.entities.map((e) => e.id).sort()).toEqual([scoped('antony-blinken'), scoped('hamas')]);
    expect(bundle.sources.length).toBeGreaterThan(0);
    expect(bundle.sources.every((source) => source.id.startsWith(`${DS}/`))).toBe(true);
    // Every reference inside an entity is scoped the same way, so the card can follow it.
    const blinken = bundle.entities.find((e) => e.id === scoped('antony-blinken'))!;
    expect(blinken.relations?.length).toBeGreaterThan(0);
    for (const relation of blinken.relations ?? []) expect(relation.target).toMatch(new RegExp(`^${DS}/`));
    const cited = new Set(bundle.sources.map((source) => source.id));
    for (const id of blinken.sources ?? []) expect(cited.has(id)).toBe(true);
  });

  it.each([
    ['a name prefix', 'blink', 'antony-blinken'],
    ['a surname', 'netanyahu', 'benjamin-netanyahu'],
    ['an alias variant', 'khan yunis', 'khan-younis'],
    ['an accented spelling', 'Antonio Guter', 'antonio-guterres'],
    ['an acronym in lower case', 'idf', 'israel-defense-forces'],
  ])('search finds an entity by %s', async (_label, query, id) => {
    const hits = await createSearch(db)(query);
    expect(hits.map((h) => h.id)).toContain(scoped(id));
  });

  it('ranks an exact name above other matches', async () => {
    const hits = await createSearch(db)('Hamas');
    expect(hits[0]?.id).toBe(scoped('hamas'));
  });

  it('pages through entities in name order', async () => {
    const first = await browseEntities(db, { dataset: DS, query: '', filter: 'all', offset: 0, limit: 10 });
    const second = await browseEntities(db, { dataset: DS, query: '', filter: 'all', offset: 10, limit: 10 });
    expect(first.total).toBe(bundled.entities.length);
    const names = [...first.items, ...second.items].map((item) => item.name.toLowerCase());
    expect(names).toHaveLength(20);
    expect(new Set(names).size).toBe(20);
  });

  it('replaces the whole dataset in one step', async () => {
    const small: Dataset = { ...bundled, version: '9.9.9', entities: bundled.entities.slice(0, 3) };
    await repo.replaceDataset(db, small, 'file');
    expect((await repo.readDatasetInfo(db, DS)).entityCount).toBe(3);
    expect((await loadSnapshot(db, DS)).entities).toHaveLength(3);
  });
});

describe('the repository over the effective data (imported dataset + local edits)', () => {
  it('answers with the edited, added and deleted entities as readers should see them', async () => {
    const blinken = bundled.entities.find((e) => e.id === 'antony-blinken')!;
    expect(
      await saveEntity(
        db,
        DS,
        { ...blinken, summary: 'Edited locally.', aliases: [...blinken.aliases, { text: 'Tony B. Blinken' }] },
        'update',
      ),
      'blinken',
    ).toMatchObject({
      ok: true,
    });
    const source = bundled.sources[0]!.id;
    const added = {
      ...generateEntity(0),
      id: 'local-person',
      name: 'Zenobia Quillfeather',
      aliases: [{ text: 'Zenobia Quillfeather' }],
      facts: [],
    };
    const created = await saveEntity(db, DS, { ...added, roles: [{ title: 'Local researcher', source }], sources: [source] }, 'create');
    expect(created, JSON.stringify(created)).toMatchObject({ ok: true });
    const hamasReferrers = await deleteEntity(db, DS, 'hamas');
    expect(hamasReferrers.ok).toBe(false);

    expect((await entitiesOf(db, ['antony-blinken'], DS)).entities[0]!.summary).toBe('Edited locally.');
    expect((await createSearch(db)('zenobia')).map((h) => h.id)).toEqual([scoped('local-person')]);
    expect((await createSearch(db)('tony b')).map((h) => h.id)).toContain(scoped('antony-blinken'));
    const info = await repo.readDatasetInfo(db, DS);
    expect(info.entityCount).toBe(bundled.entities.length + 1);
    const all = await browseEntities(db, { dataset: DS, query: '', filter: 'all', offset: 0, limit: 200 });
    expect(all.items.map((item) => item.id)).toContain('local-person');
    const snapshot = await loadSnapshot(db, DS);
    expect(snapshot.entities.map((e) => e.id)).toContain('local-person');
    expect(snapshot.version).toMatch(new RegExp(`^${bundled.id}@${bundled.version.replace(/\./g, '\\.')}#\\d+$`));
  });
});
