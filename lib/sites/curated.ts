/**
 * News sites Backstory runs on out of the box. Any other site runs only after the user enables it
 * (optional host permission). Kept as match patterns so the manifest and the popup share one list.
 */
export const CURATED_SITES: ReadonlyArray<{ name: string; patterns: string[] }> = [
  { name: 'CNN', patterns: ['*://*.cnn.com/*'] },
  { name: 'Associated Press', patterns: ['*://*.apnews.com/*'] },
  { name: 'Reuters', patterns: ['*://*.reuters.com/*'] },
  { name: 'BBC', patterns: ['*://*.bbc.com/*', '*://*.bbc.co.uk/*'] },
  { name: 'The New York Times', patterns: ['*://*.nytimes.com/*'] },
  { name: 'The Washington Post', patterns: ['*://*.washingtonpost.com/*'] },
  { name: 'The Guardian', patterns: ['*://*.theguardian.com/*'] },
  { name: 'Al Jazeera', patterns: ['*://*.aljazeera.com/*'] },
  { name: 'The Jerusalem Post', patterns: ['*://*.jpost.com/*'] },
  { name: 'The Times of Israel', patterns: ['*://*.timesofisrael.com/*'] },
  { name: 'Haaretz', patterns: ['*://*.haaretz.com/*'] },
  { name: 'NPR', patterns: ['*://*.npr.org/*'] },
  { name: 'The Telegraph', patterns: ['*://*.telegraph.co.uk/*'] },
  { name: 'Financial Times', patterns: ['*://*.ft.com/*'] },
  { name: 'The Economist', patterns: ['*://*.economist.com/*'] },
  { name: 'Axios', patterns: ['*://*.axios.com/*'] },
  { name: 'Politico', patterns: ['*://*.politico.com/*', '*://*.politico.eu/*'] },
  { name: 'NBC News', patterns: ['*://*.nbcnews.com/*'] },
  { name: 'CBS News', patterns: ['*://*.cbsnews.com/*'] },
  { name: 'ABC News', patterns: ['*://*.abcnews.go.com/*'] },
  { name: 'Fox News', patterns: ['*://*.foxnews.com/*'] },
  { name: 'France 24', patterns: ['*://*.france24.com/*'] },
  { name: 'Deutsche Welle', patterns: ['*://*.dw.com/*'] },
  { name: 'Le Monde', patterns: ['*://*.lemonde.fr/*'] },
  { name: 'La Nación', patterns: ['*://*.lanacion.com.ar/*'] },
  { name: 'Ynet', patterns: ['*://*.ynetnews.com/*'] },
  { name: 'Arab News', patterns: ['*://*.arabnews.com/*'] },
  { name: 'The Independent', patterns: ['*://*.independent.co.uk/*'] },
];

export const CURATED_MATCHES: string[] = CURATED_SITES.flatMap((site) => site.patterns);

/** Registrable domains of the curated sites ("cnn.com", "bbc.co.uk"). */
export const CURATED_DOMAINS: string[] = CURATED_MATCHES.map((pattern) => pattern.replace(/^\*:\/\/\*\./, '').replace(/\/\*$/, ''));

/** True when a hostname belongs to a curated news site. */
export function isCuratedHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return CURATED_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
