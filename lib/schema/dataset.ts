import { z } from 'zod';
import { ENTITY_KINDS } from './kinds';

/**
 * The Backstory dataset format. This file is the single source of truth: TypeScript types are
 * inferred from it and `data/schema.json` is generated from it (`npm run dataset -- schema`).
 * Checks that need the whole dataset (unique ids, references, aliases shared between entities)
 * live in `validate.ts`.
 */

export const SCHEMA_VERSION = 1;

export const LIMITS = {
  shortText: 300,
  longText: 2_000,
  quote: 400,
  aliases: 60,
  items: 200,
  entities: 200_000,
} as const;

const HTML_TAG = /<\s*\/?\s*[a-z!][^>]*>/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Embeddings, overrides and isolates: they can make a card read differently from what it says (a reversed name or figure). */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/** Plain text: no markup, no control characters (bidirectional ones included), trimmed, bounded. */
export const plainText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => s.trim().length > 0, 'must not be empty')
    .refine((s) => !HTML_TAG.test(s), 'must be plain text, not HTML')
    .refine((s) => !CONTROL.test(s), 'must not contain control characters')
    .refine((s) => !BIDI_CONTROL.test(s), 'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)');

export const slug = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like "antony-blinken"');

/** A calendar date, as precise as it is known: "2024", "2024-02" or "2024-02-15". */
export const isoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date like 2024-02-15, 2024-02 or 2024');

