import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CHECK_EVERY_MINUTES,
  ensureSubscriptionAlarm,
  registerSubscriptionChecks,
  SUBSCRIPTION_ALARM,
} from '../../../entrypoints/background/subscriptions';
import { addSubscription, removeSubscription } from '../../../lib/db/subscriptions';
import { generateDataset } from '../../fixtures/datasets/generate';
import { freshDb } from './setup';

const v1 = generateDataset({ count: 6 });

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.unstubAllGlobals());

describe('scheduled subscription checks', () => {
  it('keeps one six-hour alarm while there is a subscription, and none without', async () => {
    const db = await freshDb(v1);
    await ensureSubscriptionAlarm(db);
    expect(await fakeBrowser.alarms.get(SUBSCRIPTION_ALARM)).toBeUndefined();
    const sub = await addSubscription(db, 'https://data.example/d.json');
    await ensureSubscriptionAlarm(db);
    expect(await fakeBrowser.alarms.get(SUBSCRIPTION_ALARM)).toMatchObject({ periodInMinutes: CHECK_EVERY_MINUTES });
    await removeSubscription(db, sub.id);
    await ensureSubscriptionAlarm(db);
    expect(await fakeBrowser.alarms.get(SUBSCRIPTION_ALARM)).toBeUndefined();
  });

  it('checks every subscription when the alarm fires, with the stored ETag', async () => {
    const db = await freshDb(v1);
    const sub = await addSubscription(db, 'https://data.example/d.json');
    await db.subscriptions.update(sub.id, { etag: '"v1"' });
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(null, { status: 304 }));
    vi.stubGlobal('fetch', fetch);
    registerSubscriptionChecks(db, () => Promise.resolve());
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SUBSCRIPTION_ALARM)).toBeDefined());

    await fakeBrowser.alarms.onAlarm.trigger({ name: SUBSCRIPTION_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(async () => expect((await db.subscriptions.get(sub.id))?.status).toBe('unchanged'));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![1].headers).toMatchObject({ 'If-None-Match': '"v1"' });

    // Other alarms are not ours.
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'something-else', scheduledTime: Date.now(), persistAcrossSessions: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
