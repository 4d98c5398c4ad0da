import type { FetchOutcome } from '../dataset/fetch';
import { formatProblem } from '../dataset/validate';
import type { BackstoryDB, SubscriptionRow } from './tables';
import { jsonEqual } from '../dataset/equal';
import { applyPrepared, parseImportText, prepareImport, validateImport, type Prepared } from './import';
import { headerOf } from './state';

/**
 * Dataset subscriptions: any number of URLs, each feeding one dataset of the library, checked on a
 * schedule. An update is applied by itself only when it is unsurprising; it is kept in `pending`
 * until the user reviews it on the options page when it is the subscription's first data, changes
 * the dataset's id, removes more than a quarter of its entities, or touches anything the user edited.
 */
export const REMOVAL_HOLD_SHARE = 0.25;
export type FetchText = (url: string, cache: { etag?: string; lastModified?: string }) => Promise<FetchOutcome>;

/** A subscription as the options page shows it (without the HTTP cache validators). */
export type SubscriptionView = Omit<SubscriptionRow, 'etag' | 'lastModified'>;

export function toView(row: SubscriptionRow): SubscriptionView {
  const { etag: _etag, lastModified: _lastModified, ...view } = row;
  return view;
}

export async function listSubscriptions(db: BackstoryDB): Promise<SubscriptionRow[]> {
  return db.subscriptions.orderBy('url').toArray();
}

/** Adds the subscription (the same URL twice is one subscription). The first check is the caller's to run. */
export async function addSubscription(db: BackstoryDB, url: string, now = new Date().toISOString()): Promise<SubscriptionRow> {
  const row: SubscriptionRow = { id: subscriptionId(url), url, addedAt: now, status: 'new', message: 'Not checked yet.' };
  return db.transaction('rw', db.subscriptions, async () => {
    const existing = await db.subscriptions.get(row.id);
    if (existing) return existing;
    await db.subscriptions.add(row);
    return row;
  });
}

/**
 * Moves a subscription to a new address. The new address is fetched and checked first (a dataset,
 * and the same dataset the subscription feeds); only then is the old address dropped, so a mistyped
 * or broken address leaves the subscription as it was. The new address is then checked as usual.
 */
export async function changeSubscriptionUrl(
  db: BackstoryDB,
  id: string,
  url: string,
  fetchText: FetchText,
  now = new Date().toISOString(),
): Promise<{ ok: true; subscription: SubscriptionRow } | { ok: false; message: string; needsPermission?: string }> {
  const sub = await db.subscriptions.get(id);
  if (!sub) return { ok: false, message: 'This subscription no longer exists.' };
  const nextId = subscriptionId(url);
  if (nextId !== id && (await db.subscriptions.get(nextId))) return { ok: false, message: 'You already follow that address.' };
  const outcome = await fetchText(url, {});
  if (outcome.kind === 'needs-permission') return { ok: false, message: outcome.message, needsPermission: outcome.origin };
  if (outcome.kind === 'unchanged') return { ok: false, message: 'The server answered "not modified" to a fresh request.' };
  if (outcome.kind !== 'ok') return { ok: false, message: `The new address does not work, so the old one is kept: ${outcome.message}` };
  const parsed = parseImportText(outcome.text);
  const validated = parsed.ok ? validateImport(parsed.value) : parsed;
  if (!validated.ok || validated.value.kind !== 'dataset')
    return { ok: false, message: 'The new address does not hold a valid dataset, so the old one is kept.' };
  const datasetId = validated.value.dataset.id;
  if (sub.datasetId !== undefined && datasetId !== sub.datasetId)
    return { ok: false, message: `The new address holds the dataset "${datasetId}", not "${sub.datasetId}"; the old address is kept.` };
  const moved: SubscriptionRow = {
    id: nextId,
    url,
    addedAt: sub.addedAt,
    status: 'new',
    message: 'Not checked yet.',
    ...(sub.datasetId ? { datasetId: sub.datasetId } : {}),
  };
  const kept = await db.transaction('rw', db.subscriptions, db.pending, async () => {
    if (!(await db.subscriptions.get(id))) return false;
    await db.subscriptions.delete(id);
    await db.pending.delete(id);
    await db.subscriptions.put(moved);
    return true;
  });
  if (!kept) return { ok: false, message: 'This subscription was removed meanwhile.' };
  return { ok: true, subscription: await checkSubscription(db, nextId, fetchText, now) };
}

export async function removeSubscription(db: BackstoryDB, id: string): Promise<void> {
  await db.transaction('rw', db.subscriptions, db.pending, async () => {
    await db.subscriptions.delete(id);
    await db.pending.delete(id);
  });
}

/** A stable id from the URL, so adding the same URL twice is one subscription. */
export function subscriptionId(url: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) hash = Math.imul(hash ^ url.charCodeAt(i), 0x01000193) >>> 0;
  return `sub-${hash.toString(16).padStart(8, '0')}`;
}

