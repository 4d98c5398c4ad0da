import type { FetchOutcome } from '../dataset/fetch';
import { formatProblem } from '../dataset/validate';
import type { BackstoryDB, SubscriptionRow } from './tables';
import { jsonEqual } from '../dataset/equal';
import { applyPrepared, parseImportText, prepareImport, validateImport, type Prepared } from './import';
import { headerOf } from './state';

/**
 * Dataset subscriptions: a URL checked on a schedule. An update is applied by itself when it does not
 * touch anything the user edited; otherwise it is kept in `pending` until the user reviews it on the
 * options page. Backstory follows one dataset at a time, so there is at most one subscription.
 */
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

/** Adds (or replaces) the subscription. The first check is the caller's to run. */
export async function addSubscription(db: BackstoryDB, url: string, now = new Date().toISOString()): Promise<SubscriptionRow> {
  const row: SubscriptionRow = { id: subscriptionId(url), url, addedAt: now, status: 'new', message: 'Not checked yet.' };
  await db.transaction('rw', db.subscriptions, db.pending, async () => {
    await db.subscriptions.clear();
    await db.pending.clear();
    await db.subscriptions.add(row);
  });
  return row;
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
  await db.subscriptions.put(next);
  return next;
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
  const prepared = await prepareImport(db, validated.value);
  const { diff } = prepared;
  const seen = { ...cacheFields(cache), version: dataset.version };
  if (isNoChange(prepared)) {
    await db.pending.delete(sub.id);
    return { ...seen, status: 'unchanged', message: `Version ${dataset.version} is already loaded.` };
  }
  if (diff.conflicts.length === 0) {
    const result = await applyPrepared(db, prepared, {}, { now });
    if (result.ok) {
      await db.pending.delete(sub.id);
      const changes = `${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed`;
      return { ...seen, status: 'updated', message: `Version ${dataset.version} is loaded (${changes}).` };
    }
    if (result.reason === 'stale') return { status: 'error', message: result.message };
  }
  await db.pending.put({ subscriptionId: sub.id, text, ...cacheFields(cache), receivedAt: now });
  const n = diff.conflicts.length;
  const why = n ? `changes ${n} entit${n === 1 ? 'y' : 'ies'} you edited` : 'does not fit with your local edits';
  return { ...seen, status: 'waiting', message: `Version ${dataset.version} ${why}: review it on the options page.` };
}

/** After the user applied a reviewed update: remember what was loaded. */
export async function settlePending(db: BackstoryDB, id: string, version: string, now = new Date().toISOString()): Promise<void> {
  const [sub, pending] = await Promise.all([db.subscriptions.get(id), db.pending.get(id)]);
  await db.pending.delete(id);
  if (!sub) return;
  await db.subscriptions.put({
    ...sub,
    ...cacheFields(pending ?? {}),
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
  return touched === 0 && jsonEqual(header, headerOf(state.meta));
}

function cacheFields(cache: { etag?: string; lastModified?: string }): { etag?: string; lastModified?: string } {
  return { ...(cache.etag ? { etag: cache.etag } : {}), ...(cache.lastModified ? { lastModified: cache.lastModified } : {}) };
}
