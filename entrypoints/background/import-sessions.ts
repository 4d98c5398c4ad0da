import type { Prepared, Validated } from '../../lib/db/import';

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
