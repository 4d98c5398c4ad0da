import { describe, expect, it } from 'vitest';
import { createCorrections } from '../../../entrypoints/background/corrections';
import { createMatching } from '../../../entrypoints/background/matching';
import { listCorrections } from '../../../lib/db/corrections';
import { generateDataset } from '../../fixtures/datasets/generate';
import { DS, freshDb } from '../db/setup';

const dataset = generateDataset({ count: 6 });
const entity = dataset.entities[0]!;
const scoped = `${DS}/${entity.id}`;
const PAGE = 'https://www.news.example/2024/05/06/story?utm=x';
const KINDS = ['person', 'organization', 'place', 'event'] as const;

async function setUp() {
  const db = await freshDb(dataset);
  const match = createMatching(db, (task) => void task());
  const corrections = createCorrections(db);
  const marked = async (url: string) => {
    const texts = [`News of ${entity.name} today.`];
    const answer = await corrections.apply(await match(texts, KINDS), texts, url);
    return answer.matches[0]!.map((m) => answer.entities[m.entities[0]!]!.id);
  };
  return { db, corrections, marked };
}

describe('corrections in the background', () => {
  it('scopes a correction by the page the browser says sent it, and applies it to that page only', async () => {
    const { db, corrections, marked } = await setUp();
    expect(await marked(PAGE)).toEqual([scoped]);
    await corrections.correct({ entityId: scoped, text: entity.name, scope: 'page' }, { tabId: 4, url: PAGE });
    const [stored] = await listCorrections(db);
    expect(stored).toMatchObject({ entity: scoped, entityName: entity.name, page: 'https://www.news.example/2024/05/06/story' });
    expect(stored!.site).toBeUndefined();
    expect(await marked('https://www.news.example/2024/05/06/story#comments')).toEqual([]);
    expect(await marked('https://www.news.example/2024/05/07/other')).toEqual([scoped]);
  });

  it('lets the card undo only a correction its own tab made', async () => {
    const { db, corrections, marked } = await setUp();
    const { id } = await corrections.correct({ entityId: scoped, scope: 'entity' }, { tabId: 4, url: PAGE });
    expect(await marked('https://elsewhere.example/')).toEqual([]);
    await expect(corrections.undo(id, 5)).rejects.toThrow(/settings/);
    await expect(corrections.undo('not-made-here', 4)).rejects.toThrow(/settings/);
    expect(await listCorrections(db)).toHaveLength(1);
    await corrections.undo(id, 4);
    expect(await listCorrections(db)).toEqual([]);
    expect(await marked('https://elsewhere.example/')).toEqual([scoped]);
    // Once is enough: the same undo again is refused.
    await expect(corrections.undo(id, 4)).rejects.toThrow(/settings/);
  });

  it('refuses corrections without a web page behind them, or of entities not in the data', async () => {
    const { db, corrections } = await setUp();
    await expect(
      corrections.correct({ entityId: scoped, scope: 'entity' }, { tabId: 1, url: 'chrome-extension://x/options.html' }),
    ).rejects.toThrow(/Only a page/);
    await expect(corrections.correct({ entityId: scoped, scope: 'entity' }, { url: PAGE })).rejects.toThrow(/Only a page/);
    await expect(corrections.correct({ entityId: `${DS}/no-such-entity`, scope: 'entity' }, { tabId: 1, url: PAGE })).rejects.toThrow(
      /no longer in your data/,
    );
    await expect(corrections.correct({ entityId: scoped, scope: 'site' }, { tabId: 1, url: PAGE })).rejects.toThrow(/words/);
    expect(await listCorrections(db)).toEqual([]);
  });

  it('keeps one correction for the same request, and takes back the ones an options page removes', async () => {
    const { db, corrections, marked } = await setUp();
    const first = await corrections.correct({ entityId: scoped, text: entity.name.toUpperCase(), scope: 'site' }, { tabId: 1, url: PAGE });
    const again = await corrections.correct(
      { entityId: scoped, text: entity.name, scope: 'site' },
      { tabId: 2, url: 'https://news.example/x' },
    );
    expect(again.id).toBe(first.id);
    expect((await listCorrections(db)).map((c) => c.site)).toEqual(['news.example']);
    expect(await marked('https://news.example/y')).toEqual([]);
    expect(await corrections.remove([first.id, 'unknown'])).toBe(1);
    expect(await marked('https://news.example/y')).toEqual([scoped]);
  });
});
