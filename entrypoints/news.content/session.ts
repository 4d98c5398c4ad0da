import { isBlockSeparator, isInSkippedSubtree, PARAGRAPH_SELECTOR, SKIP_ATTRIBUTE_NAMES } from '../../lib/dom/extract';
import { liveRange, mentionAtSelection } from '../../lib/dom/hit-test';
import { PageScanner, type Mention, type MentionRange } from '../../lib/dom/page-scanner';
import type { Client } from '../../lib/messaging/client';
import type { ContentScriptCalls } from '../../lib/messaging/protocol';
import type { CastEntry } from '../../lib/messaging/content-protocol';
import type { Entity, Source } from '../../lib/schema/dataset';
import type { Settings } from '../../lib/settings/settings';
import type { EntityRef } from '../../lib/card/card-model';
import type { CardMark } from '../../lib/card/card-view';
import type { MarkFacts } from '../../lib/card/why-marked';
import type { CorrectionScope } from '../../lib/corrections/rules';
import { siteOf } from '../../lib/corrections/where';
import { loadCardModule } from './card-loader';
import { LazyCard } from './lazy-card';
import { createHighlightRegistry } from './highlight-registry';
import { HighlightWindow } from './highlight-window';
import { HoverController } from './hover';
import { before, FirstMentions } from './first-mentions';
import { mark, measure } from './perf';
import { RemoteMatches } from './remote-matches';

/** Where a change is rescanned from: its paragraph, or the post around it. */
const RESCAN_ROOT = `${PARAGRAPH_SELECTOR}, article, section`;

/**
 * One running instance of Backstory on a page: scanner, mutation observer, hover and card.
 * Created when Backstory is active on the page, stopped (leaving the page exactly as it was)
 * when it is switched off or the extension goes away. Every part takes the session's one
 * AbortSignal and ties its listeners, observers, timers and highlights to it: stopping is aborting.
 */
export class PageSession {
  private readonly scanner: PageScanner;
  private readonly highlights: ReturnType<typeof createHighlightRegistry>;
  private readonly nearViewport: HighlightWindow;
  private readonly card: LazyCard;
  private readonly hover: HoverController;
  private readonly observer: MutationObserver;
  private readonly entities = new Map<string, Entity>();
  private readonly sources = new Map<string, Source>();
  private readonly source: RemoteMatches;
  /** Set when the reader marks only the first mention of each entity (settings.marks). */
  private readonly firstOnly: FirstMentions | null;
  /** With `firstOnly`: how each mention is drawn (its kind, and whether it sits inside a longer name). */
  private readonly painted = new Map<Mention, { kind: Entity['kind']; nested: boolean }>();
  /** Name and kind of entities the page's cards refer to, as the background reported them. */
  private readonly refs = new Map<string, EntityRef>();
  private readonly abort = new AbortController();
  /** Per entity, the mention the popup last jumped to (the next jump goes to the one after). */
  private readonly jumpIndex = new Map<string, number>();
  private castTimer = 0;
  /** Whether the card's code has been loaded and rendered once off the page (see CardController.prewarmSteps). */
  private prewarmed = false;
  private reported = -1;
  private settings: Settings;

  constructor(
    private readonly doc: Document,
    private readonly call: Client<ContentScriptCalls>,
    settings: Settings,
    private readonly pageDate: string | undefined,
  ) {
    const { signal } = this.abort;
    this.settings = settings;
    this.source = new RemoteMatches((texts, kinds) => call('matchBlocks', { texts, kinds }), settings.kinds);
    this.firstOnly =
      settings.marks === 'first'
        ? new FirstMentions({
            show: (mention) => {
              const how = this.painted.get(mention);
              if (how) this.nearViewport.add(how.kind, mention.range, how.nested);
            },
            hide: (mention) => {
              const how = this.painted.get(mention);
              if (how) this.nearViewport.remove(how.kind, mention.range);
            },
          })
        : null;
    this.highlights = createHighlightRegistry(CSS.highlights, settings.highlightStyle, signal);
    this.nearViewport = new HighlightWindow(this.highlights, signal);
    this.scanner = new PageScanner(this.source, this.scannerHost(), signal, { pageDate });
    this.card = new LazyCard(
      doc,
      {
        entities: this.entities,
        sources: this.sources,
        lookup: (id) => this.refs.get(id) ?? this.source.byId(id),
        load: (ids) => this.load(ids),
      },
      {
        pageDate,
        settings: () => this.settings,
        onClosed: () => this.hover.reset(),
        onPointer: (inside) => (inside ? this.hover.cardEntered() : this.hover.cardLeft()),
      },
      () => loadCardModule(call),
      signal,
    );
    this.hover = new HoverController(
      this.scanner,
      doc,
      {
        open: (mention) => void this.card.open(this.scanner.entityOf(mention).id, liveRange(doc, mention), false, this.markOf(mention)),
        close: () => this.card.close(),
        isOverCard: (target) => this.card.contains(target as Node | null),
      },
      signal,
      settings.dwellMs,
      (mention) => this.isShown(mention),
    );
    this.observer = new MutationObserver((records) => this.onMutations(records));
    signal.addEventListener('abort', () => this.observer.disconnect(), { once: true });
    signal.addEventListener('abort', () => clearTimeout(this.castTimer), { once: true });
  }

