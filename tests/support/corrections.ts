import type { Correction } from '../../lib/corrections/rules';

/**
 * Corrections of marks for the end-to-end suites, written straight into Backstory's database from
 * one of its own pages (or the service worker): the card that makes them is tested on its own. Seed
 * before anything has read the corrections (a news page's matching, the options page's list): the
 * background keeps them in memory once read.
 */

/** A correction as the database stores it. */
export type SeededCorrection = Correction;

/** On the demo article: "Antony Blinken" not marked anywhere, Hamas never marked, and one of an entity no longer in the data. */
export const ARTICLE_CORRECTIONS: SeededCorrection[] = [
  {
    id: 'seed-blinken',
    entity: 'backstory-bundled/antony-blinken',
    entityName: 'Antony Blinken',
    words: 'antony blinken',
    text: 'Antony Blinken',
    createdAt: '2024-05-03T09:00:00.000Z',
  },
  { id: 'seed-hamas', entity: 'backstory-bundled/hamas', entityName: 'Hamas', createdAt: '2024-05-02T09:00:00.000Z' },
  {
    id: 'seed-gone',
    entity: 'backstory-bundled/someone-removed',
    entityName: 'Someone Removed',
    words: 'removed',
    text: 'Removed',
    site: 'edition.cnn.com',
    createdAt: '2024-05-01T09:00:00.000Z',
  },
];

/** `count` corrections of made-up entities, one a minute, the newest last. */
export function manyCorrections(count: number): SeededCorrection[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `seed-${String(i).padStart(5, '0')}`,
    entity: `backstory-bundled/made-up-${i}`,
    entityName: `Made-up entity ${i}`,
    words: `word ${i}`,
    text: `Word ${i}`,
    page: `https://news.example/story-${i}`,
    createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
  }));
}

/**
 * Adds the rows to the `corrections` table, once the background has created the database at its
 * current version (Dexie's version 6 is IndexedDB's 60). Self-contained: it is evaluated in the
 * extension's origin as source text.
 */
export async function seedCorrections(rows: SeededCorrection[]): Promise<number> {
  const deadline = Date.now() + 15_000;
  let version = 0;
  while (version < 60) {
    if (Date.now() > deadline) throw new Error('Backstory did not create its database');
    const found = (await indexedDB.databases()).find((info) => info.name === 'backstory');
    version = found?.version ?? 0;
    if (version < 60) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('backstory', version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('corrections', 'readwrite');
      for (const row of rows) tx.objectStore('corrections').put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
  return rows.length;
}
