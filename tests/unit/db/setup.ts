import { afterEach } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import type { BackstoryDB } from '../../../lib/db/tables';
import { exportData } from '../../../lib/db/export';
import { replaceDataset } from '../../../lib/db/repository';
import type { Dataset } from '../../../lib/schema/dataset';

/** A fresh database (fake-indexeddb) per test, deleted afterwards. */
const open: BackstoryDB[] = [];
let n = 0;

export async function freshDb(dataset?: Dataset): Promise<BackstoryDB> {
  const db = openDatabase(`unit-${Date.now()}-${n++}`);
  open.push(db);
  if (dataset) await replaceDataset(db, dataset, 'import');
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** The full export and the edits export: byte-for-byte the state of the data. */
export async function exportBoth(db: BackstoryDB): Promise<string> {
  const full = await exportData(db, 'full');
  const edits = await exportData(db, 'edits');
  return `${full.text}\n---\n${edits.text}`;
}
