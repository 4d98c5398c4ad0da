import type { Entity } from '../schema/dataset';

/**
 * Entity ids as they cross to pages: "datasetId/entityId". Dataset and entity ids are slugs, which
 * cannot hold a "/", so the first "/" splits them. Every reference inside an entity (relations,
 * speakers, claimants, organisations, parents, places, participants, nationality, country) and every
 * source id it cites is rewritten the same way when the entity is read for a page, so the content
 * script and the card work on one set of ids whatever the number of datasets.
 */
export const SCOPE_SEPARATOR = '/';

export function scopedId(dataset: string, id: string): string {
  return `${dataset}${SCOPE_SEPARATOR}${id}`;
}

/** The dataset and entity of a scoped id; null for an id without a dataset. */
export function splitScopedId(scoped: string): { dataset: string; id: string } | null {
  const at = scoped.indexOf(SCOPE_SEPARATOR);
  if (at <= 0 || at === scoped.length - 1) return null;
  return { dataset: scoped.slice(0, at), id: scoped.slice(at + 1) };
}

/** A copy of the entity with its id, every entity it refers to and every source it cites scoped to the dataset. */
export function scopeEntity(dataset: string, entity: Entity): Entity {
  const ref = (id: string) => scopedId(dataset, id);
  const cited = <T extends { source?: string }>(item: T): T => (item.source === undefined ? item : { ...item, source: ref(item.source) });
  const common = {
    id: ref(entity.id),
    ...(entity.relations ? { relations: entity.relations.map((relation) => cited({ ...relation, target: ref(relation.target) })) } : {}),
    ...(entity.facts
      ? { facts: entity.facts.map((fact) => cited(fact.claimedBy ? { ...fact, claimedBy: fact.claimedBy.map(ref) } : fact)) }
      : {}),
    ...(entity.quotes ? { quotes: entity.quotes.map((quote) => cited({ ...quote, speaker: ref(quote.speaker) })) } : {}),
    ...(entity.timeline ? { timeline: entity.timeline.map(cited) } : {}),
    ...(entity.sources ? { sources: entity.sources.map(ref) } : {}),
  };
  switch (entity.kind) {
    case 'person':
      return {
        ...entity,
        ...common,
        roles: entity.roles.map((role) =>
          cited(role.organization === undefined ? role : { ...role, organization: ref(role.organization) }),
        ),
        ...(entity.nationality === undefined ? {} : { nationality: ref(entity.nationality) }),
      };
    case 'organization':
      return {
        ...entity,
        ...common,
        ...(entity.parent === undefined ? {} : { parent: ref(entity.parent) }),
        ...(entity.country === undefined ? {} : { country: ref(entity.country) }),
      };
    case 'place':
      return { ...entity, ...common, ...(entity.locatedIn === undefined ? {} : { locatedIn: ref(entity.locatedIn) }) };
    case 'event':
      return {
        ...entity,
        ...common,
        place: ref(entity.place),
        ...(entity.participants ? { participants: entity.participants.map(ref) } : {}),
        ...(entity.phases ? { phases: entity.phases.map(cited) } : {}),
      };
  }
}
