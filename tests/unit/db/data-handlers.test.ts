import { describe, expect, it } from 'vitest';
import { createDataHandlers, type DataEffects } from '../../../entrypoints/background/data-handlers';
import { saveEntity } from '../../../lib/db/entity-edits';
import { exportData } from '../../../lib/db/export';
import * as repo from '../../../lib/db/repository';
import type { Sender } from '../../../lib/messaging/handlers';
import { generateDataset, generateDatasetText } from '../../fixtures/datasets/generate';
import { freshDb, DS, entitiesOf } from './setup';

const sender: Sender = { id: 'x', url: 'chrome-extension://x/options.html' };
const v1 = generateDataset({ count: 10 });
let tokens = 0;
const effects: DataEffects = {
  fetchText: async () => ({ kind: 'error', message: 'offline' }),
  scheduleChecks: async () => undefined,
  bundled: async () => generateDataset({ count: 4, id: 'bundled', version: '0.1.0' }),
  newToken: () => `t${tokens++}`,
  readBlob: async () => generateDatasetText({ count: 3 }),
  readSettings: async () => ({}),
  writeSettings: async () => undefined,
};

async function stageToReview(handlers: ReturnType<typeof createDataHandlers>, text: string): Promise<string> {
  const staged = await handlers.stageImport({ source: { kind: 'text', name: 'x.json', text } }, sender);
  if (!staged.ok) throw new Error('stage');
  expect(await handlers.parseImport({ token: staged.token }, sender)).toEqual({ ok: true });
  expect(await handlers.validateImport({ token: staged.token }, sender)).toMatchObject({ ok: true });
  expect(await handlers.diffImport({ token: staged.token }, sender)).toMatchObject({ ok: true });
  return staged.token;
}

describe('the data handlers', () => {
  it('hand an export over in parts that join into the exported file', async () => {
    const db = await freshDb(v1);
    const handlers = createDataHandlers(db, effects);
    const prepared = await handlers.exportData({ dataset: DS, what: 'full' }, sender);
    let text = '';
    for (let index = 0; index < prepared.parts; index++) text += (await handlers.exportPart({ token: prepared.token, index }, sender)).text;
    expect(text).toBe((await exportData(db, DS, 'full')).text);
    await expect(handlers.exportPart({ token: prepared.token, index: 0 }, sender)).rejects.toThrow('no longer available');
  });

  it('read a picked file through its blob URL', async () => {
    const db = await freshDb(v1);
    const handlers = createDataHandlers(db, effects);
    const staged = await handlers.stageImport({ source: { kind: 'blob', name: 'a.json', url: 'blob:chrome-extension://x/1' } }, sender);
    expect(staged).toMatchObject({ ok: true, label: 'a.json' });
  });

  it('apply "keep all mine" to every conflict, and a cancelled import cannot be applied', async () => {
    const db = await freshDb(v1);
    await saveEntity(db, DS, { ...v1.entities[0]!, summary: 'Mine.' }, 'update');
    await saveEntity(db, DS, { ...v1.entities[1]!, summary: 'Also mine.' }, 'update');
    const handlers = createDataHandlers(db, effects);
    const v2 = generateDatasetText({ count: 10, version: '2.0.0', changed: [0, 1] });

    const cancelled = await stageToReview(handlers, v2);
    await handlers.cancelImport({ token: cancelled }, sender);
    expect(await handlers.applyImport({ token: cancelled, resolutions: {} }, sender)).toMatchObject({ ok: false, reason: 'expired' });

    const token = await stageToReview(handlers, v2);
    expect(await handlers.applyImport({ token, resolutions: {}, otherwise: 'mine' }, sender)).toMatchObject({ ok: true, editsKept: 2 });
    expect((await entitiesOf(db, ['person-0', 'organization-1'])).entities.map((e) => e.summary)).toEqual(['Mine.', 'Also mine.']);
  });

  it('reset to the bundled dataset keeps the edits that still fit, or discards them all; other datasets are not touched', async () => {
    const db = await freshDb(v1);
    const handlers = createDataHandlers(db, effects);
    const bundled = await effects.bundled();
    await repo.replaceDataset(db, bundled, 'bundled');
    await saveEntity(db, bundled.id, { ...bundled.entities[0]!, summary: 'Mine.' }, 'update');
    await saveEntity(db, DS, { ...v1.entities[1]!, summary: 'Mine too.' }, 'update');
    const editsOf = async (id: string) => (await handlers.getLibrary({}, sender)).datasets.find((entry) => entry.info.id === id)!.edits;
    expect(await handlers.resetToBundled({ keepEdits: true }, sender)).toMatchObject({ ok: true, info: { id: 'bundled' }, editsKept: 1 });
    expect((await editsOf('bundled')).changed).toBe(1);
    expect(await handlers.resetToBundled({ keepEdits: false }, sender)).toMatchObject({ ok: true, editsKept: 0 });
    expect(await editsOf('bundled')).toEqual({ changed: 0, added: 0, deleted: 0 });
    expect((await editsOf(DS)).changed).toBe(1);
  });
});
