import { afterEach, describe, expect, it } from 'vitest';
import cardScript from '../../../entrypoints/card/index';
import { loadCardModule } from '../../../entrypoints/news.content/card-loader';
import { CARD_MODULE } from '../../../lib/card/card-view';
import type { Client } from '../../../lib/messaging/client';
import type { ContentScriptCalls } from '../../../lib/messaging/protocol';

const key = Symbol.for(CARD_MODULE);
const global = globalThis as Record<symbol, unknown>;

/** A background that answers `loadCard` by running `inject` (what scripting.executeScript does). */
function background(inject: () => void) {
  const asked: string[] = [];
  const call = (async (name: string) => {
    asked.push(name);
    if (name === 'loadCard') inject();
    return null;
  }) as unknown as Client<ContentScriptCalls>;
  return { call, asked };
}

afterEach(() => delete global[key]);

// The loader keeps one module per page (per test file here): these run in order.
describe('the card code loaded on first need', () => {
  it('a failed injection is an error, and the next need asks again', async () => {
    const failing = background(() => undefined);
    await expect(loadCardModule(failing.call)).rejects.toThrow(/did not load/);
    const refused = background(() => {
      throw new Error('Cannot access contents of the page');
    });
    await expect(loadCardModule(refused.call)).rejects.toThrow(/Cannot access/);
    expect([...failing.asked, ...refused.asked]).toEqual(['loadCard', 'loadCard']);
  });

  it('never uses a factory left on the page by an earlier copy of the script, and takes its own off the global object', async () => {
    const stale = { createController: () => ({ stale: true }), parseContentMessage: () => null };
    global[key] = stale;
    const { call, asked } = background(() => cardScript.main());
    const module = await loadCardModule(call);
    expect(module).not.toBe(stale);
    expect(typeof module.createController).toBe('function');
    expect(typeof module.parseContentMessage).toBe('function');
    expect(global[key]).toBeUndefined();
    // Loaded once per page: later sessions reuse it without asking.
    expect(await loadCardModule(call)).toBe(module);
    expect(asked).toEqual(['loadCard']);
  });
});
