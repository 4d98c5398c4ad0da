import type { Resolution } from '../../lib/dataset/diff';
import type { FetchOutcome } from '../../lib/dataset/fetch';
import { browseEntities, getDataOverview, getEntityDetail } from '../../lib/db/browse';
import type { BackstoryDB } from '../../lib/db/database';
import { deleteEntity, revertEntity, saveEntity } from '../../lib/db/entity-edits';
import { exportData } from '../../lib/db/export';
import { applyPrepared, parseImportText, prepareImport, validateImport } from '../../lib/db/import';
import { replaceDataset } from '../../lib/db/repository';
import * as subscriptions from '../../lib/db/subscriptions';
import type { ApplyImportResult, StageResult } from '../../lib/messaging/data-messages';
import type { dataMessages } from '../../lib/messaging/data-messages';
import type { Handlers } from '../../lib/messaging/handlers';
import type { Dataset } from '../../lib/schema/dataset';
import { EXPIRED, ImportSessions, summarize } from './import-sessions';
import { bundledDataset } from './seed';
import { browserFetchText, ensureSubscriptionAlarm } from './subscriptions';

/** What the data handlers need from the browser; tests pass fakes. */
export interface DataEffects {
  fetchText: subscriptions.FetchText;
  /** Keeps the scheduled check in step with the subscriptions. */
  scheduleChecks(db: BackstoryDB): Promise<void>;
  bundled(): Dataset;
  newToken(): string;
}

export const browserDataEffects: DataEffects = {
  fetchText: browserFetchText,
  scheduleChecks: ensureSubscriptionAlarm,
  bundled: bundledDataset,
  newToken: () => crypto.randomUUID(),
};

type DataHandlers = Pick<Handlers, keyof typeof dataMessages>;

/** Handlers for the data-management messages of the options page. */
export function createDataHandlers(db: BackstoryDB, ready: Promise<void>, effects: DataEffects = browserDataEffects): DataHandlers {
  const sessions = new ImportSessions();

  async function stage(text: string, label: string, subscriptionId?: string): Promise<StageResult> {
    const parsed = parseImportText(text);
    if (!parsed.ok) return { ok: false, reason: 'invalid', problems: parsed.problems };
    const token = effects.newToken();
    sessions.start({ token, label, raw: parsed.value, ...(subscriptionId ? { subscriptionId } : {}) });
    return { ok: true, token, label, bytes: text.length };
  }

  function fetched(outcome: FetchOutcome): { text: string } | StageResult {
    if (outcome.kind === 'ok') return { text: outcome.text };
    if (outcome.kind === 'needs-permission') return { ok: false, reason: 'needs-permission', origin: outcome.origin, message: outcome.message };
    if (outcome.kind === 'unchanged') return { ok: false, reason: 'error', message: 'The server answered "not modified" to a fresh request.' };
    return { ok: false, reason: 'error', message: outcome.message };
  }

  return {
    getDataOverview: async () => {
      await ready;
      return getDataOverview(db);
    },
    browseEntities: async (query) => {
      await ready;
      return browseEntities(db, query);
    },
    getEntityDetail: async ({ id }) => {
      await ready;
      return getEntityDetail(db, id);
    },
    saveEntity: async ({ entity, mode }) => {
      await ready;
      return saveEntity(db, entity, mode);
    },
    deleteEntity: async ({ id }) => {
      await ready;
      return deleteEntity(db, id);
    },
    revertEntity: async ({ id }) => {
      await ready;
      return revertEntity(db, id);
    },

    stageImport: async ({ source }) => {
      await ready;
      if (source.kind === 'text') return stage(source.text, source.name);
      if (source.kind === 'url') {
        const result = fetched(await effects.fetchText(source.url, {}));
        return 'text' in result ? stage(result.text, source.url) : result;
      }
      const pending = await db.pending.get(source.subscriptionId);
      const sub = await db.subscriptions.get(source.subscriptionId);
      if (!pending || !sub) return { ok: false, reason: 'error', message: 'This update is no longer waiting (it was applied or replaced).' };
      return stage(pending.text, `Update from ${sub.url}`, sub.id);
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
      if (result.value.kind === 'edits') return { ok: true, kind: 'edits', title: 'Local edits', version: '', entityCount: result.value.edits.length };
      const { title, version, entities } = result.value.dataset;
      return { ok: true, kind: 'dataset', title, version, entityCount: entities.length };
    },
    diffImport: async ({ token }) => {
      await ready;
      const session = sessions.get(token);
      if (!session?.validated) return { ok: false, message: EXPIRED };
      session.prepared = await prepareImport(db, session.validated);
      return { ok: true, diff: summarize(session.prepared.diff) };
    },
    applyImport: async ({ token, resolutions, otherwise }) => {
      await ready;
      const session = sessions.get(token);
      if (!session?.prepared) return { ok: false, reason: 'expired', message: EXPIRED };
      const choices: Record<string, Resolution> = {};
      for (const conflict of session.prepared.diff.conflicts) {
        const own = Object.hasOwn(resolutions, conflict.id) ? resolutions[conflict.id] : undefined;
        const choice = own ?? otherwise;
        if (choice) choices[conflict.id] = choice;
      }
      const result = await applyPrepared(db, session.prepared, choices);
      if (result.ok) {
        sessions.end(token);
        if (session.subscriptionId && session.validated?.kind === 'dataset') {
          await subscriptions.settlePending(db, session.subscriptionId, session.validated.dataset.version);
        }
      }
      return result;
    },
    cancelImport: async ({ token }) => {
      sessions.end(token);
      return null;
    },

    exportData: async ({ what }) => {
      await ready;
      return exportData(db, what);
    },
    resetToBundled: async ({ keepEdits }): Promise<ApplyImportResult> => {
      await ready;
      const bundled = effects.bundled();
      if (!keepEdits) return { ok: true, info: await replaceDataset(db, bundled, 'bundled'), editsKept: 0 };
      const prepared = await prepareImport(db, { kind: 'dataset', dataset: bundled });
      const mine = Object.fromEntries(prepared.diff.conflicts.map((conflict) => [conflict.id, 'mine' as const]));
      return applyPrepared(db, prepared, mine, { origin: 'bundled' });
    },

    listSubscriptions: async () => {
      await ready;
      return (await subscriptions.listSubscriptions(db)).map(subscriptions.toView);
    },
    addSubscription: async ({ url }) => {
      await ready;
      const row = await subscriptions.addSubscription(db, url);
      const checked = await subscriptions.checkSubscription(db, row.id, effects.fetchText);
      if (checked.status === 'error') {
        // A URL that does not work now is not kept: the user sees why and can fix it.
        await subscriptions.removeSubscription(db, row.id);
        if (checked.needsPermission) return { ok: false, reason: 'needs-permission', origin: new URL(url).origin, message: checked.message ?? '' };
        return { ok: false, reason: 'error', message: checked.message ?? 'The check failed.' };
      }
      await effects.scheduleChecks(db);
      return { ok: true, subscription: subscriptions.toView(checked) };
    },
    removeSubscription: async ({ id }) => {
      await ready;
      await subscriptions.removeSubscription(db, id);
      await effects.scheduleChecks(db);
      return null;
    },
    checkSubscription: async ({ id }) => {
      await ready;
      return subscriptions.toView(await subscriptions.checkSubscription(db, id, effects.fetchText));
    },
  };
}
