import type { Correction } from '../corrections/rules';
import type { LocalEdit } from '../dataset/edits';
import type { DatasetHeader } from '../dataset/export';
import { compileSnapshot } from '../match/snapshot';
import type { Entity } from '../schema/dataset';
import { zeroPerKind, type EntityKind } from '../schema/kinds';
import { toBuckets } from './buckets';
import { mergeCorrections } from './corrections';
import type { BackstoryDB, DatasetRow, DatasetSource, SnapshotRow } from './tables';
import { revisionOf, snapshotVersion } from './state';

/** The data changed since it was read (another tab, or a subscription update): nothing was written. */
export class StaleDataError extends Error {
  constructor() {
    super(
      'The data changed while this was being prepared (an edit in another tab, or a subscription update). Nothing was changed; please try again.',
    );
  }
}

/** What the options page shows of a dataset of the library. */
export interface DatasetInfo {
  id: string;
  title: string;
  version: string;
  publishedAt: string;
  /** Who publishes it (the dataset's attribution). */
  publisher: string;
  source: DatasetSource;
  loadedAt: string;
  enabled: boolean;
  order: number;
  entityCount: number;
  counts: Record<EntityKind, number>;
}

export interface NewData {
  header: DatasetHeader;
  source: DatasetSource;
  /** When the dataset was loaded; kept as is when only the edits change. */
  loadedAt: string;
  effective: readonly Entity[];
  edits: readonly LocalEdit[];
  /** Corrections of marks to add with the data (an edits file's): those already stored are left out. */
  corrections?: readonly Correction[];
}

export interface Committed {
  info: DatasetInfo;
  /** How many of `corrections` were new. */
  correctionsAdded: number;
}

const DATA_TABLES = (db: BackstoryDB) => [db.datasets, db.entityBuckets, db.entityEdits, db.snapshots];

/** The subscription an update came from was removed before it could be applied: nothing was written. */
export class SubscriptionGoneError extends Error {
  constructor() {
    super('The subscription was removed while its update was being checked; nothing was changed.');
  }
}

/**
 * Replaces the whole of one dataset (effective entities, edit layer, header, matcher snapshot) in one
 * IndexedDB transaction, adding it to the library when its id is new: readers see the old data or the
 * new, never a mix, and a failure anywhere (a quota error, the service worker stopping) rolls
 * everything back. Everything expensive (buckets, snapshot) is computed before the transaction
 * opens; inside it, the revision read when the data was planned is checked again, so a plan made from
 * data that has since changed is refused. The dataset's switch and place in the order are kept.
 * Corrections that come with the data are added in the same transaction (past the cap, nothing is
 * written: see `mergeCorrections`).
 */
export async function commitData(db: BackstoryDB, data: NewData, expectedRevision: number, whileSubscribed?: string): Promise<Committed> {
  const dataset = data.header.id;
  const draft: DatasetRow = {
    ...data.header,
    source: data.source,
    loadedAt: data.loadedAt,
    revision: expectedRevision + 1,
    enabled: true,
    order: 0,
  };
  const [{ counts }, snapshot] = metaRows(draft, data.effective);
  const buckets = toBuckets(dataset, data.effective);
  const rows = data.edits.map((edit) => ({ ...edit, dataset }));
  // An update from a subscription is applied only if the subscription still exists, checked in the
  // same transaction: unsubscribing while a check runs never lets its data in.
  const corrections = data.corrections ?? [];
  const tables = [...DATA_TABLES(db), ...(whileSubscribed ? [db.subscriptions] : []), ...(corrections.length ? [db.corrections] : [])];
  return db.transaction('rw', tables, async () => {
    if (whileSubscribed && !(await db.subscriptions.get(whileSubscribed))) throw new SubscriptionGoneError();
    const existing = await db.datasets.get(dataset);
    if (revisionOf(existing) !== expectedRevision) throw new StaleDataError();
    const row: DatasetRow = {
      ...draft,
      counts,
      enabled: existing?.enabled ?? true,
      order: existing?.order ?? (await nextOrder(db)),
    };
    await db.entityBuckets.where('dataset').equals(dataset).delete();
    await db.entityBuckets.bulkAdd(buckets);
    await db.entityEdits.where('dataset').equals(dataset).delete();
    if (rows.length) await db.entityEdits.bulkAdd(rows);
    await db.datasets.put(row);
    await db.snapshots.put(snapshot);
    const correctionsAdded = corrections.length ? await mergeCorrections(db, corrections) : 0;
    return { info: infoFrom(row), correctionsAdded };
  });
}

/** The order for a dataset added now: after every other. */
export async function nextOrder(db: BackstoryDB): Promise<number> {
  const last = await db.datasets.orderBy('order').last();
  return last ? last.order + 1 : 0;
}

/**
 * The two rows that describe a dataset at a revision: its library row (with the counts per kind)
 * and the matcher snapshot compiled from the effective entities. Every write of the data stores
 * both through this, so they never disagree.
 */
export function metaRows(meta: DatasetRow, effective: readonly Entity[]): [DatasetRow, SnapshotRow] {
  const row: DatasetRow = { ...meta, counts: countKinds(effective) };
  return [row, { dataset: meta.id, json: JSON.stringify(compileSnapshot(snapshotVersion(row), effective)) }];
}

function countKinds(entities: readonly Pick<Entity, 'kind'>[]): Record<EntityKind, number> {
  const counts = zeroPerKind();
  for (const entity of entities) counts[entity.kind]++;
  return counts;
}

/** The dataset's info, from its row. */
export function infoFrom(meta: DatasetRow): DatasetInfo {
  const counts = meta.counts ?? zeroPerKind();
  const entityCount = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    id: meta.id,
    title: meta.title,
    version: meta.version,
    publishedAt: meta.publishedAt,
    publisher: meta.attribution,
    source: meta.source,
    loadedAt: meta.loadedAt,
    enabled: meta.enabled,
    order: meta.order,
    entityCount,
    counts: { ...counts },
  };
}
