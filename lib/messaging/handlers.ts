import { Envelope, protocol, type MessageName, type Response, type Result } from './protocol';

/** Who sent a message, as the browser reports it (a subset of `runtime.MessageSender`). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export type Handlers = {
  [N in MessageName]: (payload: import('zod').output<(typeof protocol)[N]['payload']>, sender: Sender) => Promise<Result<N>> | Result<N>;
};

export interface Identity {
  /** The extension's own id (`browser.runtime.id`). */
  extensionId: string;
  /** The extension's base URL (`browser.runtime.getURL('/')`). */
  extensionOrigin: string;
}

/** True only for the extension's own pages (popup, options): never for content scripts or web pages. */
export function isExtensionPage(sender: Sender, identity: Identity): boolean {
  if (sender.id !== identity.extensionId) return false;
  if (typeof sender.url !== 'string') return false;
  return sender.url.startsWith(identity.extensionOrigin);
}

/**
 * Validates and dispatches one incoming message. Returns undefined for messages that are not
 * Backstory's, so other listeners may answer them.
 */
export async function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: Sender,
  identity: Identity,
): Promise<Response<unknown> | undefined> {
  const envelope = Envelope.safeParse(message);
  if (!envelope.success) return undefined;
  const { name, payload } = envelope.data;
  if (!Object.hasOwn(protocol, name)) return { ok: false, error: `Unknown message "${name.slice(0, 64)}"` };
  const spec = protocol[name as MessageName];
  if (spec.write && !isExtensionPage(sender, identity)) {
    return { ok: false, error: `"${name}" is only accepted from Backstory's own pages` };
  }
  const parsed = spec.payload.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: `Invalid payload for "${name}": ${first ? `${first.path.join('.') || 'payload'}: ${first.message}` : 'invalid'}`,
    };
  }
  try {
    const handler = handlers[name as MessageName] as (payload: unknown, sender: Sender) => unknown;
    return { ok: true, result: await handler(parsed.data, sender) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
