import type { Entity } from '../schema/dataset';
import { ENTITY_KINDS, type EntityKind } from '../schema/kinds';
import { salienceOf } from '../schema/salience';
import { aliasKey } from '../text/fold';

/**
 * The matcher snapshot: everything the content script needs to spot mentions, in a compact,
 * serialisable form. Built once per dataset version in the extension's origin and handed to
 * content scripts, which never see the database.
 */
export interface SnapshotEntity {
  id: string;
  name: string;
  kind: EntityKind;
  /** Indices of related entities; enough of them on a page lets a context-needing alias link. */
  related: number[];
  /** For events: the start date; pages published before it cannot be talking about it. */
  start?: string;
  /**
   * Set for background entities (see `salience` in the dataset format): they link only on pages
   * where the topic is present. Absent means core, so snapshots made before it gate nothing.
   */
  background?: true;
}

export const ALIAS_CASE_SENSITIVE = 1;
export const ALIAS_NEEDS_CONTEXT = 2;
/** The alias is the entity's display name (folded): a mention by it is strong evidence of the entity. */
export const ALIAS_IS_NAME = 4;

/**
 * [folded key, entity index, flags]. The key is the alias's tokens joined by the mark of the gap
 * between them (" ", ",", ".", "&"; see `aliasKey`): "washington,d.c". Keys written before gaps
 * were recorded (tokens joined by spaces only) read the same as before.
 */
export type SnapshotAlias = [key: string, entity: number, flags: number];

export interface MatcherSnapshot {
  version: string;
  entities: SnapshotEntity[];
  aliases: SnapshotAlias[];
}

export function compileSnapshot(version: string, entities: readonly Entity[]): MatcherSnapshot {
  const index = new Map<string, number>();
  entities.forEach((entity, i) => index.set(entity.id, i));

  const snapshotEntities: SnapshotEntity[] = entities.map((entity) => {
    const related = new Set<number>();
    const add = (id: string | undefined) => {
      const i = id === undefined ? undefined : index.get(id);
      if (i !== undefined && id !== entity.id) related.add(i);
    };
    for (const relation of entity.relations ?? []) add(relation.target);
    if (entity.kind === 'person') for (const role of entity.roles) add(role.organization);
    if (entity.kind === 'organization') add(entity.parent);
    if (entity.kind === 'place') add(entity.locatedIn);
    if (entity.kind === 'event') {
      add(entity.place);
      for (const id of entity.participants ?? []) add(id);
    }
    const out: SnapshotEntity = { id: entity.id, name: entity.name, kind: entity.kind, related: [...related] };
    if (entity.kind === 'event') out.start = entity.start;
    if (salienceOf(entity) === 'background') out.background = true;
    return out;
  });
  // Relations are read both ways: if Blinken is related to the State Department, the reverse holds for gating.
  snapshotEntities.forEach((entity, i) => {
    for (const j of entity.related) {
      const other = snapshotEntities[j]!;
      if (!other.related.includes(i)) other.related.push(i);
    }
  });

  const aliases: SnapshotAlias[] = [];
  const seen = new Set<string>();
  entities.forEach((entity, i) => {
    const nameKey = aliasKey(entity.name, false);
    for (const alias of entity.aliases) {
      const caseSensitive = alias.caseSensitive ?? false;
      let flags = 0;
      if (caseSensitive) flags |= ALIAS_CASE_SENSITIVE;
      if (alias.needsContext || alias.ambiguous) flags |= ALIAS_NEEDS_CONTEXT;
      if (aliasKey(alias.text, false) === nameKey) flags |= ALIAS_IS_NAME;
      for (const text of spellings(alias.text)) {
        const key = aliasKey(text, caseSensitive);
        if (!key) continue;
        const dedupe = `${i}\u0000${caseSensitive ? 'c' : 'i'}${key}`;
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        aliases.push([key, i, flags]);
      }
    }
  });
  return { version, entities: snapshotEntities, aliases };
}

/** Gating by topic needs both: core entities to recognise the topic by, background ones to hold back. */
export function hasBothSaliences(entities: readonly SnapshotEntity[]): boolean {
  let core = false;
  let background = false;
  for (const entity of entities) {
    if (entity.background) background = true;
    else core = true;
    if (core && background) return true;
  }
  return false;
}

/** The snapshot with the aliases of entities of other kinds left out (the kinds the reader chose to mark). */
export function onlyKinds(snapshot: MatcherSnapshot, kinds: readonly EntityKind[]): MatcherSnapshot {
  const allowed = new Set(kinds);
  if (ENTITY_KINDS.every((kind) => allowed.has(kind))) return snapshot;
  return { ...snapshot, aliases: snapshot.aliases.filter(([, entity]) => allowed.has(snapshot.entities[entity]!.kind)) };
}

/** A capitalised acronym of two to four letters, as a word of its own ("UN", "US" in "US-proposed"). */
const ACRONYM = /\b[A-Z]{2,4}\b/g;

/**
 * The spellings an alias is looked for in: as written, and with its acronyms dotted ("UN Security
 * Council" is also "U.N. Security Council", "US draft resolution" also "U.S. draft resolution"), so
 * a dotted acronym inside a longer name finds the name, not the acronym alone.
 */
export function spellings(text: string): string[] {
  ACRONYM.lastIndex = 0;
  if (!ACRONYM.test(text)) return [text];
  return [text, text.replace(ACRONYM, (acronym) => `${acronym.split('').join('.')}.`)];
}
