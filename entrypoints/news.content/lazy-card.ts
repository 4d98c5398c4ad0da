import type { CardControl, CardData, CardMark, CardModule, CardOptions } from '../../lib/card/card-view';

/**
 * The page session's card: its code (the controller, the card, Preact) arrives on first need, from
 * `load` (see card-loader.ts). Until then nothing is open, nothing is inside it, and closing it is
 * nothing; opening it waits for the code.
 */
export class LazyCard {
  private control: CardControl | null = null;
  private loading: Promise<CardControl | null> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly data: CardData,
    private readonly options: CardOptions,
    private readonly load: () => Promise<CardModule>,
    private readonly signal: AbortSignal,
  ) {}

  get isOpen(): boolean {
    return this.control?.isOpen ?? false;
  }

  contains(node: Node | null): boolean {
    return this.control?.contains(node) ?? false;
  }

  async open(entityId: string, anchor: Range, focus: boolean, mark?: CardMark): Promise<void> {
    const started = performance.now();
    await (await this.ready())?.open(entityId, anchor, focus, mark, started);
  }

  /** Loads the card's code, then gives the steps that warm up the first card (see CardController.prewarmSteps). */
  async prewarmSteps(entityId: string): Promise<Array<() => void>> {
    return (await this.ready())?.prewarmSteps(entityId) ?? [];
  }

  close(): void {
    this.control?.close();
  }

  onScroll(): void {
    this.control?.onScroll();
  }

  /** The card's controller, its code loaded first if need be; null when it cannot load or the session stopped. */
  private ready(): Promise<CardControl | null> {
    if (this.control) return Promise.resolve(this.control);
    this.loading ??= this.load().then(
      (module) => {
        if (this.signal.aborted) return null;
        this.control = module.createController(this.doc, this.data, this.options, this.signal);
        return this.control;
      },
      (error: unknown) => {
        this.loading = null;
        console.debug('[Backstory] the card could not load:', error);
        return null;
      },
    );
    return this.loading;
  }
}
