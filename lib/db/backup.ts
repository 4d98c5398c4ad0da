import { z } from 'zod';
import type { Correction } from '../corrections/rules';
import { checkConsistent, correctionFields, MAX_CORRECTIONS } from '../corrections/schema';
import type { LocalEdit } from '../dataset/edits';
import { checkStructure, formatPath, validateDataset, type Problem } from '../dataset/validate';
import { Entity } from '../schema/dataset';
import type { Dataset } from '../schema/dataset';
import { readAllEntities, toBuckets } from './buckets';
import { metaRows } from './commit';
import { splitScopedId } from './scope';
import { headerOf, readEdits } from './state';
import { loadSnapshot } from './snapshot-store';
import type { BackstoryDB, DatasetRow, MarkerRow, PendingRow, SubscriptionRow } from './tables';

/**
 * A backup of everything: every dataset of the library (its effective entities, its edit layer, its
 * switch, its place in the order, where it came from), the reader's corrections of marks, the
 * subscriptions with their pending updates, the library's markers and the settings. Restoring it
 * replaces everything in one transaction, so a fresh profile ends up with the same rows (the matcher
 * snapshots are compiled again from entities written in their snapshot order, which gives the same
 * text).
 *
 * Format version 2 added the corrections. A version-1 backup (made before corrections existed) still
 * restores, and since a restore replaces everything, the corrections then become the backup's: none.
 */
export const BACKUP_FORMAT = 'backstory-backup';

/** The file's schema, built on first use: the background loads this module each time its worker wakes. */
const BackupFile = z.lazy(() => {
  const EditRowFile = z.strictObject({
    id: z.string().max(120),
    entity: Entity.nullable(),
    base: Entity.nullable(),
    editedAt: z.string().max(40),
  });

  const DatasetFile = z.strictObject({
    /** The dataset as a file (header and effective entities): checked like any import. */
    dataset: z.unknown(),
    source: z.enum(['bundled', 'file', 'url']),
    loadedAt: z.string().max(40),
    revision: z.number().int().min(0),
    enabled: z.boolean(),
    order: z.number().int().min(0),
    edits: z.array(EditRowFile).max(200_000),
  });

  const SubscriptionFile = z.strictObject({
    id: z.string().max(40),
    url: z.string().max(2_000),
    addedAt: z.string().max(40),
    datasetId: z.string().max(120).optional(),
    etag: z.string().max(1_000).optional(),
    lastModified: z.string().max(100).optional(),
    lastChecked: z.string().max(40).optional(),
    status: z.enum(['new', 'updated', 'unchanged', 'waiting', 'error']),
    message: z.string().max(2_000).optional(),
    version: z.string().max(40).optional(),
    needsPermission: z.boolean().optional(),
  });

  const PendingFile = z.strictObject({
    subscriptionId: z.string().max(40),
    text: z.string(),
    etag: z.string().max(1_000).optional(),
    lastModified: z.string().max(100).optional(),
    receivedAt: z.string().max(40),
    reason: z.string().max(1_000).optional(),
  });

  const MarkerFile = z.union([
    z.strictObject({ key: z.literal('bundled'), value: z.enum(['removed', 'off']) }),
    z.strictObject({ key: z.literal('everLoaded'), value: z.string().max(40) }),
  ]);

  /** A correction as stored: its own id, its entity by scoped id ("datasetId/entityId"). */
  const CorrectionFile = z
    .strictObject({
      id: z.string().min(1).max(64),
      entity: z
        .string()
        .max(241)
        .refine((value) => splitScopedId(value) !== null, 'must be "datasetId/entityId"'),
      ...correctionFields(),
    })
    .superRefine(checkConsistent);

  const common = {
    format: z.literal(BACKUP_FORMAT),
    createdAt: z.string().max(40),
    datasets: z.array(DatasetFile).max(100),
    subscriptions: z.array(SubscriptionFile).max(100),
    pending: z.array(PendingFile).max(100),
    markers: z.array(MarkerFile).max(10),
    settings: z.unknown(),
  };

  return z.discriminatedUnion('formatVersion', [
    z.strictObject({ ...common, formatVersion: z.literal(1) }),
    z.strictObject({ ...common, formatVersion: z.literal(2), corrections: z.array(CorrectionFile).max(MAX_CORRECTIONS) }),
  ]);
});
type BackupFile = z.infer<typeof BackupFile>;

export function isBackupFile(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && (raw as { format?: unknown }).format === BACKUP_FORMAT;
}

