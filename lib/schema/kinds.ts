/**
 * The kinds of entity, in the order lists show them. Plain constants with no Zod, so that the
 * content script can use them without loading the schema library.
 */
export const ENTITY_KINDS = ['person', 'organization', 'place', 'event'] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];

/** A count per kind, each starting at zero. */
export function zeroPerKind(): Record<EntityKind, number> {
  return { person: 0, organization: 0, place: 0, event: 0 };
}
