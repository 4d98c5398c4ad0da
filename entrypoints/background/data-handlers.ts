import { summarize, type Resolution } from '../../lib/dataset/diff';
import type { FetchOutcome } from '../../lib/dataset/fetch';
import { decodeUtf8, invalidUtf8Message } from '../../lib/dataset/utf8';
import { MAX_FILE_BYTES, tooLarge, type Problem } from '../../lib/dataset/validate';
import { createBackup, isBackupFile, restoreBackup } from '../../lib/db/backup';
import { browseEntities, getEntityDetail } from '../../lib/db/browse';
import { restoreBundled } from '../../lib/db/bundled';
import { deleteEntity, revertEntity, saveEntity } from '../../lib/db/entity-edits';
import { exportData } from '../../lib/db/export';
import { applyPrepared, parseImportText, prepareImport, targetOf, validateImport } from '../../lib/db/import';
import { getLibrary, moveDataset, removeDataset, setDatasetEnabled } from '../../lib/db/library';
import { readDatasetInfo, replaceDataset } from '../../lib/db/repository';
import { BUNDLED_DATASET_ID } from '../../lib/db/tables';
import * as subscriptions from '../../lib/db/subscriptions';
import type { BackstoryDB } from '../../lib/db/tables';
import type { ApplyImportResult, StageResult } from '../../lib/messaging/protocol';
import type { Handlers } from '../../lib/messaging/handlers';
import type { Dataset } from '../../lib/schema/dataset';
import { parseSettings } from '../../lib/settings/settings';
import { loadSettings, saveSettings } from '../../lib/settings/storage';
import { EXPIRED, ImportSessions } from './import-sessions';
import { bundledDataset } from './seed';
import { browserFetchText, ensureSubscriptionAlarm } from './subscriptions';

/** What the data handlers need from the browser; tests pass fakes. */
export interface DataEffects {
  fetchText: subscriptions.FetchText;
  /** Keeps the scheduled check in step with the subscriptions. */
  scheduleChecks(db: BackstoryDB): Promise<void>;
  bundled(): Promise<Dataset>;
  newToken(): string;
  /** Reads a file the options page handed over as a blob: URL (its size in bytes when far too big to read). */
  readBlob(url: string): Promise<string | { tooLarge: number } | { invalidUtf8: number }>;
  /** The settings, as a backup carries them, and writing them back from one. */
  readSettings(): Promise<unknown>;
  writeSettings(settings: unknown): Promise<void>;
}

export const browserDataEffects: DataEffects = {
  fetchText: browserFetchText,
  scheduleChecks: ensureSubscriptionAlarm,
  bundled: () => bundledDataset(),
  newToken: () => crypto.randomUUID(),
  readBlob: readOwnBlob,
  readSettings: loadSettings,
  writeSettings: async (settings) => void (await saveSettings(parseSettings(settings))),
};

/**
 * The options page passes a picked file as a blob: URL rather than its text: the background reads it
 * directly (half a second for 28 MB) instead of receiving a copy through messaging (several seconds).
 */
async function readOwnBlob(url: string): Promise<string | { tooLarge: number } | { invalidUtf8: number }> {
  if (new URL(url.slice('blob:'.length)).origin !== self.location.origin)
    throw new Error('Only files handed over by Backstory’s own pages can be imported.');
  const blob = await (await fetch(url)).blob();
  // Far over the limit whatever the encoding: refused without reading it into a string.
  if (blob.size > MAX_FILE_BYTES) return { tooLarge: blob.size };
  const decoded = decodeUtf8(new Uint8Array(await blob.arrayBuffer()));
  return decoded.ok ? decoded.text : { invalidUtf8: decoded.offset };
}

/** The problem to show for a file that could not be read as text. */
function unreadable(read: { tooLarge: number } | { invalidUtf8: number }): Problem {
  return 'tooLarge' in read ? tooLarge(read.tooLarge) : { path: '$', message: invalidUtf8Message(read.invalidUtf8) };
}

/** Everything the options page asks for: the handlers other than reading for pages and searching. */
type DataHandlers = Omit<
  Handlers,
  'pageSettings' | 'matchBlocks' | 'getEntities' | 'loadCard' | 'reportCast' | 'search' | 'correctMark' | 'undoCorrection' | 'listCorrections' | 'removeCorrections'
>;

/** Characters per export message (JSON escaping can double them; messages are capped at 64 MB). */
const EXPORT_PART = 8 * 1024 * 1024;

