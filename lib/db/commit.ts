import type { LocalEdit } from '../dataset/edits';
import type { DatasetHeader } from '../dataset/export';
import { compileSnapshot } from '../match/snapshot';
import type { Entity } from '../schema/dataset';
import { zeroPerKind, type EntityKind } from '../schema/kinds';
import { toBuckets } from './buckets';
import type { BackstoryDB, DatasetMeta, MetaRow } from './tables';
import { readMeta, revisionOf, snapshotVersion } from './state';

/** The data changed since it was read (another tab, or a subscription update): nothing was written. */
export class StaleDataError extends Error {
  constructor() {
    super(
      'The data changed while this was being prepared (an edit in another tab, or a subscription update). Nothing was changed; please try again.',
    );
  }
}

/** What the options page shows of a dataset. */
export interface DatasetInfo {
  id: string;
  title: string;
  version: string;
  publishedAt: string;
  entityCount: number;
  counts: Record<EntityKind, number>;
}

export interface NewData {
  header: DatasetHeader;
  origin: DatasetMeta['origin'];
  /** When the dataset was loaded; kept as is when only the edits change. */
  loadedAt: string;
  effective: readonly Entity[];
  edits: readonly LocalEdit[];
}

/**
 * Replaces the whole data (effective entities, edit layer, dataset header, matcher snapshot) in one
 * IndexedDB transaction: readers see the old data or the new, never a mix, and a failure anywhere
 * (a quota error, the service worker stopping) rolls everything back. Everything expensive (buckets,
 * snapshot) is computed before the transaction opens; inside it, the revision read when the data was
 * planned is checked again, so a plan made from data that has since changed is refused.
 */
export async function commitData(db: BackstoryDB, data: NewData, expectedRevision: number): Promise<DatasetInfo> {
  const meta: DatasetMeta = { ...data.header, origin: data.origin, loadedAt: data.loadedAt, revision: expectedRevision + 1 };
  const rows = metaRows(meta, data.effective);
  const buckets = toBuckets(data.effective);
  await db.transaction('rw', db.buckets, db.edits, db.meta, async () => {
    if (revisionOf(await readMeta(db)) !== expectedRevision) throw new StaleDataError();
    await db.buckets.clear();
    await db.buckets.bulkAdd(buckets);
    await db.edits.clear();
    if (data.edits.length) await db.edits.bulkAdd([...data.edits]);
    await db.meta.bulkPut(rows);
  });
  return infoFrom(rows[0].value);
}

/**
 * The two rows that describe the data at a revision: the dataset header (with the counts per kind)
 * and the matcher snapshot compiled from the effective entities. Every write of the data stores
 * both through this, so they never disagree.
 */
export function metaRows(meta: DatasetMeta, effective: readonly Entity[]): [MetaRow & { value: DatasetMeta }, MetaRow] {
  const header: DatasetMeta = { ...meta, counts: countKinds(effective) };
  return [
    { key: 'dataset', value: header },
    { key: 'snapshot', json: JSON.stringify(compileSnapshot(snapshotVersion(header), effective)) },
  ];
}

function countKinds(entities: readonly Pick<Entity, 'kind'>[]): Record<EntityKind, number> {
  const counts = zeroPerKind();
  for (const entity of entities) counts[entity.kind]++;
  return counts;
}

/** The dataset's info, from its header (`counts` for a header stored before it had them). */
export function infoFrom(meta: DatasetMeta, counts = meta.counts ?? zeroPerKind()): DatasetInfo {
  const entityCount = Object.values(counts).reduce((a, b) => a + b, 0);
  return { id: meta.id, title: meta.title, version: meta.version, publishedAt: meta.publishedAt, entityCount, counts: { ...counts } };
}