export const httpUrl = z
  .string()
  .max(2_000)
  .refine((s) => {
    try {
      const url = new URL(s);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

/**
 * Every schema of the format, built on first use rather than when the module loads: the background
 * loads this module with everything else, and each time its worker wakes for a page (which needs no
 * dataset schema) building these would cost several milliseconds.
 */
function buildSchemas() {
  /** How sure we are of a date: stated in the source, inferred from it, or only approximate. */
  const DateCertainty = z.enum(['stated', 'inferred', 'approximate']);

  const Source = z.strictObject({
    id: slug,
    publisher: plainText(LIMITS.shortText),
    title: plainText(LIMITS.shortText),
    date: isoDate,
    dateCertainty: DateCertainty,
    dateNote: plainText(LIMITS.longText).optional(),
    url: httpUrl.optional(),
  });

  const Alias = z.strictObject({
    text: plainText(LIMITS.shortText).refine((s) => [...s.trim()].length >= 2, 'must be at least two characters'),
    /** Acronyms and words that collide with ordinary words (WHO, US, UN, ISA, IDF) match only in this exact case. */
    caseSensitive: z.boolean().optional(),
    /** Bare surnames, common words and dates link only when the page also names the entity in full or enough related entities. */
    needsContext: z.boolean().optional(),
    /** Set when two entities knowingly share this alias (e.g. a surname); such an alias always needs context. */
    ambiguous: z.boolean().optional(),
  });

  /** Where a dated item comes from and how sure its date is. */
  const provenance = {
    source: slug,
    date: isoDate.optional(),
    dateCertainty: DateCertainty.optional(),
  };

  const Fact = z.strictObject({
    text: plainText(LIMITS.longText),
    /** Entity ids of whoever makes the claim (a ministry, an army, a person). */
    claimedBy: z.array(slug).max(20).optional(),
    /** The attribution as the source reports it, e.g. "according to the Gaza Ministry of Health, which CNN cannot verify". */
    attribution: plainText(LIMITS.shortText).optional(),
    /** A headline figure for the fact, e.g. "7,028". */
    figure: plainText(80).optional(),
    ...provenance,
  });

  const Quote = z.strictObject({
    text: plainText(LIMITS.quote),
    speaker: slug,
    context: plainText(LIMITS.shortText).optional(),
    ...provenance,
  });

  const TimelineItem = z.strictObject({
    text: plainText(LIMITS.shortText),
    ...provenance,
    date: isoDate,
  });

  const RelationType = z.enum([
    'member-of',
    'leads',
    'spokesperson-for',
    'part-of',
    'located-in',
    'party-to',
    'mediator-in',
    'participant-in',
    'affiliated-with',
    'ally-of',
    'opponent-of',
    'target-of',
    'responsible-for',
    'related-to',
  ]);

  const Relation = z.strictObject({
    type: RelationType,
    target: slug,
    note: plainText(LIMITS.shortText).optional(),
    source: slug.optional(),
  });

  const Role = z.strictObject({
    title: plainText(LIMITS.shortText),
    organization: slug.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** The date a source describes the person in this role. */
    asOf: isoDate.optional(),
    source: slug.optional(),
  });

  /**
   * Whether an entity is part of the dataset's topic or only background to it. Background entities
   * (countries, cities, big general organisations, outlets, social networks) link only on pages where
   * the topic's core entities appear, so a topical dataset stays quiet on unrelated pages.
   */
  const Salience = z
    .enum(['core', 'background'])
    .describe(
      "'core': part of the dataset's topic (its people, its own organisations and events); 'background': context to the topic " +
        '(countries, cities, big general organisations, outlets, social networks), linked only on pages where core entities appear. ' +
        'When absent: places are background; people, organisations and events are core.',
    );

  const base = {
    id: slug,
    name: plainText(LIMITS.shortText),
    salience: Salience.optional(),
    aliases: z.array(Alias).min(1).max(LIMITS.aliases),
    summary: plainText(LIMITS.longText),
    relations: z.array(Relation).max(LIMITS.items).optional(),
    facts: z.array(Fact).max(LIMITS.items).optional(),
    quotes: z.array(Quote).max(LIMITS.items).optional(),
    timeline: z.array(TimelineItem).max(LIMITS.items).optional(),
    /** Sources that describe the entity as a whole (facts and quotes carry their own). */
    sources: z.array(slug).max(LIMITS.items).optional(),
    url: httpUrl.optional(),
  };

  const Person = z.strictObject({
    ...base,
    kind: z.literal('person'),
    roles: z.array(Role).min(1).max(LIMITS.items),
    nationality: slug.optional(),
  });

  const OrganizationType = z.enum([
    'government',
    'ministry',
    'military',
    'intelligence',
    'armed-group',
    'political-party',
    'legislature',
    'court',
    'intergovernmental',
    'un-body',
    'ngo',
    'company',
    'media',
    'agency',
    'other',
  ]);

  const Organization = z.strictObject({
    ...base,
    kind: z.literal('organization'),
    orgType: OrganizationType,
    parent: slug.optional(),
    country: slug.optional(),
  });

  const PlaceType = z.enum([
    'country',
    'territory',
    'region',
    'city',
    'town',
    'neighborhood',
    'camp',
    'hospital',
    'crossing',
    'building',
    'other',
  ]);

  const Place = z.strictObject({
    ...base,
    kind: z.literal('place'),
    placeType: PlaceType,
    /** The place this one lies in (a city's country, a hospital's city). */
    locatedIn: slug.optional(),
  });

  const EventType = z.enum([
    'attack',
    'military-operation',
    'raid',
    'talks',
    'summit',
    'proposal',
    'agreement',
    'vote',
    'poll',
    'hostage-release',
    'protest',
    'statement',
    'other',
  ]);

  const EventPhase = z.strictObject({
    label: plainText(LIMITS.shortText),
    date: isoDate,
    end: isoDate.optional(),
    source: slug.optional(),
  });

  const Event = z.strictObject({
    ...base,
    kind: z.literal('event'),
    eventType: EventType,
    start: isoDate,
    end: isoDate.optional(),
    dateCertainty: DateCertainty.optional(),
    place: slug,
    participants: z.array(slug).max(LIMITS.items).optional(),
    phases: z.array(EventPhase).max(LIMITS.items).optional(),
  });

  const Entity = z.discriminatedUnion('kind', [Person, Organization, Place, Event]);

  const EntityKind = z.enum(ENTITY_KINDS);

  const Dataset = z.strictObject({
    $schema: z.string().max(2_000).optional(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: slug,
    title: plainText(LIMITS.shortText),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.2.0'),
    publishedAt: isoDate,
    license: plainText(LIMITS.shortText),
    attribution: plainText(LIMITS.longText),
    description: plainText(LIMITS.longText).optional(),
    homepage: httpUrl.optional(),
    sources: z.array(Source).min(1).max(10_000),
    entities: z.array(Entity).max(LIMITS.entities, `must hold at most ${LIMITS.entities} entities`),
  });

  return {
    DateCertainty,
    Source,
    Alias,
    Fact,
    Quote,
    TimelineItem,
    RelationType,
    Relation,
    Role,
    Salience,
    Person,
    OrganizationType,
    Organization,
    PlaceType,
    Place,
    EventType,
    EventPhase,
    Event,
    Entity,
    EntityKind,
    Dataset,
  };
}

type Schemas = ReturnType<typeof buildSchemas>;
let built: Schemas | undefined;
const schemas = (): Schemas => (built ??= buildSchemas());

export const Entity = z.lazy(() => schemas().Entity);
export const Dataset = z.lazy(() => schemas().Dataset);

export type DateCertainty = z.infer<Schemas['DateCertainty']>;
export type Salience = z.infer<Schemas['Salience']>;
export type Source = z.infer<Schemas['Source']>;
export type Alias = z.infer<Schemas['Alias']>;
export type Fact = z.infer<Schemas['Fact']>;
export type Quote = z.infer<Schemas['Quote']>;
export type TimelineItem = z.infer<Schemas['TimelineItem']>;
export type Role = z.infer<Schemas['Role']>;
export type Person = z.infer<Schemas['Person']>;
export type Entity = z.infer<typeof Entity>;
export type EntityKind = z.infer<Schemas['EntityKind']>;
export type Dataset = z.infer<typeof Dataset>;
