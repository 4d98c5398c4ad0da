import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../entrypoints/background/handlers';
import type { DataEffects } from '../../../entrypoints/background/data-handlers';
import { correctionMatches, describeCorrection, placeOf } from '../../../lib/corrections/describe';
import type { Correction } from '../../../lib/corrections/rules';
import { MAX_CORRECTIONS } from '../../../lib/corrections/schema';
import { addCorrection, listCorrections, removeCorrections } from '../../../lib/db/corrections';
import { getLibrary, removeDataset } from '../../../lib/db/library';
import { replaceDataset } from '../../../lib/db/repository';
import { generateDataset } from '../../fixtures/datasets/generate';
import { DS, freshDb } from './setup';

const url = new URL('https://www.News.example/world/2024/story?utm=x#comments');

describe('adding a correction', () => {
  it('reads the page and the site from the address: no query, fragment or "www."', async () => {
    const db = await freshDb();
    const request = { entity: `${DS}/person-0`, entityName: 'Ka Vexra', text: '  Vexra ', url };
    const page = await addCorrection(db, { ...request, scope: 'page' }, new Date('2024-05-01T10:00:00Z'));
    const site = await addCorrection(db, { ...request, scope: 'site' });
    const everywhere = await addCorrection(db, { ...request, scope: 'everywhere' });
    const entity = await addCorrection(db, { ...request, scope: 'entity' });
    expect(page).toMatchObject({
      words: 'vexra',
      text: 'Vexra',
      page: 'https://www.news.example/world/2024/story',
      createdAt: '2024-05-01T10:00:00.000Z',
    });
    expect(page).not.toHaveProperty('site');
    expect(site).toMatchObject({ words: 'vexra', site: 'news.example' });
    expect(site).not.toHaveProperty('page');
    expect(everywhere).not.toHaveProperty('page');
    expect(everywhere).not.toHaveProperty('site');
    expect(entity).not.toHaveProperty('words');
    expect(entity).not.toHaveProperty('text');
    expect(await db.corrections.count()).toBe(4);
  });

  it('keeps one correction when the same one is made twice (the words compared folded)', async () => {
    const db = await freshDb();
    const first = await addCorrection(db, { entity: `${DS}/person-0`, entityName: 'Ka Vexra', text: 'Vexra’s', scope: 'site', url });
    const again = await addCorrection(db, {
      entity: `${DS}/person-0`,
      entityName: 'Ka Vexra',
      text: 'VEXRA’S',
      scope: 'site',
      url: new URL('https://news.example/other'),
    });
    expect(again.id).toBe(first.id);
    expect(await db.corrections.count()).toBe(1);
  });

  it('needs the marked words, except for every mark of the entity', async () => {
    const db = await freshDb();
    await expect(addCorrection(db, { entity: `${DS}/person-0`, entityName: 'Ka Vexra', scope: 'everywhere', url })).rejects.toThrow(
      /needs the words/,
    );
    await expect(addCorrection(db, { entity: `${DS}/person-0`, entityName: 'Ka Vexra', text: ' … ', scope: 'page', url })).rejects.toThrow(
      /needs the words/,
    );
    expect(await db.corrections.count()).toBe(0);
  });

  it(`refuses a new one past ${MAX_CORRECTIONS.toLocaleString('en')}, and still finds one already there`, async () => {
    const db = await freshDb();
    const filler: Correction[] = Array.from({ length: MAX_CORRECTIONS }, (_, i) => ({
      id: `c-${i}`,
      entity: `${DS}/person-${i}`,
      entityName: `Person ${i}`,
      createdAt: '2024-05-01T00:00:00.000Z',
    }));
    await db.corrections.bulkAdd(filler);
    await expect(addCorrection(db, { entity: `${DS}/person-x`, entityName: 'X', scope: 'entity', url })).rejects.toThrow(/10,000/);
    expect((await addCorrection(db, { entity: `${DS}/person-3`, entityName: 'Person 3', scope: 'entity', url })).id).toBe('c-3');
  });
});

