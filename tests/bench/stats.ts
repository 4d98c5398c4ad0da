/** The middle value (mean of the two middle ones for an even count): robust to one slow run. */
export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function max(values: readonly number[]): number {
  return values.length ? Math.max(...values) : Number.NaN;
}

/** Largest non-null value, or null when every run had none (e.g. no long task at all). */
export function maxOrNull(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length ? Math.max(...present) : null;
}

/** The item with the largest value (the first of equals), or null for no items. */
export function worstBy<T>(items: readonly T[], value: (item: T) => number): T | null {
  return items.reduce<T | null>((worst, item) => (worst === null || value(item) > value(worst) ? item : worst), null);
}
