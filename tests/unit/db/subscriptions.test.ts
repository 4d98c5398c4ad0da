import { describe, expect, it } from 'vitest';
import type { FetchOutcome } from '../../../lib/dataset/fetch';
import { saveEntity } from '../../../lib/db/entity-edits';
import * as repo from '../../../lib/db/repository';
import { getLibrary } from '../../../lib/db/library';
import {
  addSubscription,
  changeSubscriptionUrl,
  checkSubscription,
  removeSubscription,
  type FetchText,
} from '../../../lib/db/subscriptions';
import { createDataHandlers } from '../../../entrypoints/background/data-handlers';
import { generateDataset } from '../../fixtures/datasets/generate';
import { exportBoth, freshDb, DS, entitiesOf } from './setup';

const URL = 'https://data.example/gazette.json';
const v1 = generateDataset({ count: 8 });
const v2 = generateDataset({ count: 9, version: '1.1.0', changed: [0] });

/** A server that answers 304 to the ETag it last served, and the current file otherwise. */
function server(initial: { text: string; etag: string }) {
  const state = { ...initial, requests: [] as Array<{ etag?: string }> };
  const fetchText: FetchText = async (_url, cache) => {
    state.requests.push(cache);
    if (cache.etag === state.etag) return { kind: 'unchanged' };
    return { kind: 'ok', text: state.text, etag: state.etag } satisfies FetchOutcome;
  };
  return { state, fetchText };
}

describe('subscriptions', () => {
  it('applies an update by itself, and a 304 is "unchanged"', async () => {
    const db = await freshDb(v1);
    const { state, fetchText } = server({ text: JSON.stringify(v1), etag: '"a"' });
    const sub = await addSubscription(db, URL);
    expect(await checkSubscription(db, sub.id, fetchText)).toMatchObject({ status: 'unchanged', etag: '"a"', version: '1.0.0' });
    expect(await checkSubscription(db, sub.id, fetchText)).toMatchObject({ status: 'unchanged', lastChecked: expect.any(String) });
    expect(state.requests.map((r) => r.etag)).toEqual([undefined, '"a"']);

    Object.assign(state, { text: JSON.stringify(v2), etag: '"b"' });
    expect(await checkSubscription(db, sub.id, fetchText)).toMatchObject({ status: 'updated', version: '1.1.0', etag: '"b"' });
    expect((await repo.readDatasetInfo(db, DS)).version).toBe('1.1.0');
  });

  it('sets an update that conflicts with local edits aside for review', async () => {
    const db = await freshDb(v1);
    await saveEntity(db, DS, { ...v1.entities[0]!, summary: 'Mine.' }, 'update');
    const before = await exportBoth(db);
    const { fetchText } = server({ text: JSON.stringify(v2), etag: '"b"' });
    const sub = await addSubscription(db, URL);
    expect(await checkSubscription(db, sub.id, fetchText)).toMatchObject({
      status: 'waiting',
      message: expect.stringContaining('1 entity you edited'),
    });
    expect(await exportBoth(db)).toBe(before);
    // Checking again finds the same file (304) and it keeps waiting.
    expect(await checkSubscription(db, sub.id, fetchText)).toMatchObject({ status: 'waiting' });

    // The user reviews it on the options page and keeps their version.
    const handlers = createDataHandlers(db, {
      fetchText,
      scheduleChecks: async () => undefined,
      bundled: async () => v1,
      newToken: () => 't',
      readBlob: async () => '',
      readSettings: async () => ({}),
      writeSettings: async () => undefined,
    });
    const sender = { id: 'x', url: 'chrome-extension://x/options.html' };
    const staged = await handlers.stageImport({ source: { kind: 'pending', subscriptionId: sub.id } }, sender);
    expect(staged).toMatchObject({ ok: true });
    await handlers.parseImport({ token: 't' }, sender);
    await handlers.validateImport({ token: 't' }, sender);
    const diff = await handlers.diffImport({ token: 't' }, sender);
    expect(diff).toMatchObject({ ok: true, diff: { counts: { conflicts: 1, added: 1 } } });
    expect(await handlers.applyImport({ token: 't', resolutions: { 'person-0': 'mine' } }, sender)).toMatchObject({ ok: true });
    expect((await entitiesOf(db, ['person-0'])).entities[0]!.summary).toBe('Mine.');
    expect(await db.pending.count()).toBe(0);
    expect(await db.subscriptions.get(sub.id)).toMatchObject({ status: 'updated', version: '1.1.0', etag: '"b"' });
  });

  it('records an error, keeps the data, and fetches the file again next time', async () => {
    const db = await freshDb(v1);
    const before = await exportBoth(db);
    const { state, fetchText } = server({ text: '<html>oops', etag: '"x"' });
    const sub = await addSubscription(db, URL);
    expect(await checkSubscription(db, sub.id, fetchText)).toMatchObject({
      status: 'error',
      message: expect.stringContaining('not a valid dataset'),
    });
    await checkSubscription(db, sub.id, fetchText);
    expect(state.requests.map((r) => r.etag)).toEqual([undefined, undefined]);
    expect(await exportBoth(db)).toBe(before);
  });
});