describe('listing and taking back corrections', () => {
  it('lists the newest first and takes back the ones asked, saying how many there were', async () => {
    const db = await freshDb();
    const make = (n: number) =>
      addCorrection(db, { entity: `${DS}/person-${n}`, entityName: `P${n}`, scope: 'entity', url }, new Date(Date.UTC(2024, 0, n + 1)));
    const [a, b, c] = [await make(0), await make(1), await make(2)];
    expect((await listCorrections(db)).map((x) => x.entityName)).toEqual(['P2', 'P1', 'P0']);
    expect(await removeCorrections(db, [a.id, c.id, 'not-there'])).toBe(2);
    expect((await listCorrections(db)).map((x) => x.id)).toEqual([b.id]);
  });
});

describe('removing a dataset', () => {
  it("removes the corrections of its entities, and only those (not another dataset's, even one whose id begins the same)", async () => {
    const db = await freshDb(generateDataset({ count: 4 }));
    await replaceDataset(db, generateDataset({ count: 4, id: `${DS}-2` }), 'file');
    await addCorrection(db, { entity: `${DS}/person-0`, entityName: 'A', scope: 'entity', url });
    await addCorrection(db, { entity: `${DS}/organization-1`, entityName: 'B', text: 'B', scope: 'page', url });
    await addCorrection(db, { entity: `${DS}-2/person-0`, entityName: 'C', scope: 'entity', url });
    // The library says how many go with each dataset (the removal dialog tells the reader).
    expect((await getLibrary(db)).datasets.map((entry) => [entry.info.id, entry.corrections])).toEqual([
      [DS, 2],
      [`${DS}-2`, 1],
    ]);
    await removeDataset(db, DS);
    expect((await listCorrections(db)).map((x) => x.entity)).toEqual([`${DS}-2/person-0`]);
  });

  it('is seen at once by the background, which read the corrections before', async () => {
    const db = await freshDb(generateDataset({ count: 4 }));
    const handlers = createHandlers(db, { setBadge: async () => {}, injectCard: async () => {}, dataChanged: async () => {} }, dataEffects);
    const fromPage = { tab: { id: 7 }, url: 'https://news.example/story', frameId: 0 };
    const options = { id: 'test', url: 'chrome-extension://test/options.html' };
    await handlers.correctMark({ entityId: `${DS}/person-0`, scope: 'entity' }, fromPage);
    expect(await handlers.listCorrections({}, options)).toHaveLength(1);
    await handlers.removeDataset({ dataset: DS }, options);
    expect(await handlers.listCorrections({}, options)).toEqual([]);
  });
});

const dataEffects: DataEffects = {
  fetchText: async () => ({ kind: 'error', message: 'offline' }),
  scheduleChecks: async () => undefined,
  bundled: async () => generateDataset({ count: 4, id: 'backstory-bundled' }),
  newToken: () => 'token-1',
  readBlob: async () => '',
  readSettings: async () => ({}),
  writeSettings: async () => undefined,
};

describe('how the options page names a correction', () => {
  const base = { entityName: 'Antony Blinken', words: 'blinken', text: 'Blinken' };
  it.each<[string, Pick<Correction, 'entityName' | 'words' | 'text' | 'page' | 'site'>, string, string]>([
    ['every mark of the entity', { entityName: 'Antony Blinken' }, 'Every mark of the entity', 'Antony Blinken, every mark'],
    ['everywhere', base, 'Everywhere', 'Antony Blinken, “Blinken”, everywhere'],
    ['one site', { ...base, site: 'news.example' }, 'On one site: news.example', 'Antony Blinken, “Blinken”, on one site: news.example'],
    [
      'one page',
      { ...base, page: 'https://news.example/a' },
      'On one page: https://news.example/a',
      'Antony Blinken, “Blinken”, on one page: https://news.example/a',
    ],
  ])('%s', (_name, correction, place, description) => {
    expect(placeOf(correction)).toBe(place);
    expect(describeCorrection(correction)).toBe(description);
  });

  it('is found by its entity, words, page or site, whatever the case', () => {
    const correction = { ...base, site: 'news.example' };
    expect(['blinken', 'ANTONY', 'news.ex', '  '].map((q) => correctionMatches(correction, q))).toEqual([true, true, true, true]);
    expect(correctionMatches(correction, 'guterres')).toBe(false);
  });
});
