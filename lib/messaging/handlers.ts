import { Envelope, lookUpCall, type MessageName, type ParsedPayloadOf, type Protocol, type Response, type ResultOf } from './protocol';

/** Who sent a message, as the browser reports it (a subset of `runtime.MessageSender`). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** One handler per message, typed by the protocol. */
export type Handlers = {
  [N in MessageName]: (payload: ParsedPayloadOf<Protocol[N]>, sender: Sender) => Promise<ResultOf<Protocol[N]>> | ResultOf<Protocol[N]>;
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

export interface DispatcherOptions {
  handlers: Handlers;
  identity: Identity;
  /** Resolves once the background is set up (the database seeded); every handler waits for it. */
  ready(): Promise<void>;
}

export type Dispatch = (message: unknown, sender: Sender) => Promise<Response<unknown> | undefined>;

/**
 * Validates and dispatches incoming messages: the sender's right to send it, then its payload, then
 * readiness, then the handler. Returns undefined for messages that are not Backstory's, so other
 * listeners may answer them.
 */
export function createDispatcher({ handlers, identity, ready }: DispatcherOptions): Dispatch {
  return async (message, sender) => {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return undefined;
    const { name, payload } = envelope.data;
    const spec = lookUpCall(name);
    if (!spec) return { ok: false, error: `Unknown message "${name.slice(0, 64)}"` };
    if (spec.sender === 'extension-page' && !isExtensionPage(sender, identity)) {
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
      await ready();
      const handler = handlers[name as MessageName] as (payload: unknown, sender: Sender) => unknown;
      return { ok: true, result: await handler(parsed.data, sender) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}

/**
 * Runs `setup` once, on first need. If it fails, the next caller tries again instead of every
 * message failing until the worker restarts (a database that was briefly unavailable, say).
 */
export function retryingSetup(setup: () => Promise<void>): () => Promise<void> {
  let attempt: Promise<void> | undefined;
  return () =>
    (attempt ??= setup().catch((error: unknown) => {
      attempt = undefined;
      throw error;
    }));
}
