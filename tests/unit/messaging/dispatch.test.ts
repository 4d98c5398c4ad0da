import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../lib/messaging/client';
import {
  createDispatcher,
  isExtensionPage,
  retryingSetup,
  type Handlers,
  type Identity,
  type Sender,
} from '../../../lib/messaging/handlers';
import { contentScriptCalls, extensionPageCalls } from '../../../lib/messaging/protocol';

const identity: Identity = { extensionId: 'abcdef', extensionOrigin: 'chrome-extension://abcdef/' };
const optionsPage = { id: 'abcdef', url: 'chrome-extension://abcdef/options.html', tab: { id: 3 } };
const contentScript = { id: 'abcdef', url: 'https://edition.cnn.com/article', tab: { id: 7 } };

/** Only the handlers these tests call; the others are never reached. */
function fakeHandlers(): Handlers {
  const handlers: Partial<Handlers> = {
    matchBlocks: vi.fn(async () => ({ matches: [], entities: [], topicGated: false })),
    getEntities: vi.fn(async ({ ids }) => ({ entities: [], sources: [], ids }) as never),
    reportCast: vi.fn(async () => null),
    search: vi.fn(async () => []),
    resetToBundled: vi.fn(async () => ({ ok: false, reason: 'stale', message: 'x' }) as const),
  };
  return handlers as Handlers;
}

function dispatcher(handlers: Handlers, ready = () => Promise.resolve()) {
  const dispatch = createDispatcher({ handlers, identity, ready });
  return (message: unknown, sender: Sender) => dispatch(message, sender);
}

describe('message dispatch', () => {
  it('answers a content-script message from a content script', async () => {
    const handlers = fakeHandlers();
    const response = await dispatcher(handlers)({ backstory: 1, name: 'getEntities', payload: { ids: ['ds/a'] } }, contentScript);
    expect(response).toMatchObject({ ok: true });
    expect(handlers.getEntities).toHaveBeenCalledWith({ ids: ['ds/a'] }, contentScript);
  });

  it.each(['search', 'resetToBundled'])('refuses "%s" from a content script without calling the handler', async (name) => {
    const handlers = fakeHandlers();
    const payload = name === 'search' ? { query: 'x' } : { keepEdits: true };
    const response = await dispatcher(handlers)({ backstory: 1, name, payload }, contentScript);
    expect(response).toMatchObject({ ok: false, error: expect.stringContaining("Backstory's own pages") });
    expect(handlers[name as 'search']).not.toHaveBeenCalled();
  });

  it("accepts both groups from the extension's own pages", async () => {
    const handlers = fakeHandlers();
    expect(await dispatcher(handlers)({ backstory: 1, name: 'resetToBundled', payload: { keepEdits: true } }, optionsPage)).toMatchObject({
      ok: true,
    });
    expect(await dispatcher(handlers)({ backstory: 1, name: 'matchBlocks', payload: { texts: [], kinds: [] } }, optionsPage)).toMatchObject(
      {
        ok: true,
      },
    );
  });

  it('lets a content script send only the six messages it uses', () => {
    expect(Object.keys(contentScriptCalls).sort()).toEqual([
      'correctMark',
      'getEntities',
      'loadCard',
      'matchBlocks',
      'reportCast',
      'undoCorrection',
    ]);
    for (const name of Object.keys(contentScriptCalls)) expect(Object.hasOwn(extensionPageCalls, name)).toBe(false);
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
    const response = await dispatcher(handlers)({ backstory: 1, name: 'getEntities', payload: { ids: 'all' } }, optionsPage);
    expect(response).toMatchObject({ ok: false, error: expect.stringContaining('ids') });
    expect(handlers.getEntities).not.toHaveBeenCalled();
  });

  it('rejects extra payload keys', async () => {
    const response = await dispatcher(fakeHandlers())({ backstory: 1, name: 'search', payload: { query: 'x', admin: true } }, optionsPage);
    expect(response).toMatchObject({ ok: false });
  });

  it('refuses unknown names, including inherited object keys', async () => {
    for (const name of ['dropDatabase', '__proto__', 'toString', 'constructor', 'listEntities', 'resetDataset']) {
      const response = await dispatcher(fakeHandlers())({ backstory: 1, name, payload: {} }, optionsPage);
      expect(response).toMatchObject({ ok: false, error: expect.stringContaining('Unknown message') });
    }
  });

  it("ignores messages that are not Backstory's", async () => {
    expect(await dispatcher(fakeHandlers())({ type: 'other' }, optionsPage)).toBeUndefined();
    expect(await dispatcher(fakeHandlers())('hello', optionsPage)).toBeUndefined();
  });

  it('turns a handler failure into an error response', async () => {
    const handlers = fakeHandlers();
    handlers.search = async () => {
      throw new Error('index is gone');
    };
    const response = await dispatcher(handlers)({ backstory: 1, name: 'search', payload: { query: 'x' } }, optionsPage);
    expect(response).toEqual({ ok: false, error: 'index is gone' });
  });

  it('waits for readiness before any handler runs', async () => {
    const handlers = fakeHandlers();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const pending = dispatcher(handlers, () => gate)({ backstory: 1, name: 'search', payload: { query: 'x' } }, optionsPage);
    await Promise.resolve();
    expect(handlers.search).not.toHaveBeenCalled();
    open();
    expect(await pending).toEqual({ ok: true, result: [] });
  });
});

describe('the background setup', () => {
  it('is tried again after a failed attempt, and runs once when it succeeds', async () => {
    const setup = vi.fn().mockRejectedValueOnce(new Error('database unavailable')).mockResolvedValue(undefined);
    const ready = retryingSetup(setup);
    const handlers = fakeHandlers();
    const dispatch = dispatcher(handlers, ready);
    const search = { backstory: 1, name: 'search', payload: { query: 'x' } };
    expect(await dispatch(search, optionsPage)).toEqual({ ok: false, error: 'database unavailable' });
    expect(await dispatch(search, optionsPage)).toEqual({ ok: true, result: [] });
    expect(await dispatch(search, optionsPage)).toEqual({ ok: true, result: [] });
    expect(setup).toHaveBeenCalledTimes(2);
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
