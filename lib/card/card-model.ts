import type { Entity, EntityKind, Fact, Quote, Role, Source, TimelineItem } from '../schema/dataset';
import { compareDates, isAfter, roleAsOf } from './as-of';

/**
 * What the card shows of an entity, decided apart from its markup: which facts, quotes, timeline
 * items, related entities and sources, in which order, and which are labelled "later" than the
 * article. The card is small (it sits beside the text a reader is hovering), so every list is capped.
 */

/** Facts known at the article's date, most recent first. */
export const MAX_FACTS = 4;
/** Facts dated after the article, shown after the known ones and labelled "later". */
export const MAX_LATER_FACTS = 2;
/** Quotes known at the article's date, most recent first. */
export const MAX_QUOTES = 2;
/** Quotes dated after the article, labelled "later". */
export const MAX_LATER_QUOTES = 1;
/** Timeline items, earliest first (later ones are labelled, not moved). */
export const MAX_TIMELINE_ITEMS = 5;
/** Related entities, in the order the entity lists its relations. */
export const MAX_RELATED = 8;

export interface EntityRef {
  name: string;
  kind: EntityKind;
}

/** What to do with items dated after the article: label them "later", or leave them out. */
export type LaterFacts = 'label' | 'hide';

export interface CardModelInput {
  /** Sources by id (those the entity cites). */
  sources: ReadonlyMap<string, Source>;
  /** Names of other entities, for speakers, claimants, organisations and related entities. */
  lookup(id: string): EntityRef | undefined;
  /** The article's publication date: items dated after it are "later". */
  asOf?: string;
  laterFacts?: LaterFacts;
}

export interface CardRole {
  title: string;
  /** The organisation's name, when it is known and the title does not already name it. */
  organization?: string;
  asOf?: string;
  /** No role had begun by the article's date: this is the earliest one, labelled "later". */
  later: boolean;
}

export interface CardFact {
  fact: Fact;
  later: boolean;
  /**
   * Who makes the claim: the source's own wording, else the claimants. Absent when only the
   * publisher is known: the source line names it.
   */
  attribution: string | undefined;
  publisher: string | undefined;
  /** The source it comes from, for the compact source line and its full provenance. */
  source: Source | undefined;
}

export interface CardQuote {
  quote: Quote;
  later: boolean;
  speaker: string;
  publisher: string | undefined;
  source: Source | undefined;
}

export interface CardTimelineItem {
  item: TimelineItem;
  later: boolean;
}

export interface RelatedEntity {
  id: string;
  name: string;
  /** Whether the entity is known here, so its own card can be opened. */
  known: boolean;
}

export interface CardModel {
  role: CardRole | undefined;
  facts: CardFact[];
  quotes: CardQuote[];
  timeline: CardTimelineItem[];
  /** Absent when the entity has no relations; present (possibly empty: only itself) when it has. */
  related: RelatedEntity[] | undefined;
  /** Every source the entity, its facts and its quotes cite that is known here; absent when it cites none. */
  sources: Source[] | undefined;
}

export function cardModel(entity: Entity, input: CardModelInput): CardModel {
  const { asOf, laterFacts = 'label' } = input;
  const later = (date: string | undefined) => isAfter(date, asOf);
  const name = (id: string) => input.lookup(id)?.name ?? id;
  const publisher = (id: string) => input.sources.get(id)?.publisher;
  const visible = <T extends { date?: string }>(items: readonly T[] | undefined): T[] =>
    (items ?? []).filter((item) => laterFacts === 'label' || !later(item.date));
  const facts = visible(entity.facts);
  const quotes = visible(entity.quotes);

  return {
    role: entity.kind === 'person' ? role(entity.roles, asOf, input.lookup) : undefined,
    facts: knownThenLater(facts, later, MAX_FACTS, MAX_LATER_FACTS).map((fact) => ({
      fact,
      later: later(fact.date),
      attribution: fact.attribution ?? (fact.claimedBy?.length ? `according to ${fact.claimedBy.map(name).join(', ')}` : undefined),
      publisher: publisher(fact.source),
      source: input.sources.get(fact.source),
    })),
    quotes: knownThenLater(quotes, later, MAX_QUOTES, MAX_LATER_QUOTES).map((quote) => ({
      quote,
      later: later(quote.date),
      speaker: name(quote.speaker),
      publisher: publisher(quote.source),
      source: input.sources.get(quote.source),
    })),
    timeline: visible(entity.timeline)
      .sort((a, b) => compareDates(a.date, b.date))
      .slice(0, MAX_TIMELINE_ITEMS)
      .map((item) => ({ item, later: later(item.date) })),
    related: entity.relations?.length ? relatedEntities(entity, input.lookup) : undefined,
    sources: citedSources(entity, input.sources),
  };
}

/**
 * What was known at the article's date comes first, most recent first; then a few later items,
 * also most recent first.
 */
function knownThenLater<T extends { date?: string }>(
  items: T[],
  later: (date: string | undefined) => boolean,
  known: number,
  after: number,
): T[] {
  const byRecency = (list: T[]) => list.sort((a, b) => compareDates(b.date, a.date));
  return [
    ...byRecency(items.filter((item) => !later(item.date))).slice(0, known),
    ...byRecency(items.filter((item) => later(item.date))).slice(0, after),
  ];
}

function role(roles: readonly Role[], asOf: string | undefined, lookup: CardModelInput['lookup']): CardRole | undefined {
  const current = roleAsOf(roles, asOf);
  if (!current.role) return undefined;
  const { title, organization, asOf: roleDate } = current.role;
  const organizationName = organization ? lookup(organization)?.name : undefined;
  return {
    title,
    organization: organizationName && !title.includes(organizationName) ? organizationName : undefined,
    asOf: roleDate,
    later: current.later,
  };
}

function relatedEntities(entity: Entity, lookup: CardModelInput['lookup']): RelatedEntity[] {
  const targets = new Set((entity.relations ?? []).map((relation) => relation.target));
  targets.delete(entity.id);
  return [...targets].slice(0, MAX_RELATED).map((id) => {
    const ref = lookup(id);
    return { id, name: ref?.name ?? id, known: ref !== undefined };
  });
}

function citedSources(entity: Entity, sources: ReadonlyMap<string, Source>): Source[] | undefined {
  const ids = new Set([
    ...(entity.sources ?? []),
    ...(entity.facts ?? []).map((fact) => fact.source),
    ...(entity.quotes ?? []).map((quote) => quote.source),
  ]);
  if (!ids.size) return undefined;
  return [...ids].flatMap((id) => sources.get(id) ?? []);
}