  start(): void {
    const { signal } = this.abort;
    const body = this.doc.body;
    // The attributes that make a subtree skipped or not (see isSkipped): a page revealing a hidden
    // section, or hiding one, is scanned again.
    this.observer.observe(body, { childList: true, subtree: true, characterData: true, attributeFilter: SKIP_ATTRIBUTE_NAMES });
    this.scanner.enqueue(body);
    // Only the reader's own input counts: events the page makes up (isTrusted false) never open or close a card.
    this.doc.addEventListener('pointermove', trusted(this.hover.onPointerMove), { passive: true, capture: true, signal });
    this.doc.addEventListener(
      'keydown',
      trusted((event: KeyboardEvent) => event.key === 'Escape' && this.card.close()),
      { signal },
    );
    this.doc.addEventListener(
      'pointerdown',
      trusted((event: PointerEvent) => !this.card.contains(event.target as Node) && this.card.close()),
      { signal, capture: true },
    );
    this.doc.defaultView?.addEventListener(
      'scroll',
      trusted(() => this.card.onScroll()),
      { passive: true, signal },
    );
  }

  /** Removes every trace of Backstory from the page. */
  stop(): void {
    this.abort.abort();
    // The badge counts the page's cast: there is none now.
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
        const entity = this.scanner.entities[index]!;
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
    const mention = mentionAtSelection(this.scanner, selection, (candidate) => this.isShown(candidate));
    if (mention) {
      await this.card.open(this.scanner.entityOf(mention).id, liveRange(this.doc, mention), true, this.markOf(mention));
      return true;
    }
    // Not a marked mention (for example a bare surname without context): look the words up directly.
    const words = (text ?? selection?.toString() ?? '').trim();
    if (!words || !selection || selection.rangeCount === 0) return false;
    const range = selection.getRangeAt(0).cloneRange();
    const [matches] = await this.source.match([words]);
    const index = matches?.[0]?.entities[0];
    if (index === undefined) return false;
    await this.card.open(this.scanner.entities[index]!.id, range, true);
    return true;
  }

  /** Whether a mention is marked on the page (with "first mention only", the others are not). */
  private isShown(mention: Mention): boolean {
    return this.firstOnly ? this.firstOnly.isShown(mention) : true;
  }

  /** What the card of a mark says about it (why it is there) and offers (to correct it). */
  private markOf(mention: Mention): CardMark {
    const text = liveRange(this.doc, mention).toString();
    const entity = this.scanner.entityOf(mention);
    return {
      facts: this.markFacts(mention, text),
      correction: {
        text,
        site: siteOf(new URL(this.doc.URL)),
        onCorrect: (scope: CorrectionScope) => this.correct(entity.id, mention.entity, text, scope),
      },
    };
  }

  /**
   * The reader's correction from the card: saved by the background, which leaves the corrected
   * candidates out of its answers from now on; the blocks that name the entity are read again, so
   * the marks go at once. Resolves to the correction's undo, which reads them again too.
   */
  private async correct(entityId: string, entity: number, text: string, scope: CorrectionScope): Promise<() => Promise<void>> {
    const { id } = await this.call('correctMark', { entityId, scope, ...(scope === 'entity' ? {} : { text: text.slice(0, 300) }) });
    const blocks = new Set<Element>();
    for (const mention of this.scanner.mentions) {
      const parent = mention.entity === entity ? mention.range.startContainer.parentElement : null;
      if (parent) blocks.add(parent.closest(RESCAN_ROOT) ?? parent);
    }
    const readAgain = () => {
      for (const block of blocks) if (block.isConnected) this.scanner.enqueue(block);
    };
    readAgain();
    return async () => {
      await this.call('undoCorrection', { id });
      readAgain();
    };
  }

