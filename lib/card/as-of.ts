import type { Role } from '../schema/dataset';

/**
 * "As of the article" logic: what a reader of a story published on `pageDate` could know.
 * Dates may be partial ("2023", "2023-11", "2023-11-05"): they are compared at the precision both share,
 * so a fact dated "2023-11" is not "later" than an article of 5 November 2023.
 */
export function isAfter(date: string | undefined, pageDate: string | undefined): boolean {
  if (!date || !pageDate) return false;
  const n = Math.min(date.length, pageDate.length);
  return date.slice(0, n) > pageDate.slice(0, n);
}

/**
 * Orders ISO dates, partial or not ("2023" < "2023-11" < "2023-11-05" < "2024"), by code unit.
 * Not `localeCompare`: its first call builds an ICU collator, which costs a news page ~15 ms on the
 * first card, and a locale's rules have no business ordering digits and hyphens.
 */
export function compareDates(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

function roleDate(role: Role): string | undefined {
  return role.from ?? role.asOf;
}

/** The role to show for a page date: the latest one that had begun by then (or the latest overall). */
export function roleAsOf(roles: readonly Role[], pageDate: string | undefined): { role: Role | undefined; later: boolean } {
  if (!roles.length) return { role: undefined, later: false };
  const sorted = [...roles].sort((a, b) => compareDates(roleDate(a), roleDate(b)));
  if (!pageDate) return { role: sorted[sorted.length - 1], later: false };
  const known = sorted.filter((role) => !isAfter(roleDate(role), pageDate) && !(role.to && role.to < pageDate.slice(0, role.to.length)));
  if (known.length) return { role: known[known.length - 1], later: false };
  return { role: sorted[0], later: true };
}
