// zod/mini keeps the content script small; the schemas read the same.
import * as z from 'zod/mini';
import { ENTITY_KINDS } from '../schema/kinds';

function makeSchemas() {
  const id = z.string().check(z.minLength(1), z.maxLength(120));
  const castEntry = z.strictObject({
    id,
    name: z.string().check(z.maxLength(300)),
    kind: z.enum(ENTITY_KINDS),
    count: z.int().check(z.minimum(1)),
  });
  return {
    messages: {
      /** The entities found on the page, in order of first appearance, with mention counts. */
      getCast: {
        payload: z.strictObject({}),
        result: z.strictObject({ active: z.boolean(), entries: z.array(castEntry).check(z.maxLength(100_000)) }),
      },
      /** Scrolls to the next mention of an entity and flashes it. */
      jumpToMention: { payload: z.strictObject({ entityId: id }), result: z.boolean() },
      /** Opens the card for the selected text or the mention at the caret (keyboard command, context menu). */
      lookUpSelection: { payload: z.strictObject({ text: z.optional(z.string().check(z.maxLength(500))) }), result: z.boolean() },
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
 * Messages from the extension (background, popup) to the content script of a tab, each declared once
 * with its payload and its reply. The content script accepts them only from its own extension and
 * validates every payload; the sender validates every reply, since a content script lives in a web
 * page's process. The schemas are built on the first message: a page the reader never asks about
 * does not pay for them.
 */
function contentSchemas(): ReturnType<typeof makeSchemas> {
  return (schemas ??= makeSchemas());
}

type ContentMessages = ReturnType<typeof makeSchemas>['messages'];
export type ContentMessageName = keyof ContentMessages;
export type ContentPayload<N extends ContentMessageName> = z.input<ContentMessages[N]['payload']>;
export type ContentResult<N extends ContentMessageName> = z.output<ContentMessages[N]['result']>;
export type ContentRequest = {
  [N in ContentMessageName]: { name: N; payload: z.output<ContentMessages[N]['payload']> };
}[ContentMessageName];
export type CastEntry = ContentResult<'getCast'>['entries'][number];

/** A valid message for the content script, or null for anything else (wrong shape, unknown name, bad payload). */
export function parseContentMessage(message: unknown): ContentRequest | null {
  const { envelope, messages } = contentSchemas();
  const parsed = envelope.safeParse(message);
  if (!parsed.success || !Object.hasOwn(messages, parsed.data.name)) return null;
  const name = parsed.data.name as ContentMessageName;
  const payload = messages[name].payload.safeParse(parsed.data.payload);
  return payload.success ? ({ name, payload: payload.data } as ContentRequest) : null;
}

/** The content script's reply if it has the declared shape, else null (treated like no answer). */
export function parseContentReply<N extends ContentMessageName>(name: N, reply: unknown): ContentResult<N> | null {
  const parsed = contentSchemas().messages[name].result.safeParse(reply);
  return parsed.success ? (parsed.data as ContentResult<N>) : null;
}

export function contentMessage<N extends ContentMessageName>(name: N, payload: ContentPayload<N>) {
  return { backstoryContent: 1 as const, name, payload };
}
