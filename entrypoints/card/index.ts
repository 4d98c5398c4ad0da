import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CARD_MODULE, type CardModule } from '../../lib/card/card-view';
import { parseContentMessage } from '../../lib/messaging/content-protocol';
import { CardController } from './card-controller';

/**
 * The content script's code for later (Preact, the card and its styles, and the Zod checks of
 * messages from Backstory's pages: more than half of what a page would otherwise load at start),
 * injected by the background into the content script's world of one frame when first needed: on
 * the first hover, look-up or message, or in idle time once the page has a cast. It only hands its
 * module to the content script, which takes it at once (see card-loader.ts).
 */
export default defineUnlistedScript(() => {
  const module: CardModule = {
    createController: (doc, data, options, signal) => new CardController(doc, data, options, signal),
    parseContentMessage,
  };
  (globalThis as Record<symbol, unknown>)[Symbol.for(CARD_MODULE)] = module;
});
