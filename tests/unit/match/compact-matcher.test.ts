import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../../lib/dataset/validate';
import { compileAliases } from '../../../lib/match/alias-index';
import { BrokenMatcherError } from '../../../lib/match/compact-entities';
import {
  compactMatcherSchema,
  compactMatcherShapeFits,
  encodeMatcher,
  openCompactMatcher,
  type CompactMatcher,
} from '../../../lib/match/compact-matcher';
import { createMatcher, type EntityMatcher, type Matcher } from '../../../lib/match/matcher';
import { compileSnapshot, hasBothSaliences, onlyKinds, type MatcherSnapshot } from '../../../lib/match/snapshot';
import type { Entity } from '../../../lib/schema/dataset';
import { generateDataset, wordFor } from '../../fixtures/datasets/generate';
import { WORLD, event, org, person, place } from './world';

/**
 * The compact matcher (what the background stores and opens on wake) must find exactly what the
 * matcher built from the snapshot finds, for every text: same spans, candidates, flags, nesting
 * and years. Each compact matcher here went through a structured clone, as IndexedDB hands it back.
 */
function compactOf(snapshot: MatcherSnapshot): EntityMatcher {
  const encoded = encodeMatcher(compileAliases(snapshot), snapshot.entities, hasBothSaliences(snapshot.entities));
  const stored = compactMatcherSchema.parse(structuredClone(encoded));
  expect(compactMatcherShapeFits(stored)).toBe(true);
  return openCompactMatcher(stored);
}

function expectSameMatches(reference: Matcher, compact: EntityMatcher, texts: readonly string[]): number {
  let found = 0;
  for (const text of texts) {
    const expected = reference.findMatches(text);
    expect(compact.findMatches(text), text).toEqual(expected);
    found += expected.length;
  }
  return found;
}

/** A seeded generator (mulberry32): the same texts on every run, so a failure can be read again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GLUE = [
  ' ',
  ' ',
  ' ',
  ', ',
  '. ',
  ' and ',
  ' of the ',
  ' — ',
  '-',
  ' (',
  ') ',
  ' & ',
  '; ',
  '\n',
  ' on October 7, 2015 ',
  ', 2023 ',
  ' 1999 ',
];
const TITLES = ['Dr. ', 'President ', 'Prime Minister ', 'Mr ', 'the ', 'Secretary-General '];

/** How a name may be written on a page: as given, lower or upper case, possessive, dotted, with a title. */
function variant(name: string, next: () => number): string {
  const roll = next();
  if (roll < 0.1) return name.toLowerCase();
  if (roll < 0.15) return name.toUpperCase();
  if (roll < 0.3) return `${name}’s`;
  if (roll < 0.35) return `${name}'s`;
  if (roll < 0.4) return name.replace(/ /g, '. ');
  if (roll < 0.5) return TITLES[Math.floor(next() * TITLES.length)]! + name;
  if (roll < 0.55) return name.split(' ')[0]!;
  if (roll < 0.6) return name.split(' ').slice(-1)[0]!;
  return name;
}

/** Texts made of the aliases of the data (and pieces of them), joined by the gaps names are written with. */
function textsFrom(aliases: readonly string[], count: number, seed: number): string[] {
  const next = random(seed);
  const texts: string[] = [];
  for (let t = 0; t < count; t++) {
    let text = '';
    const words = 1 + Math.floor(next() * 12);
    for (let w = 0; w < words; w++) {
      text += variant(aliases[Math.floor(next() * aliases.length)]!, next);
      text += GLUE[Math.floor(next() * GLUE.length)]!;
    }
    texts.push(text);
  }
  return texts;
}

function aliasTexts(entities: readonly Entity[]): string[] {
  return entities.flatMap((entity) => [entity.name, ...entity.aliases.map((alias) => alias.text)]);
}

const bundledText = readFileSync('data/backstory.json', 'utf8');
const bundled = validateDatasetText(bundledText);
if (!bundled.ok) throw new Error('the bundled dataset is invalid');
const bundledEntities = bundled.dataset.entities;

/**
 * Many names beginning with the same word (a crowded bucket, indexed by its second word), one-word
 * aliases among them, a shared alias and a dated event: what the generated names alone never make.
 */
const CROWD: Entity[] = [
  ...Array.from({ length: 40 }, (_, i) => place(`saint-${i}`, `Saint ${wordFor(i)}`, [`Saint ${wordFor(i)}`, `St. ${wordFor(i)} Bay`])),
  org('saint', 'Saint', ['Saint', { text: 'SAINT', caseSensitive: true }]),
  person('saint-court', 'Saint Court', ['Saint Court', { text: 'Court', needsContext: true }]),
  event('saint-summit', 'Saint Summit', '2015-10-07', ['Saint Summit', 'October 7']),
  org('court-a', 'Supreme Court', ['Supreme Court', { text: 'Court', needsContext: true, ambiguous: true }]),
];

