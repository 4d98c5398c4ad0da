import { z } from 'zod';
import { EntityKind } from '../schema/dataset';

/**
 * User settings, kept in `storage.local` (readable by the content script without a round trip)
 * and validated on every read: a corrupt or outdated value falls back to the defaults.
 */
export const Settings = z.object({
  /** Master switch. */
  enabled: z.boolean().default(true),
  /** Hostnames where the user switched Backstory off (curated sites included). */
  disabledSites: z.array(z.string().max(253)).max(10_000).default([]),
  /** Hostnames outside the curated list where the user switched Backstory on. */
  enabledSites: z.array(z.string().max(253)).max(10_000).default([]),
  /** Hover time before a card opens. */
  dwellMs: z.number().int().min(0).max(3_000).default(300),
  /** Kinds of entity to mark on pages. */
  kinds: z.array(EntityKind).default(['person', 'organization', 'place', 'event']),
  /** How mentions look. */
  highlightStyle: z.enum(['underline', 'background', 'none']).default('underline'),
  /** Facts dated after the article: labelled "later", or hidden. */
  laterFacts: z.enum(['label', 'hide']).default('label'),
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
  const host = hostname.toLowerCase();
  if (settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`))) return false;
  return curated || settings.enabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}
