import { combine } from '../../lib/db/pages';
import type { DatasetRow } from '../../lib/db/tables';
import { compileSnapshot, type MatcherSnapshot } from '../../lib/match/snapshot';
import type { Dataset, Entity } from '../../lib/schema/dataset';
import { pick, seededRandom, type Random } from './text-gen';

/**
 * A 100,000-alias dataset that looks like a real one to the matcher: people share real first names,
 * organisations and places share common first words (National, United, Lake, North, the …), so the
 * matcher meets long candidate lists for ordinary page words, as it would with real data. Surnames
 * and proper names are invented tokens checked against every word of the bench pages, so no
 * synthetic name occurs on a page and the highlights stay those of the bundled data.
 */
const FIRST_NAMES = (
  'John Mary David Maria Mohammed Ahmed Ali Fatima Anna Peter Michael Sarah James Robert Elena Olga Ivan ' +
  'Sergei Wei Yuki Hiroshi Carlos Jose Juan Luis Ana Sofia Pierre Jean Marie Hans Klaus Giulia Marco Luca ' +
  'Omar Yusuf Ibrahim Khalid Hassan Hussein Leila Noor Amir Reza Daniel Joseph Thomas William Emma Olivia ' +
  'Lucas Noah Liam Ethan Chloe Isabella Priya Raj Arjun Sanjay Kwame Amara Chidi Ngozi Tomas Jakub Piotr ' +
  'Katarzyna Lars Ingrid Sven Mehmet Ayse Emre Yael Avi Moshe Rachel Benjamin Samuel Nadia Tariq Samir ' +
  'Rania Dmitri Andrei Natalia Viktor Paolo Francesca Diego Camila Mateo Valentina George Paul Mark Richard'
).split(' ');
const ORG_SUFFIXES = [
  'Institute',
  'Party',
  'Front',
  'Council',
  'Group',
  'Foundation',
  'Bank',
  'University',
  'Movement',
  'Alliance',
  'Committee',
  'Authority',
  'Agency',
  'Corporation',
  'Brigades',
  'Union',
];
const ORG_PREFIXES = [
  'National',
  'United',
  'Democratic',
  'Popular',
  'Federal',
  'Central',
  'Free',
  'New',
  'Royal',
  'Islamic',
  'Independent',
  'Great',
];
const PLACE_PREFIXES = ['Lake', 'Mount', 'Port', 'San', 'Saint', 'North', 'South', 'East', 'West', 'Upper', 'Lower', 'New', 'Fort', 'Cape'];
const EVENT_SUFFIXES = ['Accords', 'Summit', 'Offensive', 'Agreement', 'Declaration', 'Crisis'];
const SYLLABLES =
  'ka zu vel dro mir tas quen bor lix nya oth rem zar vys dun pel xan gor til wex bra sko fen jul mak oru pri sza tev yon'.split(' ');

export const SYNTHETIC_COUNTS = { people: 30_000, organizations: 8_000, places: 6_000, events: 2_000 };

/** All word tokens of some HTML, lower-cased: synthetic names must avoid every one of them. */
export function wordsOf(htmls: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const html of htmls) for (const match of html.matchAll(/[\p{L}\p{N}]+/gu)) words.add(match[0].toLowerCase());
  return words;
}

/** Invented, pronounceable tokens, unique and absent from the pages. */
function tokenFactory(random: Random, forbidden: ReadonlySet<string>) {
  const used = new Set<string>();
  const fresh = (make: () => string): string => {
    for (;;) {
      const token = make();
      const lower = token.toLowerCase();
      if (used.has(lower) || forbidden.has(lower)) continue;
      used.add(lower);
      return token;
    }
  };
  return {
    name: () =>
      fresh(() => {
        let word = '';
        for (let i = 0, n = 2 + Math.floor(random() * 3); i < n; i++) word += pick(random, SYLLABLES);
        return word.charAt(0).toUpperCase() + word.slice(1);
      }),
    acronym: () => fresh(() => Array.from({ length: 4 }, () => String.fromCharCode(65 + Math.floor(random() * 26))).join('')),
  };
}

const SUMMARY = 'Synthetic entity generated for the dataset-size benchmark.';