describe('the compact matcher finds exactly what the built matcher finds', () => {
  const cases: Array<[string, Entity[], number]> = [
    ['the test world', WORLD, 1],
    ['the bundled dataset', bundledEntities, 2],
    ['a generated dataset with a crowded first word', [...generateDataset({ count: 20_000 }).entities, ...CROWD], 3],
  ];

  it.each(cases)('over %s, on random texts made of its names', (_label, entities, seed) => {
    const snapshot = compileSnapshot('test', entities);
    const reference = createMatcher(snapshot);
    const compact = compactOf(snapshot);
    const texts = textsFrom(aliasTexts(entities), 1_500, seed);
    // The test means something only if the texts hold names, nested ones among them.
    expect(expectSameMatches(reference, compact, texts)).toBeGreaterThan(1_000);
    expect(texts.some((text) => reference.findMatches(text).some((match) => match.outer >= 0))).toBe(true);
    // Building a 20,000-entity matcher twice and reading 1,500 texts: seconds on a busy machine.
  }, 60_000);

  it('on the bundled dataset with only some kinds marked', () => {
    const snapshot = compileSnapshot('test', bundledEntities);
    const kinds = ['person', 'event'] as const;
    const reference = createMatcher(onlyKinds(snapshot, kinds));
    const compact = compactOf(onlyKinds(snapshot, kinds));
    expectSameMatches(reference, compact, textsFrom(aliasTexts(bundledEntities), 500, 4));
  });

  it('on texts without names, and on names in other scripts and with accents', () => {
    const snapshot = compileSnapshot('test', bundledEntities);
    const texts = [
      '',
      'Nothing here at all.',
      'Le président Macron à l’Élysée',
      'Netanyahu’s “cabinet” — and İstanbul',
      'U.S. and U.N. and D.C.',
    ];
    expectSameMatches(createMatcher(snapshot), compactOf(snapshot), texts);
  });

  it('names the same entities, and says the same about the topic gate', () => {
    const snapshot = compileSnapshot('test', [...bundledEntities, ...CROWD]);
    const compact = compactOf(snapshot);
    snapshot.entities.forEach((entity, i) => expect(compact.entity(i)).toEqual(entity));
    expect(compact.topicGated).toBe(createMatcher(snapshot).topicGated);
  });
});

describe('a compact matcher read back from storage', () => {
  const snapshot = compileSnapshot('test', WORLD);
  const whole = (): CompactMatcher => encodeMatcher(compileAliases(snapshot), snapshot.entities, false);
  /** Every name of the world in one text: the lookups read every bucket, then every entity is read. */
  const everything = aliasTexts(WORLD).join(', ');
  const readAll = (compact: CompactMatcher) => {
    const matcher = openCompactMatcher(compact);
    matcher.findMatches(everything);
    snapshot.entities.forEach((_entity, i) => matcher.entity(i));
  };

  it('is whole as written, and reads whole', () => {
    expect(compactMatcherShapeFits(whole())).toBe(true);
    expect(() => readAll(whole())).not.toThrow();
  });

  it.each<[string, (compact: CompactMatcher) => CompactMatcher]>([
    ['a key list cut short', (c) => ({ ...c, keys: c.keys.subarray(0, -3) })],
    ['a list of flags of another length', (c) => ({ ...c, aliasFlags: c.aliasFlags.subarray(1) })],
    ['a hash table whose size is not a power of two', (c) => ({ ...c, slots: c.slots.subarray(1) })],
    ['an entity list cut short', (c) => ({ ...c, entities: { ...c.entities, names: c.entities.names.subarray(1) } })],
  ])('is refused when opened, with %s', (_label, corrupt) => {
    expect(compactMatcherShapeFits(corrupt(whole()))).toBe(false);
  });

  // Damage that only a lookup reaching that part can see: found there, and reported as such.
  it.each<[string, (compact: CompactMatcher) => CompactMatcher]>([
    ['a candidate beyond the entities', (c) => ({ ...c, candidates: c.candidates.map(() => 1_000_000) })],
    ['a slot naming no bucket', (c) => ({ ...c, slots: c.slots.map((slot) => (slot === 0 ? 0 : c.headEnds.length + 5)) })],
    ['a full hash table (no empty slot to stop a probe)', (c) => ({ ...c, slots: c.slots.map(() => 1) })],
    ['ends going back', (c) => ({ ...c, headEnds: c.headEnds.map((end, i, ends) => (i === 1 ? ends[0]! - 1 : end)) })],
    ['first words of no length', (c) => ({ ...c, headEnds: c.headEnds.map((end, i, ends) => (i === ends.length - 1 ? end : 0)) })],
    ['an alias with no key', (c) => ({ ...c, keyEnds: c.keyEnds.map((end, i, ends) => (i === ends.length - 1 ? end : 0)) })],
    ['a related entity beyond the table', (c) => ({ ...c, entities: { ...c.entities, related: c.entities.related.map(() => 99_999) } })],
    ['an unknown kind', (c) => ({ ...c, entities: { ...c.entities, kinds: c.entities.kinds.map(() => 9) } })],
    [
      'names that go back',
      (c) => ({ ...c, entities: { ...c.entities, nameEnds: c.entities.nameEnds.map((end, i, ends) => (i === 1 ? ends[0]! - 1 : end)) } }),
    ],
    [
      'names of no length',
      (c) => ({ ...c, entities: { ...c.entities, nameEnds: c.entities.nameEnds.map((end, i, ends) => (i === ends.length - 1 ? end : 1)) } }),
    ],
  ])('is found damaged by the lookups that read %s', (_label, corrupt) => {
    const damaged = corrupt(whole());
    expect(compactMatcherShapeFits(damaged)).toBe(true);
    expect(() => readAll(damaged)).toThrow(BrokenMatcherError);
  });
});
