import { isBlockSeparator, isInSkippedSubtree, SKIP_ATTRIBUTE_NAMES } from '../../lib/dom/extract';
import { liveRange, mentionAtSelection } from '../../lib/dom/hit-test';
import { PageScanner, type Mention, type MentionRange } from '../../lib/dom/page-scanner';
import { createMatcher } from '../../lib/match/matcher';
import type { MatcherSnapshot } from '../../lib/match/snapshot';
import type { Client } from '../../lib/messaging/client';
import type { CastEntry } from '../../lib/messaging/content-protocol';
import type { Entity, Source } from '../../lib/schema/dataset';
import type { Settings } from '../../lib/settings/settings';
import { CardController } from './card-controller';
import { createHighlightRegistry } from './highlight-registry';
import { HighlightWindow } from './highlight-window';
import { HoverController } from './hover';

const BLOCK_SELECTOR = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, td, th, dd, dt, article, section';

/**
 * One running instance of Backstory on a page: scanner, mutation observer, hover and card.
 * Created when Backstory is active on the page, stopped (leaving the page exactly as it was)
 * when it is switched off or the extension goes away.
 */
export class PageSession {
  private readonly scanner: PageScanner;
  private readonly highlights: ReturnType<typeof createHighlightRegistry>;
  private readonly nearViewport: HighlightWindow;
  private readonly card: CardController;
  private readonly hover: HoverController;
  private readonly observer: MutationObserver;
  private readonly entities = new Map<string, Entity>();
  private readonly sources = new Map<string, Source>();
  private readonly byId: Map<string, MatcherSnapshot['entities'][number]>;
  private readonly abort = new AbortController();
  /** Per entity, the mention the popup last jumped to (the next jump goes to the one after). */
  private readonly jumpIndex = new Map<string, number>();
  private castTimer = 0;
  /** Whether the card has been rendered once off the page (see CardController.prewarm). */
  private prewarmed = false;
  private reported = -1;
  private settings: Settings;

