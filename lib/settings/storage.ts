import { extensionApi } from '../extension-api';
import { parseSettings, SETTINGS_KEY, type Settings } from './settings';

/** Reads the settings from `storage.local` (validated; defaults when missing or corrupt). */
export async function loadSettings(): Promise<Settings> {
  const stored = await extensionApi().storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

/** Writes a change to the settings (only extension pages call this). */
export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await loadSettings()), ...change });
  await extensionApi().storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls back with fresh settings whenever they change; returns the unsubscribe function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) callback(parseSettings(changes[SETTINGS_KEY]?.newValue));
  };
  extensionApi().storage.onChanged.addListener(listener);
  return () => extensionApi().storage.onChanged.removeListener(listener);
}

/**
 * Bumped by the background whenever what pages see changes (a dataset switched, moved, imported or
 * edited); open pages watch it and start their session again with the new snapshot.
 */
export const DATA_VERSION_KEY = 'backstory-data-version';

export async function bumpDataVersion(): Promise<void> {
  await extensionApi().storage.local.set({ [DATA_VERSION_KEY]: Date.now() });
}

/** Calls back whenever the data changes; returns the unsubscribe function. */
export function watchDataVersion(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && DATA_VERSION_KEY in changes) callback();
  };
  extensionApi().storage.onChanged.addListener(listener);
  return () => extensionApi().storage.onChanged.removeListener(listener);
}

/** The library's datasets, remembered outside IndexedDB so that its eviction can be noticed (see `detectEviction`). */
const LIBRARY_KEY = 'backstory-library';
/** What the browser cleared, for the options page to tell the reader. */
const EVICTED_KEY = 'backstory-evicted';

export interface Eviction {
  noticedAt: string;
  lost: Array<{ id: string; title: string }>;
}

export async function rememberLibrary(datasets: Array<{ id: string; title: string }>): Promise<void> {
  await extensionApi().storage.local.set({ [LIBRARY_KEY]: datasets.map(({ id, title }) => ({ id, title })) });
}

export async function rememberedLibrary(): Promise<Array<{ id: string; title: string }>> {
  const stored = (await extensionApi().storage.local.get(LIBRARY_KEY))[LIBRARY_KEY];
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (entry): entry is { id: string; title: string } =>
      typeof entry === 'object' && entry !== null && typeof entry.id === 'string' && typeof entry.title === 'string',
  );
}

export async function noteEviction(eviction: Eviction): Promise<void> {
  await extensionApi().storage.local.set({ [EVICTED_KEY]: eviction });
}

export async function readEviction(): Promise<Eviction | null> {
  const stored = (await extensionApi().storage.local.get(EVICTED_KEY))[EVICTED_KEY] as Partial<Eviction> | undefined;
  if (!stored || typeof stored.noticedAt !== 'string' || !Array.isArray(stored.lost)) return null;
  const lost = stored.lost.filter((entry) => typeof entry?.title === 'string').map(({ id, title }) => ({ id: String(id), title }));
  return { noticedAt: stored.noticedAt, lost };
}

export async function dismissEviction(): Promise<void> {
  await extensionApi().storage.local.remove(EVICTED_KEY);
}
