import { browser } from 'wxt/browser';
import type { BackstoryDB } from '../../lib/db/tables';
import { checkSubscription, type FetchText } from '../../lib/db/subscriptions';
import { fetchDatasetText } from '../../lib/dataset/fetch';
import { bumpDataVersion } from '../../lib/settings/storage';

/**
 * Scheduled subscription checks. `registerSubscriptionChecks` must be called synchronously when the
 * service worker starts (in `defineBackground`'s main), so the alarm listener is registered at the top
 * level and a stopped worker is woken up by the alarm.
 */
export const SUBSCRIPTION_ALARM = 'backstory-subscriptions';
export const CHECK_EVERY_MINUTES = 6 * 60;

export function registerSubscriptionChecks(db: BackstoryDB, ready: () => Promise<void>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SUBSCRIPTION_ALARM) return;
    void checkAllSubscriptions(db, ready).then((updated) => (updated ? bumpDataVersion() : undefined));
  });
  // Alarms may be dropped when the browser restarts: put it back if there is something to check.
  void ready()
    .then(() => ensureSubscriptionAlarm(db))
    .catch((error: unknown) => console.warn('[Backstory] subscription alarm:', error));
}

export async function checkAllSubscriptions(
  db: BackstoryDB,
  ready: () => Promise<void>,
  fetchText: FetchText = browserFetchText,
): Promise<boolean> {
  await ready();
  let updated = false;
  for (const sub of await db.subscriptions.toArray()) {
    // One failing subscription is recorded on its row and does not stop the others.
    const checked = await checkSubscription(db, sub.id, fetchText).catch((error: unknown) =>
      console.warn('[Backstory] subscription check failed:', error),
    );
    if (checked?.status === 'updated') updated = true;
  }
  return updated;
}

/** One alarm while there are subscriptions, none otherwise. */
export async function ensureSubscriptionAlarm(db: BackstoryDB): Promise<void> {
  const count = await db.subscriptions.count();
  const existing = await browser.alarms.get(SUBSCRIPTION_ALARM);
  if (count === 0) {
    if (existing) await browser.alarms.clear(SUBSCRIPTION_ALARM);
    return;
  }
  if (!existing)
    await browser.alarms.create(SUBSCRIPTION_ALARM, { delayInMinutes: CHECK_EVERY_MINUTES, periodInMinutes: CHECK_EVERY_MINUTES });
}

/** Fetches with the browser's fetch; a failed cross-origin request is told apart by the host permission. */
export const browserFetchText: FetchText = (url, cache) =>
  fetchDatasetText(url, {
    ...cache,
    hasPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
  });
