import { render } from 'preact';
import { CARD_FONTS } from '../../components/card-fonts';
import cardCss from '../../components/card.css?inline';
import { EntityCard } from '../../components/EntityCard';
import { MarkCorrection } from '../../components/MarkCorrection';
import type { CardContent, CardEvents } from '../../lib/card/card-view';
import { CARD_MAX_HEIGHT, placeCard, type Placement, type Rect } from '../../lib/dom/position';
import { PERF_MARKS } from '../news.content/perf';

const HOST_CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; z-index: 2147483647 !important; display: block !important; }
.bs-pop {
  position: fixed; width: min(360px, calc(100vw - 16px)); max-height: min(${CARD_MAX_HEIGHT}px, calc(100vh - 16px)); overflow: auto;
  padding: 12px 14px; border-radius: 10px; background: var(--bs-bg, #fff); border: 1px solid rgba(0,0,0,.12);
  box-shadow: 0 8px 28px rgba(0,0,0,.22); animation: bs-in 120ms ease-out;
}
.bs-pop:focus { outline: none; }
.bs-pop:focus-visible { outline: 2px solid #2550a8; }
@media (prefers-color-scheme: dark) { .bs-pop { background: #1e2228; border-color: #3a414b; } }
@media (prefers-reduced-motion: reduce) { .bs-pop { animation: none; } }
@keyframes bs-in { from { opacity: 0; transform: translateY(-2px); } to { opacity: 1; transform: none; } }
`;

/**
 * The one element Backstory adds to a page: a host with a shadow root holding the card.
 * Created on first use, so pages where nobody hovers see no change at all; removed when `signal`
 * aborts, and never created again after that.
 */
export class CardHost {
  private host: HTMLElement | null = null;
  private mount: HTMLDivElement | null = null;
  private anchor: Rect | null = null;
  /** Cancels the rest-of-the-card render still waiting, if any: another card (or none) is shown now. */
  private cancelRest: (() => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly events: CardEvents,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.remove(), { once: true });
  }

  get isOpen(): boolean {
    return this.anchor !== null;
  }

  /**
   * Shows a card next to `anchor`, in two steps. The first part (head, summary, first list) is
   * rendered and placed at once, so the frame after the dwell shows what the reader sees first with
   * half the layout; the rest of the card is rendered in the task after that frame. The card is
   * placed for its full height from the start (its side of the anchor does not change as it grows).
   */
  show(content: CardContent, anchor: Rect, focus: boolean): void {
    if (this.signal.aborted) return;
    const mount = this.ensureMount();
    this.anchor = anchor;
    this.cancelRest?.();
    render(this.card(content, true), mount);
    const side = this.position(true)?.side;
    const pop = mount.firstElementChild as HTMLElement | null;
    if (focus) pop?.focus();
    this.cancelRest = afterNextFrame(() => {
      this.cancelRest = null;
      render(this.card(content, false), mount);
      this.position(false, side);
    });
  }

  /**
   * Warm-up for the first real card, as separate short steps for separate idle moments: render the
   * card into a detached element and discard it (compiles the card's code), then match and shape
   * each of the card's faces on an OffscreenCanvas, so the first card's layout finds them ready.
   */
  prewarmSteps(content: CardContent): Array<() => void> {
    const steps = [
      () => {
        const scratch = this.doc.createElement('div');
        render(this.card(content, false), scratch);
        render(null, scratch);
      },
    ];
    if (typeof OffscreenCanvas !== 'function') return steps;
    let context: OffscreenCanvasRenderingContext2D | null | undefined;
    for (const font of CARD_FONTS) {
      steps.push(() => {
        context ??= new OffscreenCanvas(1, 1).getContext('2d');
        if (!context) return;
        context.font = font;
        context.measureText(content.entity.name);
      });
    }
    return steps;
  }

  private card(content: CardContent, firstPart: boolean) {
    return (
      <div
        class="bs-pop bs-card"
        role="dialog"
        aria-modal="false"
        aria-labelledby="bs-card-name"
        tabIndex={-1}
        onPointerEnter={this.events.onPointerEnter}
        onPointerLeave={this.events.onPointerLeave}
        onKeyDown={this.events.onKeyDown}
      >
        <EntityCard {...content} headingId="bs-card-name" firstPart={firstPart} />
        {!firstPart && content.correction && (
          <MarkCorrection
            key={`${content.entity.id}\u0000${content.correction.text}`}
            entityName={content.entity.name}
            text={content.correction.text}
            site={content.correction.site}
            onCorrect={content.correction.onCorrect}
          />
        )}
      </div>
    );
  }

  /** Keeps the card beside its anchor; returns false when the anchor has left the viewport. */
  reposition(anchor: Rect): boolean {
    if (!this.anchor) return true;
    this.anchor = anchor;
    const view = this.doc.defaultView!;
    if (anchor.bottom < 0 || anchor.top > view.innerHeight) return false;
    this.position();
    return true;
  }

  hide(): void {
    if (!this.mount || !this.anchor) return;
    this.anchor = null;
    this.cancelRest?.();
    this.cancelRest = null;
    render(null, this.mount);
  }

  /** Keeps Tab and Shift+Tab inside the card while it has focus. */
  cycleFocus(event: KeyboardEvent): void {
    const pop = this.mount?.firstElementChild as HTMLElement | null;
    if (!pop) return;
    const focusable = Array.from(pop.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), [tabindex="0"]'));
    if (!focusable.length) {
      event.preventDefault();
      return;
    }
    const active = this.mount!.getRootNode() instanceof ShadowRoot ? (this.mount!.getRootNode() as ShadowRoot).activeElement : null;
    const index = active ? focusable.indexOf(active as HTMLElement) : -1;
    const next = event.shiftKey ? (index <= 0 ? focusable.length - 1 : index - 1) : index === focusable.length - 1 ? 0 : index + 1;
    event.preventDefault();
    focusable[next]!.focus();
  }

  contains(node: Node | null): boolean {
    return !!node && !!this.host && (node === this.host || this.host.contains(node));
  }

  private remove(): void {
    this.cancelRest?.();
    this.cancelRest = null;
    if (this.mount) render(null, this.mount);
    this.host?.remove();
    this.host = null;
    this.mount = null;
    this.anchor = null;
  }

  private ensureMount(): HTMLDivElement {
    if (this.mount && this.host?.isConnected) return this.mount;
    const host = this.doc.createElement('backstory-card');
    host.setAttribute('data-backstory-ui', '');
    // Closed: the page's scripts cannot read the card (local edits included). Test builds leave it open to read it.
    const shadow = host.attachShadow({ mode: PERF_MARKS ? 'open' : 'closed' });
    const style = this.doc.createElement('style');
    style.textContent = HOST_CSS + cardCss;
    const mount = this.doc.createElement('div');
    shadow.append(style, mount);
    this.doc.documentElement.append(host);
    this.host = host;
    this.mount = mount;
    return mount;
  }

  /**
   * Places the card beside its anchor. `growing`: only the card's first part is in, so its side is
   * chosen as for a card as tall as cards may be (most are: a card with sources rarely fits in its
   * 480 px); `side` keeps the side chosen then, so the card grows in place instead of jumping.
   */
  private position(growing = false, side?: Placement['side']): Placement | undefined {
    const pop = this.mount?.firstElementChild as HTMLElement | null;
    if (!pop || !this.anchor) return undefined;
    const view = this.doc.defaultView!;
    const viewport = { width: view.innerWidth, height: view.innerHeight };
    const { width, height } = pop.getBoundingClientRect();
    const tallest = Math.min(CARD_MAX_HEIGHT, viewport.height - 16);
    const sideFor = growing ? placeCard(this.anchor, { width, height: Math.max(height, tallest) }, viewport).side : side;
    const place = placeCard(this.anchor, { width, height }, viewport, sideFor);
    pop.style.left = `${place.left}px`;
    pop.style.top = `${place.top}px`;
    pop.dataset.side = place.side;
    return place;
  }
}

/**
 * Runs `work` in the task after the next frame, or after 100 ms if no frame comes first (a tab in
 * the background paints none). Returns what cancels it.
 */
function afterNextFrame(work: () => void): () => void {
  let task: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    cancelAnimationFrame(frame);
    clearTimeout(task);
    clearTimeout(fallback);
  };
  const once = () => {
    cancel();
    work();
  };
  const fallback = setTimeout(once, 100);
  const frame = requestAnimationFrame(() => {
    task = setTimeout(once, 0);
  });
  return cancel;
}
