import bundledJson from '../../data/backstory.json';
import { validateDataset } from '../../lib/dataset/validate';
import { compileSnapshot, type MatcherSnapshot } from '../../lib/match/snapshot';
import type { Dataset, Entity } from '../../lib/schema/dataset';

/** The bundled dataset, validated exactly as the extension validates it before loading. */
export function bundledDataset(): Dataset {
  const result = validateDataset(bundledJson);
  if (!result.ok) throw new Error(`data/backstory.json is invalid: ${result.problems[0]?.path}: ${result.problems[0]?.message}`);
  return result.dataset;
}

/** The snapshot the background would hand the content script for the bundled data. */
export function bundledSnapshot(dataset: Dataset = bundledDataset()): MatcherSnapshot {
  return compileSnapshot(`${dataset.id}@${dataset.version}`, dataset.entities);
}

/** Every alias text of the dataset, once each (what mark.js is asked to find). */
export function aliasTexts(entities: readonly Entity[]): string[] {
  return [...new Set(entities.flatMap((entity) => entity.aliases.map((alias) => alias.text)))];
}

/**
 * Names that link on their own (no context, one entity, any case): the live check inserts these and
 * expects each occurrence to be highlighted as exactly this text.
 */
export function plainFullNames(entities: readonly Entity[]): string[] {
  const owners = new Map<string, number>();
  for (const entity of entities)
    for (const alias of entity.aliases) owners.set(alias.text.toLowerCase(), (owners.get(alias.text.toLowerCase()) ?? 0) + 1);
  return entities
    .filter((entity) => entity.kind === 'person' || entity.kind === 'organization')
    .map((entity) => entity.aliases.find((alias) => alias.text === entity.name))
    .filter((alias) => alias && !alias.caseSensitive && !alias.needsContext && !alias.ambiguous && alias.text.includes(' '))
    .map((alias) => alias!.text)
    .filter((text) => owners.get(text.toLowerCase()) === 1);
}
