// zod/mini: the content script reads settings, and the full Zod build would double its size.
import * as z from 'zod/mini';
import { ENTITY_KINDS } from '../schema/kinds';

const STYLES = ['underline', 'background', 'none'] as const;
const LATER_FACTS = ['label', 'hide'] as const;
const MARKS = ['every', 'first'] as const;
const MAX_SITES = 10_000;

/** The scalar defaults, shared by the schema and defaultSettings() (the lists default to empty and all kinds). */
const DEFAULTS = { enabled: true, dwellMs: 300, highlightStyle: STYLES[0], laterFacts: LATER_FACTS[0], marks: MARKS[0] } as const;

function makeFields() {
  return {
    /** One value each. */
    values: {
      /** Master switch. */
      enabled: z.boolean(),
      /** Hover time before a card opens, in milliseconds. */
      dwellMs: z.int().check(z.minimum(0), z.maximum(3_000)),
      /** How mentions look. */
      highlightStyle: z.enum(STYLES),
      /** Facts dated after the article: labelled "later", or hidden. */
      laterFacts: z.enum(LATER_FACTS),
      /** Every mention marked, or only the first of each entity in the article (Wikipedia's link-once habit). */
      marks: z.enum(MARKS),
    },
    /** Lists, checked item by item. */
    items: {
      /** Hostnames where the user switched Backstory off (curated sites included). */
      disabledSites: z.string().check(z.minLength(1), z.maxLength(253)),
      /** Hostnames outside the curated list where the user switched Backstory on. */
      enabledSites: z.string().check(z.minLength(1), z.maxLength(253)),
      /** Kinds of entity to mark on pages. */
      kinds: z.enum(ENTITY_KINDS),
    },
  };
}

function makeSchema() {
  const fields = makeFields();
  const { values, items } = fields;
  return {
    ...fields,
    /** The whole object, strictly: what the options page checks a change against before saving it. */
    whole: z.object({
      enabled: values.enabled,
      dwellMs: values.dwellMs,
      highlightStyle: values.highlightStyle,
      laterFacts: values.laterFacts,
      marks: values.marks,
      disabledSites: z.array(items.disabledSites).check(z.maxLength(MAX_SITES)),
      enabledSites: z.array(items.enabledSites).check(z.maxLength(MAX_SITES)),
      kinds: z.array(items.kinds),
    }),
  };
}

let schema: ReturnType<typeof makeSchema> | undefined;

/**
 * User settings, kept in `storage.local` (readable by the content script without a round trip) and
 * validated on every read. Built on first use: building Zod schemas is a few milliseconds of cold
 * code that a news page should not pay while the content script loads.
 */
function schemas(): ReturnType<typeof makeSchema> {
  return (schema ??= makeSchema());
}

/** The whole settings object, for checking a change before it is saved. */
export function settingsSchema(): ReturnType<typeof makeSchema>['whole'] {
  return schemas().whole;
}

export type Settings = z.infer<ReturnType<typeof makeSchema>['whole']>;

export const SETTINGS_KEY = 'settings';

/**
 * Reads stored settings field by field: a missing or bad field falls back to its default alone, and
 * a list keeps its good items (one bad entry never resets the sites the user switched off).
 */
export function parseSettings(raw: unknown): Settings {
  const settings = defaultSettings();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return settings;
  const stored = raw as Record<string, unknown>;
  const { values, items } = schemas();
  for (const key of Object.keys(values) as Array<keyof typeof values>) {
    if (!Object.hasOwn(stored, key)) continue;
    const parsed = values[key].safeParse(stored[key]);
    if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.data;
  }
  for (const key of Object.keys(items) as Array<keyof typeof items>) {
    const list = Object.hasOwn(stored, key) ? stored[key] : undefined;
    if (!Array.isArray(list)) continue;
    const kept = list.filter((item) => items[key].safeParse(item).success).slice(0, MAX_SITES);
    (settings as Record<string, unknown>)[key] = [...new Set(kept)];
  }
  return settings;
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
