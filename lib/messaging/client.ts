import type { Envelope, MessageName, PayloadOf, Protocol, Response, ResultOf } from './protocol';

/** The one function that sends a message; `browser.runtime.sendMessage` comes in as a parameter for tests. */
export type Send = (message: Envelope) => Promise<unknown>;

class MessageError extends Error {
  override name = 'MessageError';
}

/**
 * A typed client for one group of calls: a content script gets `ContentScriptCalls` (only what it may
 * send), Backstory's pages the whole `Protocol`. Only types come from the protocol module, so a
 * content script bundles none of its Zod schemas.
 */
export function createClient<Calls extends Partial<Protocol> = Protocol>(send: Send) {
  return async function call<N extends keyof Calls & MessageName>(name: N, payload: PayloadOf<Calls[N]>): Promise<ResultOf<Calls[N]>> {
    const response = (await send({ backstory: 1, name, payload })) as Response<ResultOf<Calls[N]>> | undefined;
    if (!response || typeof response !== 'object') throw new MessageError(`No answer to "${name}"`);
    if (!response.ok) throw new MessageError(response.error);
    return response.result;
  };
}

export type Client<Calls extends Partial<Protocol> = Protocol> = ReturnType<typeof createClient<Calls>>;
