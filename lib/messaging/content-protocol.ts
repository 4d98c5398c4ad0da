// zod/mini keeps the content script small; the schemas read the same.
import * as z from 'zod/mini';
import type { EntityKind } from '../schema/dataset';

/**
 * Messages from the extension (background, popup) to the content script of a tab. The content
 * script accepts them only from its own extension and validates every payload.
 */
export const contentMessages = {
  /** The entities found on the page, in order of first appearance, with mention counts. */
  getCast: z.strictObject({}),
  /** Scrolls to the next mention of an entity and flashes it. */
  jumpToMention: z.strictObject({ entityId: z.string().check(z.minLength(1), z.maxLength(120)) }),
  /** Opens the card for the selected text or the mention at the caret (keyboard command, context menu). */
  lookUpSelection: z.strictObject({ text: z.optional(z.string().check(z.maxLength(500))) }),
} as const;

export type ContentMessageName = keyof typeof contentMessages;

export interface CastEntry {
  id: string;
  name: string;
  kind: EntityKind;
  count: number;
}

export interface ContentResults {
  getCast: { active: boolean; entries: CastEntry[]; url: string };
  jumpToMention: boolean;
  lookUpSelection: boolean;
}

export const ContentEnvelope = z.strictObject({
  backstoryContent: z.literal(1),
  name: z.string().check(z.maxLength(64)),
  payload: z.unknown(),
});

export function contentMessage<N extends ContentMessageName>(name: N, payload: z.input<(typeof contentMessages)[N]>) {
  return { backstoryContent: 1 as const, name, payload };
}
