import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledFrom, ensureBundledDataset as ensureFrom } from '../../../entrypoints/background/seed';
import { removeDataset } from '../../../lib/db/library';
import { readMeta } from '../../../lib/db/state';
import { rememberedLibrary } from '../../../lib/settings/storage';
import { generateDataset } from '../../fixtures/datasets/generate';
import type { BackstoryDB } from '../../../lib/db/tables';
import { freshDb } from './setup';

const ensureBundledDataset = (db: BackstoryDB, data: unknown) => ensureFrom(db, bundledFrom(data));

const ID = 'backstory-bundled';
const bundled = (version: string) => generateDataset({ count: 6, id: ID, title: 'Bundled', version });

/** Same id and version, but not valid as a whole: only a full validation can tell. */
function brokenBody(version: string) {
  const data = bundled(version);
  return { ...data, entities: [{ ...data.entities[0]!, kind: 'planet' }] };
}

beforeEach(() => fakeBrowser.reset());

describe('the bundled dataset when the background wakes', () => {
  it('is loaded into an empty library, and the library is remembered', async () => {
    const db = await freshDb();
    await ensureBundledDataset(db, bundled('1.0.0'));
    expect((await readMeta(db, ID))?.version).toBe('1.0.0');
    expect(await rememberedLibrary()).toEqual([{ id: ID, title: 'Bundled' }]);
  });

  it('is not validated again while the library holds its version', async () => {
    const db = await freshDb();
    await ensureBundledDataset(db, bundled('1.0.0'));
    await expect(ensureBundledDataset(db, brokenBody('1.0.0'))).resolves.toBeUndefined();
    expect((await readMeta(db, ID))?.counts?.person).toBeGreaterThan(0);
  });

  it('is not validated either while the user has removed it, and stays removed', async () => {
    const db = await freshDb();
    await ensureBundledDataset(db, bundled('1.0.0'));
    await removeDataset(db, ID);
    await expect(ensureBundledDataset(db, brokenBody('1.0.0'))).resolves.toBeUndefined();
    await ensureBundledDataset(db, bundled('1.1.0'));
    expect(await readMeta(db, ID)).toBeUndefined();
    expect(await rememberedLibrary()).toEqual([]);
  });

  it('is validated and loaded again when an update brings a new version', async () => {
    const db = await freshDb();
    await ensureBundledDataset(db, bundled('1.0.0'));
    await expect(ensureBundledDataset(db, brokenBody('1.1.0'))).rejects.toThrow(/bundled dataset is invalid/);
    expect((await readMeta(db, ID))?.version).toBe('1.0.0');
    await ensureBundledDataset(db, generateDataset({ count: 9, id: ID, title: 'Bundled', version: '1.1.0' }));
    const meta = await readMeta(db, ID);
    expect(meta?.version).toBe('1.1.0');
    expect(Object.values(meta?.counts ?? {}).reduce((a, b) => a + b, 0)).toBe(9);
  });
});
