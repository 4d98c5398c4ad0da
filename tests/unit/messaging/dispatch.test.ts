import { describe, expect, it, vi } from 'vitest';
import { dispatch, isExtensionPage, type Handlers, type Identity } from '../../../lib/messaging/handlers';
import { createClient } from '../../../lib/messaging/client';

const identity: Identity = { extensionId: 'abcdef', extensionOrigin: 'chrome-extension://abcdef/' };
const optionsPage = { id: 'abcdef', url: 'chrome-extension://abcdef/options.html', tab: { id: 3 } };
const contentScript = { id: 'abcdef', url: 'https://edition.cnn.com/article', tab: { id: 7 } };

/** Only the handlers these tests call; the others are never reached. */
function fakeHandlers(): Handlers {
  const info = {
    id: 'd',
    title: 't',
    version: '1.0.0',
    publishedAt: '2024',
    entityCount: 0,
    counts: { person: 0, organization: 0, place: 0, event: 0 },
  };
  const handlers: Partial<Handlers> = {
    getSnapshot: vi.fn(async () => ({ version: 'v', entities: [], aliases: [] })),
    getEntities: vi.fn(async ({ ids }) => ({ entities: [], sources: [], ids }) as never),
    search: vi.fn(async () => []),
    getDatasetInfo: vi.fn(async () => info),
    listEntities: vi.fn(async () => ({ total: 0, items: [] })),
    reportCast: vi.fn(async () => null),
    resetDataset: vi.fn(async () => info),
  };
  return handlers as Handlers;
}

describe('message dispatch', () => {
  it('answers a valid read message from a content script', async () => {
    const handlers = fakeHandlers();
    const response = await dispatch(handlers, { backstory: 1, name: 'search', payload: { query: 'blink' } }, contentScript, identity);
    expect(response).toEqual({ ok: true, result: [] });
    expect(handlers.search).toHaveBeenCalledWith({ query: 'blink' }, contentScript);
  });

  it('refuses a write message from a content script without calling the handler', async () => {
    const handlers = fakeHandlers();
    const response = await dispatch(handlers, { backstory: 1, name: 'resetDataset', payload: {} }, contentScript, identity);
    expect(response).toMatchObject({ ok: false });
    expect(handlers.resetDataset).not.toHaveBeenCalled();
  });

  it("accepts a write message from the extension's own options page", async () => {
    const handlers = fakeHandlers();
    const response = await dispatch(handlers, { backstory: 1, name: 'resetDataset', payload: {} }, optionsPage, identity);
    expect(response).toMatchObject({ ok: true });
  });

  it.each([
    ['another extension', { id: 'zzz', url: 'chrome-extension://zzz/page.html' }],
    ['a page that claims our id', { id: 'abcdef', url: 'https://evil.example/chrome-extension://abcdef/' }],
    ['a sender without a URL', { id: 'abcdef' }],
  ])('does not treat %s as an extension page', (_label, sender) => {
    expect(isExtensionPage(sender, identity)).toBe(false);
  });

  it('rejects payloads that fail validation, with the path', async () => {
    const handlers = fakeHandlers();
    const response = await dispatch(handlers, { backstory: 1, name: 'getEntities', payload: { ids: 'all' } }, optionsPage, identity);
    expect(response).toMatchObject({ ok: false, error: expect.stringContaining('ids') });
    expect(handlers.getEntities).not.toHaveBeenCalled();
  });

  it('rejects extra payload keys', async () => {
    const response = await dispatch(
      fakeHandlers(),
      { backstory: 1, name: 'search', payload: { query: 'x', admin: true } },
      optionsPage,
      identity,
    );
    expect(response).toMatchObject({ ok: false });
  });

  it('refuses unknown names, including inherited object keys', async () => {
    for (const name of ['dropDatabase', '__proto__', 'toString', 'constructor']) {
      const response = await dispatch(fakeHandlers(), { backstory: 1, name, payload: {} }, optionsPage, identity);
      expect(response).toMatchObject({ ok: false, error: expect.stringContaining('Unknown message') });
    }
  });

  it("ignores messages that are not Backstory's", async () => {
    expect(await dispatch(fakeHandlers(), { type: 'other' }, optionsPage, identity)).toBeUndefined();
    expect(await dispatch(fakeHandlers(), 'hello', optionsPage, identity)).toBeUndefined();
  });

  it('turns a handler failure into an error response', async () => {
    const handlers = fakeHandlers();
    handlers.search = async () => {
      throw new Error('index is gone');
    };
    const response = await dispatch(handlers, { backstory: 1, name: 'search', payload: { query: 'x' } }, optionsPage, identity);
    expect(response).toEqual({ ok: false, error: 'index is gone' });
  });
});

describe('message client', () => {
  it('returns the result of a successful call and throws the error of a failed one', async () => {
    const ok = createClient(async () => ({ ok: true, result: [1] }));
    await expect(ok('search', { query: 'x' })).resolves.toEqual([1]);
    const failing = createClient(async () => ({ ok: false, error: 'nope' }));
    await expect(failing('search', { query: 'x' })).rejects.toThrow('nope');
    const silent = createClient(async () => undefined);
    await expect(silent('search', { query: 'x' })).rejects.toThrow('No answer');
  });
});
