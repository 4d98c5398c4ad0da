import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSnapshot } from '../../../lib/match/snapshot';
import type { Dataset } from '../../../lib/schema/dataset';
import { SearchIndex } from '../../../lib/search/search-index';

const dataset = JSON.parse(readFileSync('data/backstory.json', 'utf8')) as Dataset;
const index = new SearchIndex(compileSnapshot('test', dataset.entities));
const top = (query: string) => index.search(query, 5).map((hit) => hit.id);

describe('popup search', () => {
  it.each([
    ['a name prefix', 'netanyah', 'benjamin-netanyahu'],
    ['a surname in lower case', 'guterres', 'antonio-guterres'],
    ['an accented spelling', 'António', 'antonio-guterres'],
    ['a spelling variant alias', 'al thani', 'mohammed-bin-abdulrahman-al-thani'],
    ['an acronym typed in lower case', 'idf', 'israel-defense-forces'],
    ['a misspelling', 'netanyhau', 'benjamin-netanyahu'],
    ['a misspelt first name', 'antonny blinken', 'antony-blinken'],
    ['punctuation ignored', 'al-shifa', 'al-shifa-hospital'],
  ])('finds an entity by %s', (_label, query, id) => {
    expect(top(query)).toContain(id);
  });

  it('ranks the exact name first', () => {
    expect(top('Hamas')[0]).toBe('hamas');
    expect(top('Israel')[0]).toBe('israel');
  });

  it('reports the alias that matched when it is not the name', () => {
    const hit = index.search('khan yunis', 1)[0];
    expect(hit?.id).toBe('khan-younis');
    expect(hit?.matched).toBe('khan yunis');
  });

  it('returns nothing for an empty or punctuation-only query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search(' -- ')).toEqual([]);
  });
});