export function syntheticEntities(forbidden: ReadonlySet<string>, seed = 100_000): Entity[] {
  const random = seededRandom(seed);
  const tokens = tokenFactory(random, forbidden);
  const orgIds = Array.from({ length: SYNTHETIC_COUNTS.organizations }, (_, i) => `syn-org-${i}`);
  const placeIds = Array.from({ length: SYNTHETIC_COUNTS.places }, (_, i) => `syn-place-${i}`);
  const entities: Entity[] = [];
  orgIds.forEach((id) => {
    const core = `${tokens.name()} ${pick(random, ORG_SUFFIXES)}`;
    const aliases = [{ text: core }, { text: `${pick(random, ORG_PREFIXES)} ${core}` }, { text: tokens.acronym(), caseSensitive: true }];
    entities.push({ id, kind: 'organization', name: core, aliases, summary: SUMMARY, orgType: 'other' });
  });
  placeIds.forEach((id) => {
    const core = tokens.name();
    entities.push({
      id,
      kind: 'place',
      name: core,
      aliases: [{ text: core }, { text: `${pick(random, PLACE_PREFIXES)} ${core}` }],
      summary: SUMMARY,
      placeType: 'town',
      locatedIn: pick(random, placeIds),
    });
  });
  for (let i = 0; i < SYNTHETIC_COUNTS.people; i++) {
    const surname = tokens.name();
    const name = `${pick(random, FIRST_NAMES)} ${surname}`;
    const roles = [{ title: 'Official', organization: pick(random, orgIds) }];
    entities.push({
      id: `syn-person-${i}`,
      kind: 'person',
      name,
      aliases: [{ text: name }, { text: surname, needsContext: true }],
      summary: SUMMARY,
      roles,
    });
  }
  for (let i = 0; i < SYNTHETIC_COUNTS.events; i++) {
    const name = `${tokens.name()} ${pick(random, EVENT_SUFFIXES)}`;
    const participants = [`syn-person-${Math.floor(random() * SYNTHETIC_COUNTS.people)}`];
    entities.push({
      id: `syn-event-${i}`,
      kind: 'event',
      name,
      aliases: [{ text: name }, { text: `the ${name}` }],
      summary: SUMMARY,
      eventType: 'other',
      start: '2020-01-01',
      place: pick(random, placeIds),
      participants,
    });
  }
  return entities;
}

/** Bundled entities plus the synthetic ones, compiled exactly as the background compiles a dataset. */
export function largeSnapshot(bundled: Dataset, forbidden: ReadonlySet<string>): MatcherSnapshot {
  return compileSnapshot('bench-100k', [...bundled.entities, ...syntheticEntities(forbidden)]);
}

export const LIBRARY_DATASETS = 5;
export const LIBRARY_DATASET_ENTITIES = 20_000;

/**
 * Five datasets of 20,000 synthetic entities each, joined the way the background joins the enabled
 * datasets of the library for pages (ids scoped by dataset, a shared alias kept by the first).
 */
export function librarySnapshot(forbidden: ReadonlySet<string>): MatcherSnapshot {
  const pool: Entity[] = [];
  for (let seed = 1; pool.length < LIBRARY_DATASETS * LIBRARY_DATASET_ENTITIES; seed++)
    pool.push(...syntheticEntities(forbidden, seed * 7_919));
  const rows: DatasetRow[] = [];
  const snapshots: MatcherSnapshot[] = [];
  for (let i = 0; i < LIBRARY_DATASETS; i++) {
    const entities = pool.slice(i * LIBRARY_DATASET_ENTITIES, (i + 1) * LIBRARY_DATASET_ENTITIES);
    const id = `bench-library-${i}`;
    rows.push({ id, title: `Bench dataset ${i + 1}`, enabled: true, order: i } as DatasetRow);
    snapshots.push(compileSnapshot(`${id}@1.0.0#1`, entities));
  }
  return combine('bench-5x20k', rows, snapshots).page;
}

/** The most shared first words of a snapshot's aliases: each page word costs one pass over such a list. */
export function longestCandidateLists(snapshot: MatcherSnapshot, top = 5): [word: string, aliases: number][] {
  const counts = new Map<string, number>();
  for (const [key] of snapshot.aliases) {
    const first = key.split(' ')[0]!.toLowerCase();
    counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, top);
}
