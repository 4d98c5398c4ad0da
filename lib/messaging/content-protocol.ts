// zod/mini keeps the content script small; the schemas read the same.
import * as z from 'zod/mini';
import type { EntityKind } from '../schema/dataset';

function makeSchemas() {
  return {
    messages: {
      /** The entities found on the page, in order of first appearance, with mention counts. */
      getCast: z.strictObject({}),
      /** Scrolls to the next mention of an entity and flashes it. */
      jumpToMention: z.strictObject({ entityId: z.string().check(z.minLength(1), z.maxLength(120)) }),
      /** Opens the card for the selected text or the mention at the caret (keyboard command, context menu). */
      lookUpSelection: z.strictObject({ text: z.optional(z.string().check(z.maxLength(500))) }),
    },
    envelope: z.strictObject({
      backstoryContent: z.literal(1),
      name: z.string().check(z.maxLength(64)),
      payload: z.unknown(),
    }),
  };
}

let schemas: ReturnType<typeof makeSchemas> | undefined;

/**
 * Messages from the extension (background, popup) to the content script of a tab. The content
 * script accepts them only from its own extension and validates every payload. The schemas are
 * built on the first message: a page the reader never asks about does not pay for them.
 */
export function contentSchemas(): ReturnType<typeof makeSchemas> {
  return (schemas ??= makeSchemas());
}

export type ContentMessages = ReturnType<typeof makeSchemas>['messages'];
export type ContentMessageName = keyof ContentMessages;
export type ContentPayloads = { [N in ContentMessageName]: z.output<ContentMessages[N]> };
export type ContentRequest = { [N in ContentMessageName]: { name: N; payload: ContentPayloads[N] } }[ContentMessageName];

/** A valid message for the content script, or null for anything else (wrong shape, unknown name, bad payload). */
export function parseContentMessage(message: unknown): ContentRequest | null {
  const { envelope, messages } = contentSchemas();
  const parsed = envelope.safeParse(message);
  if (!parsed.success || !Object.hasOwn(messages, parsed.data.name)) return null;
  const name = parsed.data.name as ContentMessageName;
  const payload = messages[name].safeParse(parsed.data.payload);
  return payload.success ? ({ name, payload: payload.data } as ContentRequest) : null;
}

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

export function contentMessage<N extends ContentMessageName>(name: N, payload: z.input<ContentMessages[N]>) {
  return { backstoryContent: 1 as const, name, payload };
}
