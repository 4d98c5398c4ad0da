import { loadSettings } from '../settings/storage';
import { isStorageUnavailable, storageUnavailableMessage } from '../storage/unavailable';
import { call } from './runtime-client';

/**
 * Null when Backstory's storage works, else the message to show. Asks the background (which owns the
 * database) and reads the settings (in Firefox `storage.local` lives in IndexedDB too, so it fails
 * the same way). Any other failure is left to the caller's own error handling.
 */
export async function checkStorage(): Promise<string | null> {
  try {
    await call('getLibrary', {});
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isStorageUnavailable(message)) return message;
  }
  try {
    await loadSettings();
  } catch (error) {
    return storageUnavailableMessage(error);
  }
  return null;
}
