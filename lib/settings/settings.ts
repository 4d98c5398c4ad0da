// zod/mini: the content script reads settings, and the full Zod build would double its size.
import * as z from 'zod/mini';

const KINDS = ['person', 'organization', 'place', 'event'] as const;
const host = z.string().check(z.maxLength(253));

/**
 * User settings, kept in `storage.local` (readable by the content script without a round trip)
 * and validated on every read: a corrupt or outdated value falls back to the defaults.
 */
export const Settings = z.object({
  /** Master switch. */
  enabled: z._default(z.boolean(), true),
  /** Hostnames where the user switched Backstory off (curated sites included). */
  disabledSites: z._default(z.array(host).check(z.maxLength(10_000)), []),
  /** Hostnames outside the curated list where the user switched Backstory on. */
  enabledSites: z._default(z.array(host).check(z.maxLength(10_000)), []),
  /** Hover time before a card opens, in milliseconds. */
  dwellMs: z._default(z.int().check(z.minimum(0), z.maximum(3_000)), 300),
  /** Kinds of entity to mark on pages. */
  kinds: z._default(z.array(z.enum(KINDS)), [...KINDS]),
  /** How mentions look. */
  highlightStyle: z._default(z.enum(['underline', 'background', 'none']), 'underline'),
  /** Facts dated after the article: labelled "later", or hidden. */
  laterFacts: z._default(z.enum(['label', 'hide']), 'label'),
});
export type Settings = z.infer<typeof Settings>;

export const SETTINGS_KEY = 'settings';
export const DEFAULT_SETTINGS: Settings = Settings.parse({});

export function parseSettings(raw: unknown): Settings {
  const parsed = Settings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Whether Backstory should run on a host, given the settings and whether the host is curated. */
export function isActiveOn(settings: Settings, hostname: string, curated: boolean): boolean {
  if (!settings.enabled) return false;
  const hostLower = hostname.toLowerCase();
  const listed = (sites: string[]) => sites.some((site) => hostLower === site || hostLower.endsWith(`.${site}`));
  if (listed(settings.disabledSites)) return false;
  return curated || listed(settings.enabledSites);
}
