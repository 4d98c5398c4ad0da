import './highlights.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isInSkippedSubtree } from '../../lib/dom/extract';
import { liveRange } from '../../lib/dom/hit-test';
import { readPublicationDate } from '../../lib/dom/page-date';
import { PageScanner, type Mention } from '../../lib/dom/page-scanner';
import { createMatcher } from '../../lib/match/matcher';
import { createClient } from '../../lib/messaging/client';
import type { Entity, Source } from '../../lib/schema/dataset';
import { CURATED_MATCHES } from '../../lib/sites/curated';
import { CardHost } from './card-host';
import { createHighlightRegistry } from './highlight-registry';
import { HoverController } from './hover';

export default defineContentScript({
  matches: CURATED_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main: (ctx) => run(ctx).catch((error: unknown) => console.debug('[Backstory] not running on this page:', error)),
});

async function run(ctx: ContentScriptContext): Promise<void> {
  // Without the Custom Highlight API there is no way to mark text without touching the page: back off.
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined' || !document.body) return;
  const call = createClient((message) => browser.runtime.sendMessage(message));
  const snapshot = await call('getSnapshot', {});
  if (ctx.isInvalid) return;

  const matcher = createMatcher(snapshot);
  const highlights = createHighlightRegistry(CSS.highlights);
  const entities = new Map<string, Entity>();
  const sources = new Map<string, Source>();
  const byId = new Map(snapshot.entities.map((entity) => [entity.id, entity]));

  const scanner: PageScanner = new PageScanner(
    matcher,
    {
      schedule: (work) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 500 }) : setTimeout(work, 16)),
      now: () => performance.now(),
      measure: (start, end) => performance.measure('backstory:scan', { start, end }),
      createRange: (init) => new StaticRange(init),
      addHighlight: (kind, range) => highlights.add(kind, range),
      removeHighlight: (kind, range) => highlights.remove(kind, range),
      onChange: () => castChanged(),
    },
    { pageDate: readPublicationDate(document) },
  );

  // The cast: reported for the badge and fetched in one batch, so hovering needs no round trip.
  let castTimer = 0;
  let reported = -1;
  function castChanged(): void {
    clearTimeout(castTimer);
    castTimer = window.setTimeout(() => void syncCast(), 150);
  }
  async function syncCast(): Promise<void> {
    if (!scanner.idle) return castChanged();
    const ids = new Set<string>();
    for (const mention of scanner.mentions) ids.add(scanner.entityOf(mention).id);
    if (ids.size !== reported) {
      reported = ids.size;
      await call('reportCast', { count: ids.size }).catch(() => undefined);
    }
    const missing = [...ids].filter((id) => !entities.has(id));
    if (missing.length) await loadEntities(missing);
  }
  async function loadEntities(ids: string[]): Promise<void> {
    const bundle = await call('getEntities', { ids });
    for (const entity of bundle.entities) entities.set(entity.id, entity);
    for (const source of bundle.sources) sources.set(source.id, source);
  }

  // The card.
  const history: string[] = [];
  let anchorMention: Mention | null = null;
  let returnFocus: HTMLElement | null = null;
  const card = new CardHost(document, {
    onPointerEnter: () => hover.cardEntered(),
    onPointerLeave: () => hover.cardLeft(),
    onKeyDown: (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        closeCard();
      }
    },
  });
  const hover = new HoverController(scanner, document, {
    open: (mention) => void openCard(mention, false),
    close: () => closeCard(),
    isOverCard: (target) => card.contains(target as Node | null),
  });

  async function openCard(mention: Mention, focus: boolean): Promise<void> {
    const id = scanner.entityOf(mention).id;
    if (!entities.has(id)) await loadEntities([id]);
    anchorMention = mention;
    history.length = 0;
    history.push(id);
    if (focus) returnFocus = document.activeElement as HTMLElement | null;
    renderCard(focus);
  }

  function renderCard(focus: boolean): void {
    const id = history[history.length - 1];
    const entity = id ? entities.get(id) : undefined;
    if (!entity || !anchorMention) return;
    card.show(
      {
        entity,
        sources,
        lookup: (other) => byId.get(other),
        onOpenEntity: (other) => void openRelated(other),
        onBack: history.length > 1 ? () => goBack() : undefined,
      },
      liveRange(document, anchorMention).getBoundingClientRect(),
      focus,
    );
  }

  async function openRelated(id: string): Promise<void> {
    if (!entities.has(id)) await loadEntities([id]);
    history.push(id);
    renderCard(true);
  }

  function goBack(): void {
    history.pop();
    renderCard(true);
  }

  function closeCard(): void {
    if (!card.isOpen) return;
    card.hide();
    hover.reset();
    anchorMention = null;
    returnFocus?.focus();
    returnFocus = null;
  }

  // Live pages: changed blocks are queued for an incremental rescan.
  const observer = new MutationObserver((records) => {
    let removed = false;
    for (const record of records) {
      if (card.contains(record.target)) continue;
      if (record.type === 'characterData') {
        queueBlockOf(record.target);
        continue;
      }
      if (record.removedNodes.length) removed = true;
      for (const node of Array.from(record.addedNodes)) {
        if (card.contains(node)) continue;
        queueBlockOf(node);
      }
    }
    if (removed) scanner.sweepDisconnected();
  });
  function queueBlockOf(node: Node): void {
    const parent = node.parentElement;
    if (!parent || isInSkippedSubtree(parent)) return;
    const block = node.nodeType === 1 ? (node as Element) : parent;
    scanner.enqueue(block.closest('p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, td, th, dd, dt') ?? block);
  }

  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  scanner.enqueue(document.body);

  ctx.addEventListener(document, 'pointermove', hover.onPointerMove, { passive: true, capture: true });
  ctx.addEventListener(document, 'keydown', (event) => {
    if (event.key === 'Escape' && card.isOpen) closeCard();
  });
  ctx.addEventListener(document, 'pointerdown', (event) => {
    if (card.isOpen && !card.contains(event.target as Node)) closeCard();
  });
  ctx.addEventListener(window, 'scroll', () => {
    if (card.isOpen && anchorMention && !card.reposition(liveRange(document, anchorMention).getBoundingClientRect())) closeCard();
  }, { passive: true });

  ctx.onInvalidated(() => {
    observer.disconnect();
    scanner.stop();
    hover.destroy();
    card.destroy();
    highlights.clear();
    clearTimeout(castTimer);
  });
}
