import { mentionAtPoint } from '../../lib/dom/hit-test';
import type { Mention, PageScanner } from '../../lib/dom/page-scanner';

export const DEFAULT_DWELL_MS = 300;
const GRACE_MS = 250;

export interface HoverCallbacks {
  open(mention: Mention): void;
  close(): void;
  isOverCard(target: EventTarget | null): boolean;
}

/**
 * Turns pointer movement into open/close decisions: a mention must be hovered for the dwell time
 * before its card opens; leaving both the mention and the card closes it after a short grace.
 * Pointer events are sampled once per animation frame. Its timers and frame stop when `signal` aborts.
 */
export class HoverController {
  private current: Mention | null = null;
  private openFor: Mention | null = null;
  private dwellTimer = 0;
  private graceTimer = 0;
  private frame = 0;
  private lastEvent: PointerEvent | null = null;
  private overCard = false;

  constructor(
    private readonly scanner: PageScanner,
    private readonly doc: Document,
    private readonly callbacks: HoverCallbacks,
    private readonly signal: AbortSignal,
    private dwellMs = DEFAULT_DWELL_MS,
    /** Mentions the pointer can open (all, unless only the first of each entity is marked). */
    private readonly shown: (mention: Mention) => boolean = () => true,
  ) {
    signal.addEventListener(
      'abort',
      () => {
        this.reset();
        cancelAnimationFrame(this.frame);
        this.frame = 0;
      },
      { once: true },
    );
  }

  setDwell(ms: number): void {
    this.dwellMs = ms;
  }

  onPointerMove = (event: PointerEvent): void => {
    if (event.pointerType === 'touch' || this.signal.aborted) return;
    this.lastEvent = event;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const last = this.lastEvent;
      if (last) this.evaluate(last);
    });
  };

  cardEntered = (): void => {
    this.overCard = true;
    this.cancelGrace();
  };

  cardLeft = (): void => {
    this.overCard = false;
    if (!this.current) this.startGrace();
  };

  /** Forget the open card (closed by Esc, click, scroll or the keyboard path). */
  reset(): void {
    this.openFor = null;
    this.current = null;
    clearTimeout(this.dwellTimer);
    this.cancelGrace();
  }

  private evaluate(event: PointerEvent): void {
    if (this.callbacks.isOverCard(event.target)) return;
    const mention = mentionAtPoint(this.scanner, this.doc, event.clientX, event.clientY, this.shown);
    if (mention === this.current) return;
    this.current = mention;
    clearTimeout(this.dwellTimer);
    if (mention) {
      this.cancelGrace();
      if (mention === this.openFor) return;
      this.dwellTimer = window.setTimeout(() => {
        this.openFor = mention;
        this.callbacks.open(mention);
      }, this.dwellMs);
    } else if (this.openFor && !this.overCard) {
      this.startGrace();
    }
  }

  private startGrace(): void {
    this.cancelGrace();
    if (this.signal.aborted) return;
    this.graceTimer = window.setTimeout(() => {
      if (this.overCard || this.current) return;
      this.openFor = null;
      this.callbacks.close();
    }, GRACE_MS);
  }

  private cancelGrace(): void {
    clearTimeout(this.graceTimer);
    this.graceTimer = 0;
  }
}