/** Everything, as one JSON text; `settings` is what the caller keeps outside the database. */
export async function createBackup(db: BackstoryDB, settings: unknown, now = new Date().toISOString()): Promise<string> {
  const file = await db.transaction(
    'r',
    [db.datasets, db.entityBuckets, db.entityEdits, db.corrections, db.snapshots, db.subscriptions, db.pending, db.markers],
    async (): Promise<BackupFile> => {
      const rows = await db.datasets.orderBy('order').toArray();
      const datasets = [];
      for (const row of rows) {
        const entities = await inSnapshotOrder(db, row.id);
        const { source, loadedAt, enabled, order } = row;
        datasets.push({
          dataset: { ...headerOf(row), entities },
          source,
          loadedAt,
          revision: row.revision ?? 0,
          enabled,
          order,
          edits: await readEdits(db, row.id),
        });
      }
      return {
        format: BACKUP_FORMAT,
        formatVersion: 2,
        createdAt: now,
        datasets,
        corrections: (await db.corrections.orderBy('id').toArray()).map(inFileOrder),
        subscriptions: await db.subscriptions.orderBy('id').toArray(),
        pending: await db.pending.toArray(),
        markers: await db.markers.toArray(),
        settings,
      };
    },
  );
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A correction with its fields in one order whatever the order they were stored in (a backup of a restored profile is the same text). */
function inFileOrder(correction: Correction): Correction {
  const { id, entity, entityName, words, text, page, site, createdAt } = correction;
  return {
    id,
    entity,
    entityName,
    ...(words === undefined ? {} : { words }),
    ...(text === undefined ? {} : { text }),
    ...(page === undefined ? {} : { page }),
    ...(site === undefined ? {} : { site }),
    createdAt,
  };
}

/** The dataset's entities in the order of its matcher snapshot, so compiling them again gives the same snapshot. */
async function inSnapshotOrder(db: BackstoryDB, dataset: string): Promise<Entity[]> {
  const byId = new Map((await readAllEntities(db, dataset)).map((entity) => [entity.id, entity]));
  const ordered: Entity[] = [];
  for (const { id } of (await loadSnapshot(db, dataset)).entities) {
    const entity = byId.get(id);
    if (!entity) continue;
    ordered.push(entity);
    byId.delete(id);
  }
  return [...ordered, ...byId.values()];
}

export type RestoreResult = { ok: true; datasets: number; settings: unknown } | { ok: false; problems: Problem[] };

/** Checks a parsed backup; every dataset in it is validated like an import. */
export function validateBackup(raw: unknown): { ok: true; backup: BackupFile; datasets: Dataset[] } | { ok: false; problems: Problem[] } {
  const structural = checkStructure(raw);
  if (structural.length) return { ok: false, problems: structural };
  const parsed = BackupFile.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 100).map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  const datasets: Dataset[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  parsed.data.datasets.forEach((entry, i) => {
    const result = validateDataset(entry.dataset);
    if (!result.ok) {
      for (const problem of result.problems.slice(0, 20))
        problems.push({ ...problem, path: problem.path.replace(/^\$/, `$.datasets[${i}].dataset`) });
      return;
    }
    if (seen.has(result.dataset.id))
      problems.push({ path: `$.datasets[${i}].dataset.id`, message: `more than one dataset "${result.dataset.id}"` });
    seen.add(result.dataset.id);
    datasets.push(result.dataset);
  });
  const ids = new Set<string>();
  (parsed.data.formatVersion === 2 ? parsed.data.corrections : []).forEach((correction, i) => {
    if (ids.has(correction.id)) problems.push({ path: `$.corrections[${i}].id`, message: `more than one correction "${correction.id}"` });
    ids.add(correction.id);
  });
  return problems.length ? { ok: false, problems } : { ok: true, backup: parsed.data, datasets };
}

/** Replaces everything with the backup's content, in one transaction (the corrections too: none from a version-1 backup). */
export async function restoreBackup(db: BackstoryDB, raw: unknown): Promise<RestoreResult> {
  const checked = validateBackup(raw);
  if (!checked.ok) return checked;
  const { backup, datasets } = checked;
  const rows = backup.datasets.map((entry, i) => {
    const { entities, ...header } = datasets[i]!;
    const meta: DatasetRow = {
      ...header,
      source: entry.source,
      loadedAt: entry.loadedAt,
      revision: entry.revision,
      enabled: entry.enabled,
      order: entry.order,
    };
    const [row, snapshot] = metaRows(meta, entities);
    const edits = entry.edits.map((edit: LocalEdit) => ({ ...edit, dataset: header.id }));
    return { row, snapshot, buckets: toBuckets(header.id, entities), edits };
  });
  const corrections: Correction[] = backup.formatVersion === 2 ? backup.corrections : [];
  const tables = [db.datasets, db.entityBuckets, db.entityEdits, db.corrections, db.snapshots, db.subscriptions, db.pending, db.markers];
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
    for (const { row, snapshot, buckets, edits } of rows) {
      await db.datasets.add(row);
      await db.snapshots.add(snapshot);
      await db.entityBuckets.bulkAdd(buckets);
      if (edits.length) await db.entityEdits.bulkAdd(edits);
    }
    await db.corrections.bulkAdd(corrections);
    await db.subscriptions.bulkAdd(backup.subscriptions as SubscriptionRow[]);
    await db.pending.bulkAdd(backup.pending as PendingRow[]);
    await db.markers.bulkAdd(backup.markers as MarkerRow[]);
  });
  return { ok: true, datasets: rows.length, settings: backup.settings };
}
