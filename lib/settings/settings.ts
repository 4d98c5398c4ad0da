// zod/mini: the content script reads settings, and the full Zod build would double its size.
import * as z from 'zod/mini';
import { ENTITY_KINDS } from '../schema/kinds';

const STYLES = ['underline', 'background', 'none'] as const;
const LATER_FACTS = ['label', 'hide'] as const;

/** The scalar defaults, shared by the schema and defaultSettings() (the lists default to empty and all kinds). */
const DEFAULTS = { enabled: true, dwellMs: 300, highlightStyle: STYLES[0], laterFacts: LATER_FACTS[0] } as const;

function makeSchema() {
  const host = z.string().check(z.maxLength(253));
  return z.object({
    /** Master switch. */
    enabled: z._default(z.boolean(), DEFAULTS.enabled),
    /** Hostnames where the user switched Backstory off (curated sites included). */
    disabledSites: z._default(z.array(host).check(z.maxLength(10_000)), () => []),
    /** Hostnames outside the curated list where the user switched Backstory on. */
    enabledSites: z._default(z.array(host).check(z.maxLength(10_000)), () => []),
    /** Hover time before a card opens, in milliseconds. */
    dwellMs: z._default(z.int().check(z.minimum(0), z.maximum(3_000)), DEFAULTS.dwellMs),
    /** Kinds of entity to mark on pages. */
    kinds: z._default(z.array(z.enum(ENTITY_KINDS)), () => [...ENTITY_KINDS]),
    /** How mentions look. */
    highlightStyle: z._default(z.enum(STYLES), DEFAULTS.highlightStyle),
    /** Facts dated after the article: labelled "later", or hidden. */
    laterFacts: z._default(z.enum(LATER_FACTS), DEFAULTS.laterFacts),
  });
}

let schema: ReturnType<typeof makeSchema> | undefined;

/**
 * User settings, kept in `storage.local` (readable by the content script without a round trip)
 * and validated on every read: a corrupt or outdated value falls back to the defaults. Built on
 * first use: building Zod schemas is a few milliseconds of cold code that a news page should not
 * pay while the content script loads.
 */
export function settingsSchema(): ReturnType<typeof makeSchema> {
  return (schema ??= makeSchema());
}

export type Settings = z.infer<ReturnType<typeof makeSchema>>;

export const SETTINGS_KEY = 'settings';

export function parseSettings(raw: unknown): Settings {
  if (raw === undefined || raw === null) return defaultSettings();
  const parsed = settingsSchema().safeParse(raw);
  return parsed.success ? parsed.data : defaultSettings();
}

/** The settings of a fresh install, also what a missing or corrupt stored value reads as (a new copy each time). */
export function defaultSettings(): Settings {
  return { ...DEFAULTS, disabledSites: [], enabledSites: [], kinds: [...ENTITY_KINDS] };
}

/** Whether Backstory should run on a host, given the settings and whether the host is curated. */
export function isActiveOn(settings: Settings, hostname: string, curated: boolean): boolean {
  if (!settings.enabled) return false;
  const hostLower = hostname.toLowerCase();
  const listed = (sites: string[]) => sites.some((site) => hostLower === site || hostLower.endsWith(`.${site}`));
  if (listed(settings.disabledSites)) return false;
  return curated || listed(settings.enabledSites);
}
