import { describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '../../../lib/db/backup';
import { ensureBundled } from '../../../lib/db/bundled';
import { deleteEntity, saveEntity } from '../../../lib/db/entity-edits';
import { exportData } from '../../../lib/db/export';
import { importText } from '../../../lib/db/import';
import { moveDataset, setDatasetEnabled } from '../../../lib/db/library';
import { addSubscription } from '../../../lib/db/subscriptions';
import type { BackstoryDB } from '../../../lib/db/tables';
import { generateDataset, generateEntity } from '../../fixtures/datasets/generate';
import { DS, freshDb } from './setup';

/** Every row of every table, in key order. */
async function dump(db: BackstoryDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toCollection().sortBy(':id');
  return out;
}

async function library(): Promise<BackstoryDB> {
  const db = await freshDb(generateDataset({ count: 12 }));
  await ensureBundled(db, generateDataset({ count: 8, id: 'backstory-bundled', title: 'Bundled' }));
  await importText(db, JSON.stringify(generateDataset({ count: 3, start: 100, id: 'test-courier', title: 'Courier' })));
  await saveEntity(db, DS, { ...generateEntity(1), summary: 'Mine.' }, 'update');
  await saveEntity(db, DS, generateEntity(50), 'create');
  await deleteEntity(db, 'backstory-bundled', 'organization-5');
  await setDatasetEnabled(db, 'test-courier', false);
  await moveDataset(db, 'test-courier', 'up');
  const sub = await addSubscription(db, 'https://data.example/courier.json', '2024-05-01T00:00:00.000Z');
  await db.subscriptions.update(sub.id, { datasetId: 'test-courier', etag: '"e"', status: 'waiting' });
  await db.pending.add({ subscriptionId: sub.id, text: '{"held": true}', receivedAt: '2024-05-02T00:00:00.000Z', reason: 'test' });
  return db;
}

describe('a backup of everything', () => {
  it('restores on a fresh profile to identical rows, and the settings it carried', async () => {
    const db = await library();
    const settings = { dwellMs: 400, kinds: ['person'] };
    const text = await createBackup(db, settings);
    const fresh = await freshDb();
    expect(await restoreBackup(fresh, JSON.parse(text))).toEqual({ ok: true, datasets: 3, settings });
    expect(await dump(fresh)).toEqual(await dump(db));
    // And a backup of the restored profile is the same file.
    expect(JSON.parse(await createBackup(fresh, settings, JSON.parse(text).createdAt))).toEqual(JSON.parse(text));
  });

  it('replaces what was there, and an invalid backup changes nothing', async () => {
    const db = await library();
    const text = await createBackup(db, {});
    const other = await freshDb(generateDataset({ count: 4, id: 'something-else' }));
    const broken = JSON.parse(text);
    broken.datasets[1].dataset.entities[0].kind = 'planet';
    const before = await dump(other);
    const refused = await restoreBackup(other, broken);
    expect(refused.ok).toBe(false);
    expect(await dump(other)).toEqual(before);
    await restoreBackup(other, JSON.parse(text));
    expect(await dump(other)).toEqual(await dump(db));
  });
});

describe('exporting one dataset', () => {
  it('gives back identical data when imported into a fresh profile (full), and the edits on top of the same version (edits)', async () => {
    const db = await library();
    const full = await exportData(db, DS, 'full');
    const edits = await exportData(db, DS, 'edits');
    const fresh = await freshDb();
    expect(await importText(fresh, full.text)).toMatchObject({ ok: true });
    expect((await exportData(fresh, DS, 'full')).text).toBe(full.text);
    const base = await freshDb(generateDataset({ count: 12 }));
    expect(await importText(base, edits.text)).toMatchObject({ ok: true });
    expect((await exportData(base, DS, 'full')).text).toBe(full.text);
    expect((await exportData(base, DS, 'edits')).text).toBe(edits.text);
  });
});
