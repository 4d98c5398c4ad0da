import type { CardContent, CardControl, CardData, CardMark, CardOptions } from '../../lib/card/card-view';
import { whyMarked, type MarkReason } from '../../lib/card/why-marked';
import type { AlsoEntry } from '../../lib/db/pages';
import type { Rect } from '../../lib/dom/position';
import type { Entity } from '../../lib/schema/dataset';
import { measure, PERF_MARKS } from '../news.content/perf';
import { CardHost } from './card-host';

/**
 * The card's behaviour on a page: which entity it shows, the back stack of related entities,
 * where it sits, and where focus goes when it closes. Its card leaves the page when `signal` aborts.
 */
export class CardController implements CardControl {
  private readonly host: CardHost;
  private readonly history: string[] = [];
  private anchor: Range | null = null;
  private why: MarkReason | undefined;
  private correction: CardContent['correction'];
  private returnFocus: HTMLElement | null = null;
  private focused = false;

  constructor(
    private readonly doc: Document,
    private readonly data: CardData,
    private readonly options: CardOptions,
    private readonly signal: AbortSignal,
  ) {
    this.host = new CardHost(
      doc,
      {
        onPointerEnter: () => options.onPointer(true),
        onPointerLeave: () => options.onPointer(false),
        onKeyDown: (event) => this.onKeyDown(event),
      },
      signal,
    );
  }

  get isOpen(): boolean {
    return this.host.isOpen;
  }

  contains(node: Node | null): boolean {
    return this.host.contains(node);
  }

  /**
   * Opens the card for an entity next to `anchor`; with `focus`, the card takes keyboard focus. For a
   * card opened from a mark, `mark` says what matched and why it linked, and how to correct it.
   */
  async open(entityId: string, anchor: Range, focus: boolean, mark?: CardMark, started = performance.now()): Promise<void> {
    if (!this.data.entities.has(entityId)) await this.data.load([entityId]);
    // The page session may have stopped while the entity was loading.
    if (this.signal.aborted || !this.data.entities.has(entityId)) return;
    const host = this.host;
    if (focus && !host.isOpen) this.returnFocus = this.doc.activeElement instanceof HTMLElement ? this.doc.activeElement : null;
    this.anchor = anchor;
    this.focused = focus;
    this.history.length = 0;
    this.history.push(entityId);
    this.why = mark ? whyMarked(mark.facts) : undefined;
    this.correction = mark?.correction;
    // From the decision to open (dwell end) to the frame that shows the card: `backstory:card` in DevTools.
    // Asked for first, so it ends in the first task after that frame, before the rest of the card renders.
    if (PERF_MARKS) requestAnimationFrame(() => setTimeout(() => measure('backstory:card', started, performance.now()), 0));
    this.render(focus);
  }

  /**
   * Steps that warm up the first card, to run in separate idle moments (see CardHost.prewarmSteps):
   * the first card a reader opens then runs compiled code and finds its fonts shaped. Nothing is
   * added to the page. None while a card is open.
   */
  prewarmSteps(entityId: string): Array<() => void> {
    if (this.host.isOpen) return [];
    const content = this.content(entityId, []);
    // With the correction controls a mark's card has, so that their code is compiled too.
    const unused = () => Promise.reject(new Error('not a real card'));
    return content ? this.host.prewarmSteps({ ...content, correction: { text: content.entity.name, site: '', onCorrect: unused } }) : [];
  }

  close(): void {
    if (!this.host.isOpen) return;
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
    if (!this.host.isOpen || !this.anchor) return;
    if (!this.host.reposition(this.anchorRect())) this.close();
  }

  private anchorRect(): Rect {
    return this.anchor!.getBoundingClientRect();
  }

  private render(focus: boolean): void {
    const id = this.history[this.history.length - 1];
    const content = id ? this.content(id, this.history) : undefined;
    if (!content || !this.anchor) return;
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
    if (event.key === 'Tab') this.host.cycleFocus(event);
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
