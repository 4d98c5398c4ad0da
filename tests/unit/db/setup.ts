import { afterEach } from 'vitest';
import { readEntities } from '../../../lib/db/buckets';
import { openDatabase } from '../../../lib/db/database';
import type { BackstoryDB } from '../../../lib/db/tables';
import { exportData } from '../../../lib/db/export';
import { replaceDataset } from '../../../lib/db/repository';
import type { Dataset, Entity } from '../../../lib/schema/dataset';

/** The id of the generated test dataset (tests/fixtures/datasets/generate.ts), the one most tests load. */
export const DS = 'test-gazette';

/** A fresh database (fake-indexeddb) per test, deleted afterwards. */
const open: BackstoryDB[] = [];
let n = 0;

export async function freshDb(dataset?: Dataset): Promise<BackstoryDB> {
  const db = openDatabase(`unit-${Date.now()}-${n++}`);
  open.push(db);
  if (dataset) await replaceDataset(db, dataset, 'file');
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** The full export and the edits export of a dataset: byte-for-byte the state of its data. */
export async function exportBoth(db: BackstoryDB, dataset = DS): Promise<string> {
  const full = await exportData(db, dataset, 'full');
  const edits = await exportData(db, dataset, 'edits');
  return `${full.text}\n---\n${edits.text}`;
}

/** A dataset's effective entities with these ids, in the order asked (ids as the dataset has them). */
export async function entitiesOf(db: BackstoryDB, ids: readonly string[], dataset = DS): Promise<{ entities: Entity[] }> {
  const found = await readEntities(db, dataset, ids);
  return { entities: ids.map((id) => found.get(id)).filter((entity): entity is Entity => entity !== undefined) };
}
