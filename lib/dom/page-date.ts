/**
 * The page's publication date, as the page states it: `article:published_time` and friends,
 * JSON-LD `datePublished`, or the first `<time datetime>` in the article; failing those, the date in
 * the page's address (`/2015/03/18/`, `/2015/mar/18/`) or its visible dateline ("Published 18 March
 * 2015"). Returns "YYYY-MM-DD".
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

export function readPublicationDate(doc: Document, url: string = doc.URL ?? ''): string | undefined {
  return fromMetadata(doc) ?? fromUrl(url) ?? fromDateline(doc);
}

function fromMetadata(doc: Document): string | undefined {
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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** `/2015/03/18/`, `/2015/mar/18/`, `/2015-03-18/` in a path. */
const URL_DATE = new RegExp(`/((?:19|20)\\d\\d)[/-](\\d\\d|${MONTH})[/-](\\d\\d?)(?:/|-|$|\\.)`, 'i');
/** "March 18, 2015", "Mar. 18 2015", "18 March 2015", "2015-03-18" in a dateline. */
const TEXT_DATES = [
  new RegExp(`\\b${MONTH}\\s+(\\d\\d?)(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b`, 'i'),
  new RegExp(`\\b(\\d\\d?)(?:st|nd|rd|th)?\\s+${MONTH}\\s+((?:19|20)\\d\\d)\\b`, 'i'),
  /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/,
];
/** Where a visible dateline usually is; only the first few, and only short ones, are read. */
const DATELINE_SELECTOR =
  'time, [class*="dateline"], [class*="date"], [class*="timestamp"], [class*="publish"], [class*="byline"], [itemprop="datePublished"]';
const DATELINES_READ = 10;
const DATELINE_CHARS = 200;

/** The date in a page's address, if its path has one. */
export function fromUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  // Groups: the year, the month (a number or a name; the name again, inside it), the day.
  const found = URL_DATE.exec(path);
  return found ? isoDay(found[1]!, found[2]!.replace('.', ''), found[4]!) : undefined;
}

function fromDateline(doc: Document): string | undefined {
  const elements = Array.from((doc.body ?? doc).querySelectorAll(DATELINE_SELECTOR)).slice(0, DATELINES_READ);
  for (const element of elements) {
    // A dateline is short: a long text is a section that happens to have "date" in its class ("update").
    const text = element.textContent ?? '';
    const date = text.length <= DATELINE_CHARS ? dateInText(text) : undefined;
    if (date) return date;
  }
  return undefined;
}

/** The first date written out in a short text ("Published 14 March 2024"). */
export function dateInText(text: string): string | undefined {
  const [monthFirst, dayFirst, numeric] = TEXT_DATES;
  let found = monthFirst!.exec(text);
  if (found) return isoDay(found[3]!, found[1]!, found[2]!);
  found = dayFirst!.exec(text);
  if (found) return isoDay(found[3]!, found[2]!, found[1]!);
  found = numeric!.exec(text);
  return found ? isoDay(found[1]!, found[2]!, found[3]!) : undefined;
}

/** "YYYY-MM-DD" from a year, a month (a number or an English name) and a day, if that day exists. */
function isoDay(year: string, month: string, day: string): string | undefined {
  const m = /^\d+$/.test(month) ? Number(month) : MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  const d = Number(day);
  const y = Number(year);
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return date.toISOString().slice(0, 10);
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
