import type { Correction } from './rules';

/** Where a correction hides marks, as the options page says it. */
export function placeOf(correction: Pick<Correction, 'words' | 'page' | 'site'>): string {
  if (correction.words === undefined) return 'Every mark of the entity';
  if (correction.page !== undefined) return `On one page: ${correction.page}`;
  if (correction.site !== undefined) return `On one site: ${correction.site}`;
  return 'Everywhere';
}

/** One line naming a correction, for a button's accessible name: "Antony Blinken, “Blinken”, on one site: example.org". */
export function describeCorrection(correction: Pick<Correction, 'entityName' | 'text' | 'words' | 'page' | 'site'>): string {
  const place = placeOf(correction);
  const lower = place.charAt(0).toLowerCase() + place.slice(1);
  if (correction.words === undefined) return `${correction.entityName}, every mark`;
  return `${correction.entityName}, “${correction.text ?? correction.words}”, ${lower}`;
}

/** Whether a correction matches what the reader typed to find it (its entity, words, page or site). */
export function correctionMatches(correction: Pick<Correction, 'entityName' | 'text' | 'page' | 'site'>, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return [correction.entityName, correction.text, correction.page, correction.site].some((field) => field?.toLowerCase().includes(needle));
}
