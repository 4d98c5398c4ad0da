import type { Entity } from '../schema/dataset';
import { nameTokens } from '../text/fold';
import type { EntityRow } from './database';

export function foldQuery(text: string): string {
  return nameTokens(text)
    .map((token) => token.toLowerCase())
    .join(' ');
}

/** Every folded alias, plus each of its word suffixes, so "blink" finds "Antony Blinken". */
export function searchKeys(entity: Entity): string[] {
  const keys = new Set<string>();
  for (const text of [entity.name, ...entity.aliases.map((alias) => alias.text)]) {
    const tokens = nameTokens(text).map((token) => token.toLowerCase());
    for (let i = 0; i < tokens.length; i++) keys.add(tokens.slice(i).join(' '));
  }
  return [...keys];
}

export function toRow(entity: Entity): EntityRow {
  return { id: entity.id, kind: entity.kind, nameKey: foldQuery(entity.name), searchKeys: searchKeys(entity), entity };
}
