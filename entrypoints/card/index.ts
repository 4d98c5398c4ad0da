import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CARD_MODULE, type CardModule } from '../../lib/card/card-view';
import { CardHost } from './card-host';

/**
 * The card's code (Preact, the card and its styles: about half of what a page would otherwise load
 * at start), injected by the background into the content script's world of one frame when the page
 * first needs a card: on the first hover or look-up, or in idle time once the page has a cast. It
 * only hands its factory to the content script, which takes it at once (see card-loader.ts).
 */
export default defineUnlistedScript(() => {
  const module: CardModule = { createCard: (doc, events, signal) => new CardHost(doc, events, signal) };
  (globalThis as Record<symbol, unknown>)[Symbol.for(CARD_MODULE)] = module;
});
