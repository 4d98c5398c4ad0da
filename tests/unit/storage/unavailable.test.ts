import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { storageProblem } from '../../../lib/db/availability';
import { openDatabase } from '../../../lib/db/database';
import { isStorageUnavailable, STORAGE_UNAVAILABLE, storageUnavailableMessage } from '../../../lib/storage/unavailable';

/** An IndexedDB that refuses every open, as a profile whose storage folder cannot be written does. */
const refusingIndexedDB = {
  open() {
    throw new DOMException('The operation failed for reasons unrelated to the database itself.', 'SecurityError');
  },
  deleteDatabase() {
    throw new DOMException('refused', 'SecurityError');
  },
  cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
} as unknown as IDBFactory;

describe('storage that the browser refuses', () => {
  it('is reported with the fixed sentence first and the browser’s own words after it', () => {
    const message = storageUnavailableMessage(new DOMException('The operation is insecure.\nmore', 'SecurityError'));
    expect(message).toBe(`${STORAGE_UNAVAILABLE} The browser said: The operation is insecure.`);
    expect(isStorageUnavailable(message)).toBe(true);
  });

  it('is told apart from other errors', () => {
    expect(isStorageUnavailable('Unknown message "x"')).toBe(false);
    expect(isStorageUnavailable(`Invalid payload: ${STORAGE_UNAVAILABLE}`)).toBe(false);
  });

  it('a database that opens has no storage problem', async () => {
    const db = openDatabase(`availability-${Date.now()}`);
    expect(await storageProblem(db)).toBeNull();
    expect(await storageProblem(db)).toBeNull();
    await db.delete();
  });

  it('a database the browser will not open reports the storage problem, and tries again on the next call', async () => {
    const db = new Dexie('refused', { indexedDB: refusingIndexedDB, IDBKeyRange });
    db.version(1).stores({ meta: '&key' });
    const first = await storageProblem(db);
    expect(first).not.toBeNull();
    expect(isStorageUnavailable(first!)).toBe(true);
    expect(first).toContain('unrelated to the database itself');
    expect(await storageProblem(db)).toBe(first);
  });
});
