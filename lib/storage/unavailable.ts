/**
 * Storage the browser refuses: IndexedDB switched off or failing (privacy settings that block site
 * data, a browser that never keeps history, a full or damaged profile). The background answers every
 * data call with this message then, and the popup and options page show it in place of a blank.
 */
export const STORAGE_UNAVAILABLE = 'Backstory cannot store its data in this browser.';

/** The message the background sends: the fixed sentence, then what the browser said. */
export function storageUnavailableMessage(cause: unknown): string {
  const detail = cause instanceof Error ? cause.message || cause.name : String(cause);
  return `${STORAGE_UNAVAILABLE} The browser said: ${detail.split('\n')[0]!.trim().slice(0, 300)}`;
}

/** True for a message that says storage is unavailable (as `storageUnavailableMessage` writes it). */
export function isStorageUnavailable(message: string): boolean {
  return message.startsWith(STORAGE_UNAVAILABLE);
}
