import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlightRegistry } from '../../../entrypoints/news.content/highlight-registry';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.stubGlobal('Highlight', FakeHighlight);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const range = {} as AbstractRange;

describe('highlight registry', () => {
  it('registers one highlight per kind, one per kind for names inside names, and the flash, named for the style', () => {
    const registry = new Map<string, FakeHighlight>();
    createHighlightRegistry(registry as unknown as HighlightRegistry, 'background', new AbortController().signal);
    expect([...registry.keys()]).toEqual([
      'backstory-bg-person',
      'backstory-bg-nested-person',
      'backstory-bg-organization',
      'backstory-bg-nested-organization',
      'backstory-bg-place',
      'backstory-bg-nested-place',
      'backstory-bg-event',
      'backstory-bg-nested-event',
      'backstory-flash',
    ]);
  });

  it('deletes its own highlights, and no others, and ends a flash, when its signal aborts', () => {
    const registry = new Map<string, FakeHighlight>([['a-page-highlight', new FakeHighlight()]]);
    const session = new AbortController();
    const highlights = createHighlightRegistry(registry as unknown as HighlightRegistry, 'underline', session.signal);
    highlights.add('person', range);
    highlights.flash(range);
    expect(vi.getTimerCount()).toBe(1);
    session.abort();
    expect([...registry.keys()]).toEqual(['a-page-highlight']);
    expect(vi.getTimerCount()).toBe(0);
    highlights.flash(range);
    expect(vi.getTimerCount()).toBe(0);
  });
});