/** Checks one subscription now: fetch (conditionally), validate, apply or set aside for review. */
export async function checkSubscription(
  db: BackstoryDB,
  id: string,
  fetchText: FetchText,
  now = new Date().toISOString(),
): Promise<SubscriptionRow> {
  const sub = await db.subscriptions.get(id);
  if (!sub) throw new Error('This subscription no longer exists.');
  const outcome = await fetchText(sub.url, {
    ...(sub.etag ? { etag: sub.etag } : {}),
    ...(sub.lastModified ? { lastModified: sub.lastModified } : {}),
  });
  let update: Partial<SubscriptionRow>;
  if (outcome.kind === 'unchanged') {
    const waiting = await db.pending.get(id);
    update = waiting ? { status: 'waiting' } : { status: 'unchanged', message: 'No change since the last check.' };
  } else if (outcome.kind !== 'ok') {
    update = { status: 'error', message: outcome.message, needsPermission: outcome.kind === 'needs-permission' };
  } else {
    update = await receive(db, sub, outcome.text, outcome, now);
  }
  const next: SubscriptionRow = { ...sub, needsPermission: false, ...update, lastChecked: now };
  // Removed while the check ran: it stays removed (and its data, if any, was not applied: see `receive`).
  const kept = await db.transaction('rw', db.subscriptions, db.pending, async () => {
    if (!(await db.subscriptions.get(id))) {
      await db.pending.delete(id);
      return false;
    }
    await db.subscriptions.put(next);
    return true;
  });
  return kept ? next : { ...next, status: 'error', message: 'This subscription was removed while it was being checked.' };
}

async function receive(
  db: BackstoryDB,
  sub: SubscriptionRow,
  text: string,
  cache: { etag?: string; lastModified?: string },
  now: string,
): Promise<Partial<SubscriptionRow>> {
  const parsed = parseImportText(text);
  const validated = parsed.ok ? validateImport(parsed.value) : parsed;
  if (!validated.ok) {
    const n = validated.problems.length;
    // No ETag is stored for an invalid file, so the next check fetches it again.
    return {
      status: 'error',
      message: `The file at this address is not a valid dataset (${n} problem${n === 1 ? '' : 's'}; first: ${formatProblem(validated.problems[0]!)}).`,
    };
  }
  if (validated.value.kind !== 'dataset') return { status: 'error', message: 'The file at this address holds local edits, not a dataset.' };
  const dataset = validated.value.dataset;
  const feeding = await db.subscriptions.where('datasetId').equals(dataset.id).toArray();
  if (feeding.some((other) => other.id !== sub.id))
    return { status: 'error', message: `Another subscription already feeds the dataset "${dataset.id}"; one subscription per dataset.` };
  const prepared = await prepareImport(db, validated.value);
  const { diff } = prepared;
  const seen = { ...cacheFields(cache), version: dataset.version };
  if (isNoChange(prepared)) {
    await db.pending.delete(sub.id);
    return { ...seen, datasetId: dataset.id, status: 'unchanged', message: `Version ${dataset.version} is already loaded.` };
  }
  const hold = holdReason(sub, prepared);
  if (!hold) {
    const result = await applyPrepared(db, prepared, {}, { now, source: 'url', whileSubscribed: sub.id });
    if (result.ok) {
      await db.pending.delete(sub.id);
      const changes = `${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed`;
      return { ...seen, datasetId: dataset.id, status: 'updated', message: `Version ${dataset.version} is loaded (${changes}).` };
    }
    if (result.reason === 'stale' || result.reason === 'gone') return { status: 'error', message: result.message };
  }
  const why = hold ?? 'does not fit with your local edits';
  await db.pending.put({ subscriptionId: sub.id, text, ...cacheFields(cache), receivedAt: now, reason: why });
  return { ...seen, status: 'waiting', message: `Version ${dataset.version} ${why}: review it on the options page.` };
}

/** Why an update waits for the user rather than being applied by itself; null: it need not. */
export function holdReason(sub: Pick<SubscriptionRow, 'datasetId'>, { validated, state, diff }: Prepared): string | null {
  if (validated.kind !== 'dataset') return 'holds local edits';
  const id = validated.dataset.id;
  const reasons: string[] = [];
  if (sub.datasetId === undefined)
    reasons.push(state.meta ? `would update "${state.meta.title}", which you already have` : 'is the first from this address');
  else if (sub.datasetId !== id) reasons.push(`changes the dataset id from "${sub.datasetId}" to "${id}"`);
  const before = state.effective.length;
  if (before > 0 && diff.removed.length > before * REMOVAL_HOLD_SHARE)
    reasons.push(`removes ${diff.removed.length} of the dataset's ${before} entities`);
  const n = diff.conflicts.length;
  if (n) reasons.push(`changes ${n} entit${n === 1 ? 'y' : 'ies'} you edited`);
  return reasons.length ? reasons.join(', and ') : null;
}

/** After the user applied a reviewed update: remember what was loaded. */
export async function settlePending(
  db: BackstoryDB,
  id: string,
  datasetId: string,
  version: string,
  now = new Date().toISOString(),
): Promise<void> {
  const [sub, pending] = await Promise.all([db.subscriptions.get(id), db.pending.get(id)]);
  await db.pending.delete(id);
  if (!sub) return;
  await db.subscriptions.put({
    ...sub,
    ...cacheFields(pending ?? {}),
    datasetId,
    version,
    status: 'updated',
    message: `Version ${version} is loaded (reviewed).`,
    lastChecked: sub.lastChecked ?? now,
  });
}

/** The same data as loaded already (a server without caching headers sends it again): nothing to do. */
function isNoChange({ validated, state, diff }: Prepared): boolean {
  if (validated.kind !== 'dataset') return false;
  const { entities: _entities, ...header } = validated.dataset;
  const touched = diff.added.length + diff.changed.length + diff.removed.length + diff.conflicts.length + diff.absorbedEdits;
  return touched === 0 && state.meta !== null && jsonEqual(header, headerOf(state.meta));
}

function cacheFields(cache: { etag?: string; lastModified?: string }): { etag?: string; lastModified?: string } {
  return { ...(cache.etag ? { etag: cache.etag } : {}), ...(cache.lastModified ? { lastModified: cache.lastModified } : {}) };
}
