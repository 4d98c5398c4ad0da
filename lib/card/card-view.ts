import type { CorrectionScope } from '../corrections/rules';
import type { AlsoEntry } from '../db/pages';
import type { ContentRequest } from '../messaging/content-protocol';
import type { Entity, Source } from '../schema/dataset';
import type { Settings } from '../settings/settings';
import type { EntityRef } from './card-model';
import type { MarkFacts, MarkReason } from './why-marked';

/**
 * The card's code is not part of the script every news page loads: the background injects it into
 * the content script's world when a page first needs a card, or a message from Backstory's pages
 * comes, whose checks (Zod schemas) it also carries (see entrypoints/card/). These are the types
 * the two sides share; the card script hands its module over through a symbol on the content
 * script's global object (`CARD_MODULE`), which the page's own scripts cannot see.
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

/** What the card's host tells its controller. */
export interface CardEvents {
  onPointerEnter(): void;
  onPointerLeave(): void;
  onKeyDown(event: KeyboardEvent): void;
}

/** What the page session knows that a card shows: its entities (loaded in batches), their sources and names. */
export interface CardData {
  entities: Map<string, Entity>;
  sources: Map<string, Source>;
  lookup(id: string): EntityRef | undefined;
  load(ids: string[]): Promise<void>;
}

export interface CardOptions {
  pageDate: string | undefined;
  settings(): Settings;
  onClosed(): void;
  onPointer(inside: boolean): void;
}

/** For the card of a mark: the facts of why it is there, and how to correct it. */
export interface CardMark {
  facts: MarkFacts;
  correction: NonNullable<CardContent['correction']>;
}

/** The card's behaviour on a page (entrypoints/card/card-controller.ts). */
export interface CardControl {
  readonly isOpen: boolean;
  contains(node: Node | null): boolean;
  /** `started`: when the decision to open was taken (for the `backstory:card` measure). */
  open(entityId: string, anchor: Range, focus: boolean, mark?: CardMark, started?: number): Promise<void>;
  prewarmSteps(entityId: string): Array<() => void>;
  close(): void;
  onScroll(): void;
}

export interface CardModule {
  createController(doc: Document, data: CardData, options: CardOptions, signal: AbortSignal): CardControl;
  /** Checks a message to the content script (see lib/messaging/content-protocol.ts). */
  parseContentMessage(message: unknown): ContentRequest | null;
}
