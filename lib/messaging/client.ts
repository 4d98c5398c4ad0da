import type { Envelope, MessageName, Payload, Response, Result } from './protocol';

/** The one function that sends a message; `browser.runtime.sendMessage` comes in as a parameter for tests. */
export type Send = (message: Envelope) => Promise<unknown>;

export class MessageError extends Error {
  override name = 'MessageError';
}

export function createClient(send: Send) {
  return async function call<N extends MessageName>(name: N, payload: Payload<N>): Promise<Result<N>> {
    const response = (await send({ backstory: 1, name, payload })) as Response<Result<N>> | undefined;
    if (!response || typeof response !== 'object') throw new MessageError(`No answer to "${name}"`);
    if (!response.ok) throw new MessageError(response.error);
    return response.result;
  };
}

export type Client = ReturnType<typeof createClient>;