/** Handlers for the data-management messages of the options page. */
export function createDataHandlers(db: BackstoryDB, effects: DataEffects = browserDataEffects): DataHandlers {
  const sessions = new ImportSessions();
  let pendingExport: { token: string; parts: string[] } | null = null;

  function stage(text: string, label: string, subscriptionId?: string): StageResult {
    const token = effects.newToken();
    sessions.start({ token, label, text, ...(subscriptionId ? { subscriptionId } : {}) });
    return { ok: true, token, label, bytes: text.length };
  }

  function offerExport(file: { filename: string; text: string }): { filename: string; token: string; parts: number } {
    const token = effects.newToken();
    const parts: string[] = [];
    for (let at = 0; at < file.text.length || parts.length === 0; at += EXPORT_PART) parts.push(file.text.slice(at, at + EXPORT_PART));
    pendingExport = { token, parts };
    return { filename: file.filename, token, parts: parts.length };
  }

  function fetched(outcome: FetchOutcome): { text: string } | StageResult {
    if (outcome.kind === 'ok') return { text: outcome.text };
    if (outcome.kind === 'needs-permission')
      return { ok: false, reason: 'needs-permission', origin: outcome.origin, message: outcome.message };
    if (outcome.kind === 'unchanged')
      return { ok: false, reason: 'error', message: 'The server answered "not modified" to a fresh request.' };
    return { ok: false, reason: 'error', message: outcome.message };
  }

  return {
    getLibrary: () => getLibrary(db),
    setDatasetEnabled: ({ dataset, enabled }) => setDatasetEnabled(db, dataset, enabled),
    moveDataset: async ({ dataset, direction }) => {
      await moveDataset(db, dataset, direction);
      return null;
    },
    removeDataset: async ({ dataset }) => {
      await removeDataset(db, dataset);
      await effects.scheduleChecks(db);
      return null;
    },
    restoreBundled: async () => {
      await restoreBundled(db, await effects.bundled());
      return readDatasetInfo(db, BUNDLED_DATASET_ID);
    },

    browseEntities: (query) => browseEntities(db, query),
    getEntityDetail: ({ dataset, id }) => getEntityDetail(db, dataset, id),
    saveEntity: ({ dataset, entity, mode, stamp }) => saveEntity(db, dataset, entity, mode, stamp),
    deleteEntity: ({ dataset, id, stamp }) => deleteEntity(db, dataset, id, stamp),
    revertEntity: ({ dataset, id, stamp }) => revertEntity(db, dataset, id, stamp),

    stageImport: async ({ source }) => {
      if (source.kind === 'text') return stage(source.text, source.name);
      if (source.kind === 'blob') {
        const read = await effects
          .readBlob(source.url)
          .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
        if (typeof read === 'string') return stage(read, source.name);
        if (read instanceof Error) return { ok: false, reason: 'error', message: `The file could not be read: ${read.message}` };
        return { ok: false, reason: 'invalid', problems: [unreadable(read)] };
      }
      if (source.kind === 'url') {
        const result = fetched(await effects.fetchText(source.url, {}));
        return 'text' in result ? stage(result.text, source.url) : result;
      }
      const pending = await db.pending.get(source.subscriptionId);
      const sub = await db.subscriptions.get(source.subscriptionId);
      if (!pending || !sub)
        return { ok: false, reason: 'error', message: 'This update is no longer waiting (it was applied or replaced).' };
      return stage(pending.text, `Update from ${sub.url}`, sub.id);
    },
    parseImport: async ({ token }) => {
      const session = sessions.get(token);
      if (!session || session.text === undefined) return { ok: false, problems: [{ path: '$', message: EXPIRED }] };
      const parsed = parseImportText(session.text);
      session.text = undefined;
      if (!parsed.ok) {
        sessions.end(token);
        return parsed;
      }
      session.raw = parsed.value;
      return { ok: true };
    },
    validateImport: async ({ token }) => {
      const session = sessions.get(token);
      if (!session || session.raw === undefined) return { ok: false, problems: [{ path: '$', message: EXPIRED }] };
      const result = validateImport(session.raw);
      session.raw = undefined;
      if (!result.ok) {
        sessions.end(token);
        return result;
      }
      session.validated = result.value;
      if (result.value.kind === 'edits')
        return { ok: true, kind: 'edits', title: 'Local edits', version: '', entityCount: result.value.edits.length };
      const { title, version, entities } = result.value.dataset;
      return { ok: true, kind: 'dataset', title, version, entityCount: entities.length };
    },
    diffImport: async ({ token }) => {
      const session = sessions.get(token);
      if (!session?.validated) return { ok: false, message: EXPIRED };
      session.prepared = await prepareImport(db, session.validated);
      return { ok: true, diff: summarize(session.prepared.diff), target: targetOf(session.prepared) };
    },
    applyImport: async ({ token, resolutions, otherwise }) => {
      const session = sessions.get(token);
      if (!session?.prepared) return { ok: false, reason: 'expired', message: EXPIRED };
      const choices: Record<string, Resolution> = {};
      for (const conflict of session.prepared.diff.conflicts) {
        const own = Object.hasOwn(resolutions, conflict.id) ? resolutions[conflict.id] : undefined;
        const choice = own ?? otherwise;
        if (choice) choices[conflict.id] = choice;
      }
      const fromSubscription = session.subscriptionId && session.validated?.kind === 'dataset';
      const result = await applyPrepared(
        db,
        session.prepared,
        choices,
        fromSubscription ? { source: 'url', whileSubscribed: session.subscriptionId! } : {},
      );
      if (result.ok) {
        sessions.end(token);
        if (fromSubscription && session.validated?.kind === 'dataset') {
          const { id, version } = session.validated.dataset;
          await subscriptions.settlePending(db, session.subscriptionId!, id, version);
        }
      }
      return result;
    },
    cancelImport: async ({ token }) => {
      sessions.end(token);
      return null;
    },

    exportData: async ({ dataset, what }) => offerExport(await exportData(db, dataset, what)),
    exportBackup: async () => {
      const text = await createBackup(db, await effects.readSettings());
      return offerExport({ filename: `backstory-backup-${new Date().toISOString().slice(0, 10)}.json`, text });
    },
    restoreBackup: async ({ source }) => {
      const text = source.kind === 'text' ? source.text : await effects.readBlob(source.url);
      if (typeof text !== 'string') return { ok: false, problems: [unreadable(text)], message: 'The file could not be read.' };
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (error) {
        return { ok: false, problems: [{ path: '$', message: String(error) }], message: 'The file is not JSON.' };
      }
      if (!isBackupFile(raw))
        return { ok: false, problems: [], message: 'This is not a Backstory backup (to add a dataset, import it instead).' };
      const result = await restoreBackup(db, raw);
      if (!result.ok) return { ...result, message: 'The backup is damaged; nothing was changed.' };
      await effects.writeSettings(result.settings);
      await effects.scheduleChecks(db);
      return { ok: true, datasets: result.datasets };
    },
    exportPart: async ({ token, index }) => {
      const text = pendingExport?.token === token ? pendingExport.parts[index] : undefined;
      if (text === undefined) throw new Error('This export is no longer available; please export again.');
      if (index === pendingExport!.parts.length - 1) pendingExport = null;
      return { text };
    },
    resetToBundled: async ({ keepEdits }): Promise<ApplyImportResult> => {
      const bundled = await effects.bundled();
      if (!keepEdits) return { ok: true, info: await replaceDataset(db, bundled, 'bundled'), editsKept: 0 };
      const prepared = await prepareImport(db, { kind: 'dataset', dataset: bundled });
      const mine = Object.fromEntries(prepared.diff.conflicts.map((conflict) => [conflict.id, 'mine' as const]));
      return applyPrepared(db, prepared, mine, { source: 'bundled' });
    },

    listSubscriptions: async () => (await subscriptions.listSubscriptions(db)).map(subscriptions.toView),
    addSubscription: async ({ url }) => {
      const row = await subscriptions.addSubscription(db, url);
      const checked = await subscriptions.checkSubscription(db, row.id, effects.fetchText);
      if (checked.status === 'error') {
        // A URL that does not work now is not kept: the user sees why and can fix it.
        await subscriptions.removeSubscription(db, row.id);
        if (checked.needsPermission)
          return { ok: false, reason: 'needs-permission', origin: new URL(url).origin, message: checked.message ?? '' };
        return { ok: false, reason: 'error', message: checked.message ?? 'The check failed.' };
      }
      await effects.scheduleChecks(db);
      return { ok: true, subscription: subscriptions.toView(checked) };
    },
    changeSubscriptionUrl: async ({ id, url }) => {
      const result = await subscriptions.changeSubscriptionUrl(db, id, url, effects.fetchText);
      await effects.scheduleChecks(db);
      if (result.ok) return { ok: true, subscription: subscriptions.toView(result.subscription) };
      if (result.needsPermission) return { ok: false, reason: 'needs-permission', origin: result.needsPermission, message: result.message };
      return { ok: false, reason: 'error', message: result.message };
    },
    removeSubscription: async ({ id }) => {
      await subscriptions.removeSubscription(db, id);
      await effects.scheduleChecks(db);
      return null;
    },
    checkSubscription: async ({ id }) => subscriptions.toView(await subscriptions.checkSubscription(db, id, effects.fetchText)),
  };
}