describe('subscriptions over a library', () => {
  const next = (options: Parameters<typeof generateDataset>[0]) => JSON.stringify(generateDataset(options));

  it('holds an update that removes more than a quarter of the entities, or changes the dataset id', async () => {
    const db = await freshDb(v1);
    const sub = await addSubscription(db, URL);
    const first = server({ text: JSON.stringify(v1), etag: '"a"' });
    expect(await checkSubscription(db, sub.id, first.fetchText)).toMatchObject({ status: 'unchanged', datasetId: DS });
    const before = await exportBoth(db);

    const shrunk = server({ text: next({ count: 8, version: '1.1.0', removed: [0, 1, 4] }), etag: '"b"' });
    expect(await checkSubscription(db, sub.id, shrunk.fetchText)).toMatchObject({
      status: 'waiting',
      message: expect.stringContaining("removes 3 of the dataset's 8 entities"),
    });
    const renamed = server({ text: next({ count: 8, version: '2.0.0', id: 'test-renamed' }), etag: '"c"' });
    expect(await checkSubscription(db, sub.id, renamed.fetchText)).toMatchObject({
      status: 'waiting',
      message: expect.stringContaining('changes the dataset id from "test-gazette" to "test-renamed"'),
    });
    expect(await exportBoth(db)).toBe(before);
    expect((await getLibrary(db)).datasets.map((entry) => entry.info.id)).toEqual([DS]);
  });

  it('shows the first data from an address as a dry run: nothing is applied before review', async () => {
    const db = await freshDb();
    const sub = await addSubscription(db, URL);
    const { fetchText } = server({ text: JSON.stringify(v1), etag: '"a"' });
    expect(await checkSubscription(db, sub.id, fetchText)).toMatchObject({ status: 'waiting', message: expect.stringContaining('first') });
    expect((await getLibrary(db)).datasets).toEqual([]);
  });

  it('an unsubscribed check never comes back nor applies its data', async () => {
    const db = await freshDb(v1);
    const sub = await addSubscription(db, URL);
    await db.subscriptions.update(sub.id, { datasetId: DS });
    const before = await exportBoth(db);
    const fetchText: FetchText = async () => {
      await removeSubscription(db, sub.id);
      return { kind: 'ok', text: JSON.stringify(v2), etag: '"b"' };
    };
    const checked = await checkSubscription(db, sub.id, fetchText);
    expect(checked.status).toBe('error');
    expect(await db.subscriptions.count()).toBe(0);
    expect(await db.pending.count()).toBe(0);
    expect(await exportBoth(db)).toBe(before);
  });

  it('one subscription per dataset: a second address for the same dataset is refused', async () => {
    const db = await freshDb(v1);
    const first = await addSubscription(db, URL);
    await db.subscriptions.update(first.id, { datasetId: DS });
    const second = await addSubscription(db, 'https://mirror.example/gazette.json');
    const { fetchText } = server({ text: JSON.stringify(v2), etag: '"m"' });
    expect(await checkSubscription(db, second.id, fetchText)).toMatchObject({
      status: 'error',
      message: expect.stringContaining('one subscription per dataset'),
    });
    expect(await db.subscriptions.count()).toBe(2);
  });
});

describe("changing a subscription's address", () => {
  const NEW = 'https://mirror.example/gazette.json';

  async function following() {
    const db = await freshDb(v1);
    const sub = await addSubscription(db, URL);
    await checkSubscription(db, sub.id, server({ text: JSON.stringify(v1), etag: '"a"' }).fetchText);
    return { db, sub: (await db.subscriptions.get(sub.id))! };
  }

  it.each([
    ['does not answer', { kind: 'error', message: 'down' } as const, 'does not work'],
    ['holds no dataset', { kind: 'ok', text: '<html>' } as const, 'not hold a valid dataset'],
    [
      'holds another dataset',
      { kind: 'ok', text: JSON.stringify(generateDataset({ count: 3, id: 'other' })) } as const,
      'holds the dataset "other"',
    ],
  ])('keeps the old address when the new one %s', async (_label, outcome, message) => {
    const { db, sub } = await following();
    const result = await changeSubscriptionUrl(db, sub.id, NEW, async () => outcome);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining(message) });
    expect(await db.subscriptions.toArray()).toEqual([sub]);
  });

  it('moves to a new address that holds the same dataset, and checks it', async () => {
    const { db, sub } = await following();
    const { fetchText } = server({ text: JSON.stringify(v2), etag: '"m"' });
    const result = await changeSubscriptionUrl(db, sub.id, NEW, fetchText);
    expect(result).toMatchObject({ ok: true, subscription: { url: NEW, datasetId: DS, status: 'updated', version: '1.1.0' } });
    expect((await db.subscriptions.toArray()).map((row) => row.url)).toEqual([NEW]);
  });
});

describe('a check cut short', () => {
  it('an update whose apply stops half-way (the worker stopped) leaves the data and the subscription as they were', async () => {
    const db = await freshDb(v1);
    const sub = await addSubscription(db, URL);
    await db.subscriptions.update(sub.id, { datasetId: DS, etag: '"a"', version: '1.0.0', status: 'unchanged' });
    const row = await db.subscriptions.get(sub.id);
    const before = await exportBoth(db);
    let created = 0;
    const stop = () => {
      if (++created === 3) throw new Error('worker stopped (injected)');
    };
    db.entityBuckets.hook('creating', stop);
    const { fetchText } = server({ text: JSON.stringify(v2), etag: '"b"' });
    await expect(checkSubscription(db, sub.id, fetchText)).rejects.toThrow('worker stopped');
    db.entityBuckets.hook('creating').unsubscribe(stop);
    expect(await exportBoth(db)).toBe(before);
    expect(await db.subscriptions.get(sub.id)).toEqual(row);
    expect(await db.pending.count()).toBe(0);
    // The next check fetches the update again (the old ETag is kept) and applies it.
    expect(await checkSubscription(db, sub.id, fetchText)).toMatchObject({ status: 'updated', etag: '"b"' });
  });
});
