// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverController } from '../../../entrypoints/news.content/hover';
import type { PageScanner } from '../../../lib/dom/page-scanner';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function hover(signal: AbortSignal) {
  const calls: string[] = [];
  const controller = new HoverController(
    { mentionsAt: () => [] } as unknown as PageScanner,
    document,
    { open: () => void calls.push('open'), close: () => void calls.push('close'), isOverCard: () => false },
    signal,
  );
  return { controller, calls };
}

const move = () => ({ pointerType: 'mouse', clientX: 5, clientY: 5, target: document.body }) as unknown as PointerEvent;

describe('hover teardown', () => {
  it('drops the sampled pointer and the grace period when its signal aborts', () => {
    const session = new AbortController();
    const { controller, calls } = hover(session.signal);
    controller.onPointerMove(move());
    controller.cardLeft();
    expect(vi.getTimerCount()).toBe(2);
    session.abort();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual([]);
  });

  it('samples nothing and waits for nothing once its signal has aborted', () => {
    const session = new AbortController();
    const { controller } = hover(session.signal);
    session.abort();
    controller.onPointerMove(move());
    controller.cardLeft();
    expect(vi.getTimerCount()).toBe(0);
  });
});