  constructor(
    private readonly doc: Document,
    snapshot: MatcherSnapshot,
    private readonly call: Client,
    settings: Settings,
    private readonly pageDate: string | undefined,
  ) {
    this.settings = settings;
    this.byId = new Map(snapshot.entities.map((entity) => [entity.id, entity]));
    this.highlights = createHighlightRegistry(CSS.highlights, settings.highlightStyle);
    this.nearViewport = new HighlightWindow(this.highlights);
    this.scanner = new PageScanner(createMatcher(onlyKinds(snapshot, settings.kinds)), this.scannerHost(), { pageDate });
    this.card = new CardController(
      doc,
      {
        entities: this.entities,
        sources: this.sources,
        lookup: (id) => this.byId.get(id),
        load: (ids) => this.load(ids),
      },
      {
        pageDate,
        settings: () => this.settings,
        onClosed: () => this.hover.reset(),
        onPointer: (inside) => (inside ? this.hover.cardEntered() : this.hover.cardLeft()),
      },
    );
    this.hover = new HoverController(
      this.scanner,
      doc,
      {
        open: (mention) => void this.card.open(this.scanner.entityOf(mention).id, liveRange(doc, mention), false),
        close: () => this.card.close(),
        isOverCard: (target) => this.card.contains(target as Node | null),
      },
      settings.dwellMs,
    );
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  start(): void {
    const { signal } = this.abort;
    const body = this.doc.body;
    // The attributes that make a subtree skipped or not (see isSkipped): a page revealing a hidden
    // section, or hiding one, is scanned again.
    this.observer.observe(body, { childList: true, subtree: true, characterData: true, attributeFilter: SKIP_ATTRIBUTE_NAMES });
    this.scanner.enqueue(body);
    this.doc.addEventListener('pointermove', this.hover.onPointerMove, { passive: true, capture: true, signal });
    this.doc.addEventListener('keydown', (event) => event.key === 'Escape' && this.card.close(), { signal });
    this.doc.addEventListener('pointerdown', (event) => !this.card.contains(event.target as Node) && this.card.close(), {
      signal,
      capture: true,
    });
    this.doc.defaultView?.addEventListener('scroll', () => this.card.onScroll(), { passive: true, signal });
  }

  /** Removes every trace of Backstory from the page. */
  stop(): void {
    this.abort.abort();
    this.observer.disconnect();
    this.scanner.stop();
    this.hover.destroy();
    this.card.destroy();
    this.nearViewport.disconnect();
    this.highlights.clear();
    clearTimeout(this.castTimer);
    void this.call('reportCast', { count: 0 }).catch(() => undefined);
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.hover.setDwell(settings.dwellMs);
  }

  /** The page's cast in order of first appearance, with mention counts. */
  cast(): CastEntry[] {
    const counts = new Map<number, { first: Mention; count: number }>();
    for (const mention of this.scanner.mentions) {
      const entry = counts.get(mention.entity);
      if (!entry) counts.set(mention.entity, { first: mention, count: 1 });
      else {
        entry.count++;
        if (before(mention, entry.first)) entry.first = mention;
      }
    }
    return [...counts.entries()]
      .sort(([, a], [, b]) => (before(a.first, b.first) ? -1 : 1))
      .map(([index, { count }]) => {
        const entity = this.scanner.snapshot.entities[index]!;
        return { id: entity.id, name: entity.name, kind: entity.kind, count };
      });
  }

  /** Scrolls to the next mention of an entity after the last one jumped to, and flashes it. */
  jumpTo(entityId: string): boolean {
    const mentions = [...this.scanner.mentions]
      .filter((m) => this.scanner.entityOf(m).id === entityId)
      .sort((a, b) => (before(a, b) ? -1 : 1));
    if (!mentions.length) return false;
    const index = (this.jumpIndex.get(entityId) ?? -1) + 1;
    const mention = mentions[index % mentions.length]!;
    this.jumpIndex.set(entityId, index % mentions.length);
    const range = liveRange(this.doc, mention);
    const element = range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    this.highlights.flash(new StaticRange(mention.range));
    return true;
  }

  /** Keyboard command and context menu: the card for the selection or the mention at the caret. */
  async lookUpSelection(text: string | undefined): Promise<boolean> {
    const selection = this.doc.getSelection();
    const mention = mentionAtSelection(this.scanner, selection);
    if (mention) {
      await this.card.open(this.scanner.entityOf(mention).id, liveRange(this.doc, mention), true);
      return true;
    }
    // Not a marked mention (for example a bare surname without context): look the words up directly.
    const words = (text ?? selection?.toString() ?? '').trim();
    if (!words || !selection || selection.rangeCount === 0) return false;
    const match = this.scanner.matcher.findMatches(words)[0];
    const index = match?.entities[0];
    if (index === undefined) return false;
    await this.card.open(this.scanner.snapshot.entities[index]!.id, selection.getRangeAt(0).cloneRange(), true);
    return true;
  }

  private scannerHost() {
    return {
      schedule: (work: () => void) => whenIdle(work, 500),
      now: () => performance.now(),
      measure: (start: number, end: number) => performance.measure('backstory:scan', { start, end }),
      addHighlight: (kind: Entity['kind'], range: MentionRange, nested: boolean) => this.nearViewport.add(kind, range, nested),
      removeHighlight: (kind: Entity['kind'], range: MentionRange) => this.nearViewport.remove(kind, range),
      onChange: () => this.castChanged(),
    };
  }

  private onMutations(records: MutationRecord[]): void {
    let removed = false;
    for (const record of records) {
      if (this.card.contains(record.target)) continue;
      if (record.type === 'characterData') {
        this.queueBlockOf(record.target);
        continue;
      }
      if (record.type === 'attributes') {
        this.attributeChanged(record.target as Element);
        continue;
      }
      if (record.removedNodes.length) removed = true;
      for (const node of Array.from(record.addedNodes)) {
        // White space added between blocks changes no mention: queueing it would rescan the whole container.
        if (this.card.contains(node) || (node.nodeType === Node.TEXT_NODE && isBlockSeparator(node as Text))) continue;
        this.queueBlockOf(node);
      }
    }
    if (removed) this.scanner.sweepDisconnected();
  }

  /** Hidden now (or page chrome): its mentions go. Shown: its block is read again, which replaces them. */
  private attributeChanged(element: Element): void {
    if (isInSkippedSubtree(element)) this.scanner.dropWithin(element);
    else this.scanner.enqueue(element.closest(BLOCK_SELECTOR) ?? element);
  }

  private queueBlockOf(node: Node): void {
    const parent = node.parentElement;
    if (!parent || isInSkippedSubtree(parent)) return;
    const element = node.nodeType === 1 ? (node as Element) : parent;
    this.scanner.enqueue(element.closest(BLOCK_SELECTOR) ?? element);
  }

  /**
   * The cast is reported for the badge and fetched in one batch, so hovering needs no round trip.
   * Throttled rather than debounced: a page that never stops changing still gets its cast.
   */
  private castChanged(): void {
    if (this.castTimer) return;
    this.castTimer = window.setTimeout(() => {
      this.castTimer = 0;
      void this.syncCast();
    }, 250);
  }

  private async syncCast(): Promise<void> {
    const counts: Record<string, number> = {};
    for (const mention of this.scanner.mentions) {
      const id = this.scanner.entityOf(mention).id;
      counts[id] = (counts[id] ?? 0) + 1;
    }
    const ids = new Set(Object.keys(counts));
    // Only mentions near the viewport are painted, so the page's highlights do not show them all:
    // this mark does, for DevTools and for tests (`backstory:cast`, detail: mentions per entity id).
    performance.mark('backstory:cast', { detail: { mentions: this.scanner.mentions.size, entities: ids.size, counts } });
    if (ids.size !== this.reported) {
      this.reported = ids.size;
      await this.call('reportCast', { count: ids.size }).catch(() => undefined);
    }
    const missing = [...ids].filter((id) => !this.entities.has(id));
    if (missing.length) await this.load(missing);
    if (!this.prewarmed && this.entities.size) {
      this.prewarmed = true;
      const first = this.entities.keys().next().value!;
      inIdleSteps(() => this.card.prewarmSteps(first), this.abort.signal);
    }
  }

  private async load(ids: string[]): Promise<void> {
    const bundle = await this.call('getEntities', { ids });
    for (const entity of bundle.entities) this.entities.set(entity.id, entity);
    for (const source of bundle.sources) this.sources.set(source.id, source);
  }
}

/** Runs `work` when the main thread is idle, or after `timeout` ms at the latest. */
function whenIdle(work: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout });
  else setTimeout(work, 16);
}

/**
 * Runs each step in an idle moment of its own (the steps are made in the first one), so none makes a
 * long task; stops when the session does.
 */
function inIdleSteps(makeSteps: () => Array<() => void>, signal: AbortSignal): void {
  let steps: Array<() => void> | null = null;
  const next = () => {
    if (signal.aborted) return;
    steps ??= makeSteps();
    const step = steps.shift();
    if (!step) return;
    step();
    if (steps.length) whenIdle(next, 2_000);
  };
  whenIdle(next, 2_000);
}

function before(a: Mention, b: Mention): boolean {
  const position = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return true;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return false;
  return a.range.startOffset < b.range.startOffset;
}

/** The snapshot without the aliases of kinds the user chose not to mark. */
function onlyKinds(snapshot: MatcherSnapshot, kinds: readonly Entity['kind'][]): MatcherSnapshot {
  if (kinds.length === 4) return snapshot;
  const allowed = new Set(kinds);
  return { ...snapshot, aliases: snapshot.aliases.filter(([, entity]) => allowed.has(snapshot.entities[entity]!.kind)) };
}
