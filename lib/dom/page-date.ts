/**
 * The page's publication date, as the page states it: `article:published_time` and friends,
 * JSON-LD `datePublished`, or the first `<time datetime>` in the article. Returns "YYYY-MM-DD".
 */
const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];

export function readPublicationDate(doc: Document): string | undefined {
  for (const selector of META_SELECTORS) {
    const date = toIsoDay(doc.querySelector(selector)?.getAttribute('content'));
    if (date) return date;
  }
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, 10)) {
    const date = fromJsonLd(script.textContent ?? '');
    if (date) return date;
  }
  const time = doc.querySelector('article time[datetime], main time[datetime], time[pubdate], time[datetime]');
  return toIsoDay(time?.getAttribute('datetime'));
}

function fromJsonLd(text: string): string | undefined {
  if (text.length > 200_000) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const queue: unknown[] = [data];
  for (let seen = 0; queue.length && seen < 200; seen++) {
    const item = queue.shift();
    if (!item || typeof item !== 'object') continue;
    if (Array.isArray(item)) {
      queue.push(...item);
      continue;
    }
    const record = item as Record<string, unknown>;
    const date = typeof record.datePublished === 'string' ? toIsoDay(record.datePublished) : undefined;
    if (date) return date;
    if (record['@graph']) queue.push(record['@graph']);
  }
  return undefined;
}

export function toIsoDay(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match) return `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) return undefined;
  return new Date(parsed).toISOString().slice(0, 10);
}
