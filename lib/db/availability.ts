import type Dexie from 'dexie';
import { storageUnavailableMessage } from '../storage/unavailable';

/**
 * Null when the database opens, else the storage-unavailable message. Dexie keeps an open database
 * open, so this costs nothing after the first call; a failed open is tried again on the next call
 * (the user may have fixed the setting).
 */
export async function storageProblem(db: Dexie): Promise<string | null> {
  if (db.isOpen()) return null;
  try {
    await db.open();
    return null;
  } catch (error) {
    return storageUnavailableMessage(error);
  }
}
