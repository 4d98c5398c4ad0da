import type { Alias, Dataset, Entity } from '../schema/dataset';
import { aliasKey } from '../text/fold';

export interface MergeReport {
  dataset: Dataset;
  /** Entities that two inputs describe with different kinds (the first one wins). */
  conflicts: string[];
}

const LIST_FIELDS = ['roles', 'relations', 'facts', 'quotes', 'timeline', 'sources', 'participants', 'phases'] as const;

/**
 * Merges datasets that describe overlapping entities (for example, parts derived from different
 * articles): entities with the same id are combined, lists are united without duplicates, and the
 * first input's name, summary and scalar fields win. Sources are united by id.
 */
export function mergeDatasets(base: Omit<Dataset, 'entities' | 'sources'>, inputs: readonly Dataset[]): MergeReport {
  const sources = new Map<string, Dataset['sources'][number]>();
  const entities = new Map<string, Entity>();
  const conflicts: string[] = [];
  for (const input of inputs) {
    for (const source of input.sources) if (!sources.has(source.id)) sources.set(source.id, source);
    for (const entity of input.entities) {
      const existing = entities.get(entity.id);
      if (!existing) {
        entities.set(entity.id, structuredClone(entity));
        continue;
      }
      if (existing.kind !== entity.kind) {
        conflicts.push(`${entity.id}: "${existing.kind}" in one input, "${entity.kind}" in another`);
        continue;
      }
      mergeInto(existing, entity);
    }
  }
  return { dataset: { ...base, sources: [...sources.values()], entities: [...entities.values()] }, conflicts };
}

function mergeInto(target: Entity, other: Entity): void {
  target.aliases = mergeAliases(target.aliases, other.aliases);
  const t = target as unknown as Record<string, unknown>;
  const o = other as unknown as Record<string, unknown>;
  for (const field of LIST_FIELDS) {
    const a = t[field] as unknown[] | undefined;
    const b = o[field] as unknown[] | undefined;
    if (!b?.length) continue;
    const seen = new Set((a ?? []).map((item) => JSON.stringify(item)));
    t[field] = [...(a ?? []), ...b.filter((item) => !seen.has(JSON.stringify(item)))];
  }
  for (const [key, value] of Object.entries(o)) {
    if (t[key] === undefined) t[key] = value;
  }
}

function mergeAliases(a: readonly Alias[], b: readonly Alias[]): Alias[] {
  const out = a.map((alias) => ({ ...alias }));
  const index = new Map(out.map((alias) => [aliasKey(alias.text, alias.caseSensitive ?? false), alias]));
  for (const alias of b) {
    const key = aliasKey(alias.text, alias.caseSensitive ?? false);
    const existing = index.get(key);
    if (!existing) {
      const copy = { ...alias };
      out.push(copy);
      index.set(key, copy);
      continue;
    }
    if (alias.needsContext) existing.needsContext = true;
    if (alias.ambiguous) existing.ambiguous = true;
  }
  return out;
}
