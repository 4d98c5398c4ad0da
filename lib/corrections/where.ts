/**
 * Where a correction applies, read from a page's address (by the background, from the sender as the
 * browser reports it; by the card, for its labels). Kept apart: the script every page loads needs
 * only these, not the rules.
 */

/** The site a page belongs to, as corrections scope it: its host name without "www.". */
export function siteOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\./, '');
}

/** The page a correction scopes to: scheme, host and path (query and fragment vary for one article). */
export function pageOf(url: URL): string {
  return `${url.protocol}//${url.host.toLowerCase()}${url.pathname}`;
}

/** A web page's address (http or https) as a URL; null for anything else or nothing. */
export function webPageUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}