  /** What the card says about a mark comes from these: the text that matched and how the page established it. */
  private markFacts(mention: Mention, text: string): MarkFacts {
    const entity = this.scanner.entityOf(mention);
    const outer = mention.outer === undefined ? undefined : this.scanner.entities[mention.outer];
    return {
      text,
      name: entity.name,
      needsContext: mention.needsContext === true,
      namedInFull: this.scanner.context.established.has(mention.entity),
      ...(outer ? { partOf: { id: outer.id, name: outer.name, kind: outer.kind } } : {}),
    };
  }

  private scannerHost() {
    return {
      schedule: (work: () => void, soon?: boolean) => (soon ? inTaskOfItsOwn : whenIdle)(work, 500, this.abort.signal),
      now: () => performance.now(),
      // `idle` tells tests and the bench that nothing is left to read or to hear back about.
      measure: (start: number, end: number) => measure('backstory:scan', start, end, { idle: this.scanner.idle }),
      addHighlight: (kind: Entity['kind'], range: MentionRange, nested: boolean, mention: Mention) => {
        if (!this.firstOnly) return this.nearViewport.add(kind, range, nested);
        this.painted.set(mention, { kind, nested });
        this.firstOnly.add(mention);
      },
      removeHighlight: (kind: Entity['kind'], range: MentionRange, mention: Mention) => {
        if (!this.firstOnly) return this.nearViewport.remove(kind, range);
        this.firstOnly.remove(mention);
        this.painted.delete(mention);
      },
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
    else this.scanner.enqueue(element.closest(RESCAN_ROOT) ?? element);
  }

  private queueBlockOf(node: Node): void {
    const parent = node.parentElement;
    if (!parent || isInSkippedSubtree(parent)) return;
    const element = node.nodeType === 1 ? (node as Element) : parent;
    this.scanner.enqueue(element.closest(RESCAN_ROOT) ?? element);
  }

  /**
   * The cast is reported for the badge and fetched in one batch, so hovering needs no round trip.
   * Throttled rather than debounced: a page that never stops changing still gets its cast.
   */
  private castChanged(): void {
    if (this.castTimer || this.abort.signal.aborted) return;
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
    mark('backstory:cast', { mentions: this.scanner.mentions.size, entities: ids.size, counts });
    if (ids.size !== this.reported) {
      this.reported = ids.size;
      await this.call('reportCast', { count: ids.size }).catch(() => undefined);
    }
    const missing = [...ids].filter((id) => !this.entities.has(id));
    if (missing.length) await this.load(missing);
    if (!this.prewarmed && this.entities.size) {
      this.prewarmed = true;
      const first = this.entities.keys().next().value!;
      // In idle time: the card's code is loaded (see card-loader.ts), then warmed up step by step.
      const { signal } = this.abort;
      whenIdle(() => void this.card.prewarmSteps(first).then((steps) => inIdleSteps(steps, signal)), 2_000, signal);
    }
  }

  private async load(ids: string[]): Promise<void> {
    const bundle = await this.call('getEntities', { ids });
    for (const entity of bundle.entities) this.entities.set(entity.id, entity);
    for (const source of bundle.sources) this.sources.set(source.id, source);
    for (const ref of bundle.refs) this.refs.set(ref.id, ref);
  }
}

/** Runs `work` when the main thread is idle, or after `timeout` ms at the latest; never once `signal` aborts. */
function whenIdle(work: () => void, timeout: number, signal: AbortSignal): void {
  if (signal.aborted) return;
  const run = () => {
    signal.removeEventListener('abort', cancel);
    work();
  };
  let cancel: () => void;
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout });
    cancel = () => cancelIdleCallback(id);
  } else {
    const id = setTimeout(run, 16);
    cancel = () => clearTimeout(id);
  }
  signal.addEventListener('abort', cancel, { once: true });
}

/** Runs `work` in a task of its own, as soon as the page's thread is free (not waiting for an idle moment). */
function inTaskOfItsOwn(work: () => void, _timeout: number, signal: AbortSignal): void {
  if (signal.aborted) return;
  const id = setTimeout(() => {
    signal.removeEventListener('abort', cancel);
    work();
  }, 0);
  const cancel = () => clearTimeout(id);
  signal.addEventListener('abort', cancel, { once: true });
}

/** Runs each step in an idle moment of its own, so none makes a long task; stops when the session does. */
function inIdleSteps(steps: Array<() => void>, signal: AbortSignal): void {
  const next = () => {
    const step = steps.shift();
    if (!step) return;
    step();
    if (steps.length) whenIdle(next, 2_000, signal);
  };
  whenIdle(next, 2_000, signal);
}

/** A listener that ignores events the page dispatched itself. */
function trusted<E extends Event>(listener: (event: E) => unknown): (event: E) => void {
  return (event) => {
    if (event.isTrusted) listener(event);
  };
}
