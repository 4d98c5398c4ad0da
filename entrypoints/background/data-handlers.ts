import type { BackstoryDB } from '../../lib/db/database';
import type { Handlers } from '../../lib/messaging/handlers';
import type { dataMessages } from '../../lib/messaging/data-messages';

/** Handlers for the data-management messages of the options page. */
export function createDataHandlers(_db: BackstoryDB, _ready: Promise<void>): Pick<Handlers, keyof typeof dataMessages> {
  return {};
}
