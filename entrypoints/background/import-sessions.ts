import type { ImportDiff } from '../../lib/dataset/diff';
import type { Prepared, Validated } from '../../lib/db/import';
import type { DiffSummary } from '../../lib/messaging/data-messages';

/**
 * Imports in progress, between the options page's stage messages. They live only in the service
 * worker's memory, on purpose: nothing is written until the apply stage, so if the worker stops
 * half-way the import is simply gone ("start again") and the data is untouched. One at a time: a new
 * import replaces the previous one, so at most one large dataset is held.
 */
export interface ImportSession {
  token: string;
  label: string;
  /** The file's text, until it is parsed. */
  text?: string;
  raw?: unknown;
  validated?: Validated;
  prepared?: Prepared;
  /** Set when the import is a subscription update under review. */
  subscriptionId?: string;
}

export const EXPIRED =
  'This import is no longer available (Backstory was restarted, or another import started). Nothing was changed; please start again.';

export class ImportSessions {
  private current: ImportSession | null = null;

  start(session: ImportSession): void {
    this.current = session;
  }

  get(token: string): ImportSession | undefined {
    return this.current?.token === token ? this.current : undefined;
  }

  end(token: string): void {
    if (this.current?.token === token) this.current = null;
  }
}

/** Lists longer than this are cut in the summary (the counts stay exact). */
const LIST_LIMIT = 1_000;

export function summarize(diff: ImportDiff): DiffSummary {
  return {
    counts: {
      added: diff.added.length,
      changed: diff.changed.length,
      removed: diff.removed.length,
      conflicts: diff.conflicts.length,
      unchanged: diff.unchanged,
      keptEdits: diff.keptEdits,
      absorbedEdits: diff.absorbedEdits,
    },
    added: diff.added.slice(0, LIST_LIMIT),
    changed: diff.changed.slice(0, LIST_LIMIT),
    removed: diff.removed.slice(0, LIST_LIMIT),
    conflicts: diff.conflicts.slice(0, LIST_LIMIT),
  };
}
