import type { DateCertainty, EntityKind, Source } from '../lib/schema/dataset';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-02-15" → "15 Feb 2024", "2023-11" → "Nov 2023", "2024" → "2024". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (!month) return year!;
  const name = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

export function formatDateWithCertainty(date: string, certainty: DateCertainty | undefined): string {
  if (certainty === 'inferred') return `${formatDate(date)} (inferred)`;
  if (certainty === 'approximate') return `c. ${formatDate(date)}`;
  return formatDate(date);
}

export const KIND_LABEL: Record<EntityKind, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  event: 'Event',
};

export const KIND_PLURAL: Record<EntityKind, string> = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
  event: 'Events',
};

export function sourceLabel(source: Source): string {
  return `${source.publisher}, ${formatDateWithCertainty(source.date, source.dateCertainty)}`;
}

/** Only http(s) URLs are ever rendered as links. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
