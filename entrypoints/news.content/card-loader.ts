import { CARD_MODULE, type CardModule } from '../../lib/card/card-view';
import type { Client } from '../../lib/messaging/client';
import type { ContentScriptCalls } from '../../lib/messaging/protocol';

let loading: Promise<CardModule> | null = null;

/**
 * The card's code, loaded once per page (by every session of this content script): the background
 * injects it into this script's world, and it leaves its factory on the global object, where it is
 * taken at once, so a copy left by an older version of Backstory on the same page is never used.
 * A failed load is tried again on the next need.
 */
export function loadCardModule(call: Client<ContentScriptCalls>): Promise<CardModule> {
  loading ??= (async () => {
    const global = globalThis as Record<symbol, unknown>;
    const key = Symbol.for(CARD_MODULE);
    delete global[key];
    await call('loadCard', {});
    const module = global[key] as CardModule | undefined;
    delete global[key];
    if (!module || typeof module.createController !== 'function') throw new Error('the card script did not load');
    return module;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
