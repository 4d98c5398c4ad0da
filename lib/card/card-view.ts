import type { CorrectionScope } from '../corrections/rules';
import type { AlsoEntry } from '../db/pages';
import type { Rect } from '../dom/position';
import type { Entity, Source } from '../schema/dataset';
import type { EntityRef } from './card-model';
import type { MarkReason } from './why-marked';

/**
 * The card's code is not part of the script every news page loads: the background injects it into
 * the content script's world when a page first needs a card (see entrypoints/card/). These are the
 * types the two sides share; the card script hands its factory over through a symbol on the
 * content script's global object (`CARD_MODULE`), which the page's own scripts cannot see.
 */
export const CARD_MODULE = 'backstory.card';

export interface CardContent {
  entity: Entity;
  sources: ReadonlyMap<string, Source>;
  lookup(id: string): EntityRef | undefined;
  onOpenEntity(id: string): void;
  onBack?(): void;
  asOf?: string;
  laterFacts?: 'label' | 'hide';
  why?: MarkReason;
  also?: readonly AlsoEntry[];
  dataset?: string;
  /** For the card of a mark: the words it covers, the page's site, and how to correct it ("Wrong link?"). */
  correction?: {
    text: string;
    site: string;
    onCorrect(scope: CorrectionScope): Promise<() => Promise<void>>;
  };
}

export interface CardEvents {
  onPointerEnter(): void;
  onPointerLeave(): void;
  onKeyDown(event: KeyboardEvent): void;
}

/** The card on a page: created on first use, removed when the session's signal aborts. */
export interface CardView {
  readonly isOpen: boolean;
  show(content: CardContent, anchor: Rect, focus: boolean): void;
  prewarmSteps(content: CardContent): Array<() => void>;
  reposition(anchor: Rect): boolean;
  hide(): void;
  cycleFocus(event: KeyboardEvent): void;
  contains(node: Node | null): boolean;
}

export interface CardModule {
  createCard(doc: Document, events: CardEvents, signal: AbortSignal): CardView;
}
