import type { MarkReason } from '../../lib/card/why-marked';
import type { AlsoEntry } from '../../lib/db/pages';
import type { EntityRef } from '../../lib/card/card-model';
import type { Rect } from '../../lib/dom/position';
import type { CardContent, CardModule, CardView } from '../../lib/card/card-view';
import type { Entity, Source } from '../../lib/schema/dataset';
import type { Settings } from '../../lib/settings/settings';
import { measure, PERF_MARKS } from './perf';

export interface CardData {
  entities: Map<string, Entity>;
  sources: Map<string, Source>;
  lookup(id: string): EntityRef | undefined;
  load(ids: string[]): Promise<void>;
}

/**
 * The card's behaviour on a page: which entity it shows, the back stack of related entities,
 * where it sits, and where focus goes when it closes. The card itself (its code is loaded on first
 * need: see card-loader.ts) leaves the page when `signal` aborts.
 */
export class CardController {
  private host: CardView | null = null;
  private hostLoading: Promise<CardView | null> | null = null;
  private readonly history: string[] = [];
  private anchor: Range | null = null;
  private why: MarkReason | undefined;
  private correction: CardContent['correction'];
  private returnFocus: HTMLElement | null = null;
  private focused = false;

  constructor(
    private readonly doc: Document,
    private readonly data: CardData,
    private readonly options: {
      pageDate: string | undefined;
      settings: () => Settings;
      loadCard(): Promise<CardModule>;
      onClosed(): void;
      onPointer(inside: boolean): void;
    },
    private readonly signal: AbortSignal,
  ) {}

  get isOpen(): boolean {
    return this.host?.isOpen ?? false;
  }

  contains(node: Node | null): boolean {
    return this.host?.contains(node) ?? false;
  }

  /** The card on this page, its code loaded first if need be; null when it cannot load (or the session stopped). */
  private view(): Promise<CardView | null> {
    if (this.host) return Promise.resolve(this.host);
    this.hostLoading ??= this.options.loadCard().then(
      (module) => {
        if (this.signal.aborted) return null;
        this.host = module.createCard(
          this.doc,
          {
            onPointerEnter: () => this.options.onPointer(true),
            onPointerLeave: () => this.options.onPointer(false),
            onKeyDown: (event) => this.onKeyDown(event),
          },
          this.signal,
        );
        return this.host;
      },
      (error: unknown) => {
        this.hostLoading = null;
        console.debug('[Backstory] the card could not load:', error);
        return null;
      },
    );
    return this.hostLoading;
  }

  /**
   * Opens the card for an entity next to `anchor`; with `focus`, the card takes keyboard focus. For a
   * card opened from a mark, `mark` says what matched and why it linked, and how to correct it.
   */
  async open(
    entityId: string,
    anchor: Range,
    focus: boolean,
    mark?: { why: MarkReason; correction: NonNullable<CardContent['correction']> },
  ): Promise<void> {
    const started = performance.now();
    const [host] = await Promise.all([this.view(), this.data.entities.has(entityId) ? undefined : this.data.load([entityId])]);
    // The page session may have stopped while the entity or the card's code was loading.
    if (!host || this.signal.aborted || !this.data.entities.has(entityId)) return;
    if (focus && !host.isOpen) this.returnFocus = this.doc.activeElement instanceof HTMLElement ? this.doc.activeElement : null;
    this.anchor = anchor;
    this.focused = focus;
    this.history.length = 0;
    this.history.push(entityId);
    this.why = mark?.why;
    this.correction = mark?.correction;
    this.render(focus);
    // From the decision to open (dwell end) to the frame that shows the card: `backstory:card` in DevTools.
    if (PERF_MARKS) requestAnimationFrame(() => setTimeout(() => measure('backstory:card', started, performance.now()), 0));
  }

  /**
   * Loads the card's code, then gives the steps that warm up the first card, to run in separate idle
   * moments (see CardHost.prewarmSteps): the first card a reader opens then runs compiled code and
   * finds its fonts shaped. Nothing is added to the page. None while a card is open.
   */
  async prewarmSteps(entityId: string): Promise<Array<() => void>> {
    const host = await this.view();
    if (!host || host.isOpen) return [];
    const content = this.content(entityId, []);
    return content ? host.prewarmSteps(content) : [];
  }

  close(): void {
    if (!this.host?.isOpen) return;
    this.host.hide();
    this.anchor = null;
    this.history.length = 0;
    if (this.focused) this.returnFocus?.focus();
    this.returnFocus = null;
    this.focused = false;
    this.options.onClosed();
  }

  /** Keeps the card beside its anchor while the page scrolls; closes it when the anchor leaves the screen. */
  onScroll(): void {
    if (!this.host?.isOpen || !this.anchor) return;
    if (!this.host.reposition(this.anchorRect())) this.close();
  }

  private anchorRect(): Rect {
    return this.anchor!.getBoundingClientRect();
  }

  private render(focus: boolean): void {
    const id = this.history[this.history.length - 1];
    const content = id ? this.content(id, this.history) : undefined;
    if (!content || !this.anchor || !this.host) return;
    this.host.show(content, this.anchorRect(), focus);
  }

  private content(id: string, history: readonly string[]): CardContent | undefined {
    const entity = this.data.entities.get(id);
    if (!entity) return undefined;
    const settings = this.options.settings();
    return {
      entity,
      sources: this.data.sources,
      lookup: this.data.lookup,
      onOpenEntity: (other) => void this.openRelated(other),
      onBack: history.length > 1 ? () => this.back() : undefined,
      asOf: this.options.pageDate,
      laterFacts: settings.laterFacts,
      ...(hasAlso(entity) ? { also: entity.also } : {}),
      ...(fromDataset(entity) ? { dataset: fromDataset(entity) } : {}),
      // Only the card of the mark itself says why, and offers to correct it; cards opened from it do not.
      ...(history.length === 1 && this.why ? { why: this.why } : {}),
      ...(history.length === 1 && this.correction ? { correction: this.correction } : {}),
    };
  }

  private async openRelated(id: string): Promise<void> {
    if (!this.data.entities.has(id)) await this.data.load([id]);
    if (!this.data.entities.has(id)) return;
    this.history.push(id);
    this.render(true);
  }

  private back(): void {
    this.history.pop();
    this.render(true);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!event.isTrusted) return;
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.close();
      return;
    }
    if (event.key === 'Tab') this.host?.cycleFocus(event);
  }
}

/** Entities as pages receive them may name the entities of other datasets that share their name. */
function hasAlso(entity: Entity): entity is Entity & { also: AlsoEntry[] } {
  return Array.isArray((entity as { also?: unknown }).also);
}

/** The title of the dataset an entity comes from, as pages receive it. */
function fromDataset(entity: Entity): string | undefined {
  const from = (entity as { from?: unknown }).from;
  return typeof from === 'string' ? from : undefined;
}
