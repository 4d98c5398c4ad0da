import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../lib/match/matcher';
import { ALIAS_CASE_SENSITIVE, ALIAS_IS_NAME, ALIAS_NEEDS_CONTEXT, compileSnapshot } from '../../../lib/match/snapshot';
import type { Entity } from '../../../lib/schema/dataset';
import { WORLD, cs, ctx, event, org, person, place } from './world';

const small: Entity[] = [
  person('antony-blinken', 'Antony Blinken', ['Antony Blinken', ctx('Blinken'), 'Antony Blinken'], { related: ['us-state-department'] }),
  org('us-state-department', 'US State Department', ['State Department']),
  org('world-health-organization', 'World Health Organization', [cs('WHO'), { text: 'Health body', ambiguous: true }]),
  place('washington-dc', 'Washington, D.C.', ['Washington, D.C.']),
  place('israel', 'Israel', ['Israel', '...']),
  event('october-7-attack', 'October 7 attack', '2023-10-07', ['October 7 attack'], { related: ['israel'] }),
];

describe('compileSnapshot', () => {
  const snapshot = compileSnapshot('v1', small);
  const index = (id: string) => snapshot.entities.findIndex((entity) => entity.id === id);
  const aliasesOf = (id: string) => snapshot.aliases.filter(([, entity]) => entity === index(id)).map(([key, , flags]) => [key, flags]);

  it('keeps the version, ids, names and kinds', () => {
    expect(snapshot.version).toBe('v1');
    expect(snapshot.entities.map((entity) => [entity.id, entity.name, entity.kind])[0]).toEqual([
      'antony-blinken',
      'Antony Blinken',
      'person',
    ]);
  });

  it('reads relations both ways', () => {
    expect(snapshot.entities[index('antony-blinken')]!.related).toContain(index('us-state-department'));
    expect(snapshot.entities[index('us-state-department')]!.related).toContain(index('antony-blinken'));
  });

  it('counts an event’s place as related to it', () => {
    expect(snapshot.entities[index('october-7-attack')]!.related).toContain(index('israel'));
  });

  it('keeps the start date of events', () => {
    expect(snapshot.entities[index('october-7-attack')]!.start).toBe('2023-10-07');
    expect(snapshot.entities[index('israel')]!.start).toBeUndefined();
  });

  it('sets the flags: case-sensitive, needs context, and ambiguous as needing context', () => {
    expect(aliasesOf('antony-blinken')).toContainEqual(['blinken', ALIAS_NEEDS_CONTEXT]);
    expect(aliasesOf('world-health-organization')).toEqual([
      ['WHO', ALIAS_CASE_SENSITIVE],
      ['W.H.O', ALIAS_CASE_SENSITIVE],
      ['health body', ALIAS_NEEDS_CONTEXT],
    ]);
  });

  it('marks places background and the other kinds core when the dataset does not say', () => {
    const background = snapshot.entities.filter((entity) => entity.background).map((entity) => entity.id);
    expect(background).toEqual(['washington-dc', 'israel']);
  });

  it('follows the salience the dataset sets', () => {
    const set = compileSnapshot('v1', [
      { ...org('un', 'United Nations', ['United Nations']), salience: 'background' },
      { ...place('al-shifa', 'Al-Shifa Hospital', ['Al-Shifa Hospital']), salience: 'core' },
    ]);
    expect(set.entities.map((entity) => entity.background === true)).toEqual([true, false]);
  });

  it('flags the alias that is the display name', () => {
    expect(aliasesOf('antony-blinken')).toContainEqual(['antony blinken', ALIAS_IS_NAME]);
    expect(aliasesOf('us-state-department')).toEqual([['state department', 0]]);
  });

  it('keeps one copy of an alias repeated on an entity', () => {
    expect(aliasesOf('antony-blinken').filter(([key]) => key === 'antony blinken')).toHaveLength(1);
  });

  it('records the gaps of an alias in its key', () => {
    expect(aliasesOf('washington-dc')).toEqual([['washington,d.c', ALIAS_IS_NAME]]);
  });

  it('leaves out aliases with no letters or digits', () => {
    expect(aliasesOf('israel')).toEqual([['israel', ALIAS_IS_NAME]]);
  });

  it('survives a JSON round trip and matches the same way after it', () => {
    const full = compileSnapshot('v1', WORLD);
    const copy = JSON.parse(JSON.stringify(full)) as typeof full;
    expect(copy).toEqual(full);
    const text = 'In Washington, D.C., Antony Blinken met the WHO and U.N. teams on Oct. 7.';
    expect(createMatcher(copy).findMatches(text)).toEqual(createMatcher(full).findMatches(text));
  });
});
