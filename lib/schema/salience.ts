import type { Entity, Salience } from './dataset';

/**
 * An entity's salience, with the documented default when the dataset leaves it out: a place is
 * background (a country or a city is named on pages about anything), people, organisations and
 * events are core. Datasets mark big general organisations (the UN, a news outlet) background.
 */
export function salienceOf(entity: Pick<Entity, 'kind' | 'salience'>): Salience {
  if (entity.salience) return entity.salience;
  return entity.kind === 'place' ? 'background' : 'core';
}
