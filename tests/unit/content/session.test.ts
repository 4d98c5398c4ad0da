// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import cardScript from '../../../entrypoints/card/index';
import { PageSession } from '../../../entrypoints/news.content/session';
import { compileSnapshot } from '../../../lib/match/snapshot';
import type { Client } from '../../../lib/messaging/client';
import type { ContentScriptCalls } from '../../../lib/messaging/protocol';
import { createMatcher } from '../../../lib/match/matcher';
import { answerBlocks } from '../../../lib/match/remote';
import { correctionWords, PageRules, withoutCorrected, type Correction } from '../../../lib/corrections/rules';
import { defaultSettings } from '../../../lib/settings/settings';
import { WORLD } from '../match/world';

/**
 * A page session over happy-dom, with the browser parts happy-dom lacks (the highlight registry,
 * IntersectionObserver, idle callbacks) replaced by small fakes that record what is still live, and
 * every timer and frame under Vitest's fake clock. A part that ignored the session's signal would
 * leave a listener, an observer, a timer or a highlight behind.
 */

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

class FakeIntersectionObserver {
  static all: FakeIntersectionObserver[] = [];
  readonly observed = new Set<Element>();
  constructor(readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeIntersectionObserver.all.push(this);
  }
  observe(element: Element) {
    this.observed.add(element);
  }
  unobserve(element: Element) {
    this.observed.delete(element);
  }
  disconnect() {
    this.observed.clear();
  }
  /** Everything watched comes near the viewport. */
  reportAllNear() {
    this.callback([...this.observed].map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry));
  }
}

class TrackedMutationObserver extends MutationObserver {
  static observing = new Set<MutationObserver>();
  override observe(target: Node, options?: MutationObserverInit) {
    TrackedMutationObserver.observing.add(this);
    super.observe(target, options);
  }
  override disconnect() {
    TrackedMutationObserver.observing.delete(this);
    super.disconnect();
  }
}

/** Listeners added to the document or the window, with the options they were added with. */
const pageListeners: Array<{ type: string; options: AddEventListenerOptions | boolean | undefined }> = [];
let registry: Map<string, FakeHighlight>;
const calls: Array<[string, unknown]> = [];
/** Every session a test started: the document outlives a test, so each is stopped after it. */
const sessions: PageSession[] = [];

/** The background, in place: it matches with the world's matcher and reads entities from the world. */
const matcher = createMatcher(compileSnapshot('test', WORLD));
/** Corrections the reader made (everywhere: the page has no address the background could scope to). */
const corrections: Correction[] = [];
const call = (async (name: string, payload: { ids?: string[]; texts?: string[]; entityId?: string; text?: string; id?: string }) => {
  calls.push([name, payload]);
  if (name === 'matchBlocks') return withoutCorrected(answerBlocks(matcher, payload.texts!), payload.texts!, new PageRules(corrections, null));
  if (name === 'correctMark') {
    const id = `correction-${corrections.length}`;
    corrections.push({ id, entity: payload.entityId!, entityName: '', words: correctionWords(payload.text!), createdAt: '' });
    return { id };
  }
  if (name === 'undoCorrection') {
    corrections.splice(corrections.findIndex((correction) => correction.id === payload.id), 1);
    return null;
  }
  if (name === 'getEntities') return { entities: WORLD.filter((entity) => payload.ids!.includes(entity.id)), sources: [], refs: [] };
  // What the background's injection does: the card script runs in the content script's world.
  if (name === 'loadCard') cardScript.main();
  return null;
}) as unknown as Client<ContentScriptCalls>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
  registry = new Map([['a-page-highlight', new FakeHighlight()]]);
  FakeIntersectionObserver.all = [];
  TrackedMutationObserver.observing.clear();
  pageListeners.length = 0;
  calls.length = 0;
  corrections.length = 0;
  vi.stubGlobal('CSS', { highlights: registry });
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal(
    'StaticRange',
    class {
      constructor(init: StaticRangeInit) {
        Object.assign(this, init);
      }
    },
  );
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  vi.stubGlobal('MutationObserver', TrackedMutationObserver);
  vi.stubGlobal('requestIdleCallback', (work: () => void) => setTimeout(work, 1));
  vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
  for (const target of [document, window]) {
    const add = target.addEventListener.bind(target);
    vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
      pageListeners.push({ type, options });
      add(type, listener, options);
    });
  }
});

afterEach(() => {
  for (const session of sessions.splice(0)) session.stop();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** Lets promises and the mutation observer's delivery run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

async function runningSession() {
  document.body.innerHTML = '<p id="story">Antony Blinken met Hamas officials.</p>';
  const session = new PageSession(document, call, defaultSettings(), '2023-11-05');
  sessions.push(session);
  session.start();
  // Enough idle slices for the scan to finish even when a slice runs out of budget on a busy machine.
  await vi.advanceTimersByTimeAsync(50);
  for (const observer of FakeIntersectionObserver.all) observer.reportAllNear();
  return session;
}

const ourHighlights = () => [...registry.keys()].filter((name) => name.startsWith('backstory'));
const pointerMove = () => new (window.PointerEvent ?? MouseEvent)('pointermove', { clientX: 5, clientY: 5, bubbles: true });

describe('page session teardown', () => {
  it('marks the page while it runs', async () => {
    await runningSession();
    expect(ourHighlights().length).toBeGreaterThan(0);
    expect([...registry.values()].reduce((sum, highlight) => sum + highlight.size, 0)).toBe(2);
  });

  it('stopping leaves no highlight, observer, listener, timer or card of its own behind', async () => {
    const session = await runningSession();
    // Work in flight: an open card, a flashed mention, a pointer being sampled, a changed paragraph queued.
    const text = document.getElementById('story')!.firstChild as Text;
    document.getSelection()!.setBaseAndExtent(text, 20, text, 22);
    expect(await session.lookUpSelection(undefined)).toBe(true);
    // The card opens whole: its first part at once, the rest after the next frame, and that render's
    // effects after the frame after it (Preact's own timers).
    await vi.advanceTimersByTimeAsync(60);
    expect(document.querySelector('backstory-card')).not.toBeNull();
    expect(session.jumpTo('hamas')).toBe(true);
    document.dispatchEvent(pointerMove());
    document.getElementById('story')!.append(' Qatar replied.');
    await settle();
    expect(vi.getTimerCount()).toBeGreaterThan(2);
    expect(TrackedMutationObserver.observing.size).toBe(1);
    expect(pageListeners.length).toBeGreaterThan(0);

    session.stop();

    expect(ourHighlights()).toEqual([]);
    expect([...registry.keys()]).toEqual(['a-page-highlight']);
    expect(FakeIntersectionObserver.all.every((observer) => observer.observed.size === 0)).toBe(true);
    expect(TrackedMutationObserver.observing.size).toBe(0);
    expect(document.querySelector('backstory-card')).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    for (const { type, options } of pageListeners) {
      expect({ type, aborted: typeof options === 'object' && options.signal?.aborted }).toEqual({ type, aborted: true });
    }
    expect(calls.at(-1)).toEqual(['reportCast', { count: 0 }]);
  });

  it('after stopping, a change to the page or a pointer moving over it starts no work', async () => {
    const session = await runningSession();
    session.stop();
    document.getElementById('story')!.append(' Hamas replied.');
    const added = document.createElement('p');
    added.textContent = 'Antony Blinken left.';
    document.body.append(added);
    document.dispatchEvent(pointerMove());
    window.dispatchEvent(new Event('scroll'));
    await settle();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ourHighlights()).toEqual([]);
    expect(FakeIntersectionObserver.all.every((observer) => observer.observed.size === 0)).toBe(true);
    expect(session.cast()).toEqual([]);
    expect(document.querySelector('backstory-card')).toBeNull();
  });
});

describe('a correction from the card', () => {
  const button = (name: RegExp) => {
    const root = document.querySelector('backstory-card')!.shadowRoot!;
    const found = [...root.querySelectorAll('button')].find((element) => name.test(element.textContent ?? ''));
    if (!found) throw new Error(`no button ${name} in the card`);
    return found;
  };
  const cardText = () => document.querySelector('backstory-card')!.shadowRoot!.textContent ?? '';
  const castIds = (session: PageSession) => session.cast().map((entry) => entry.id);

  it('hides the marks of the words at once, and Undo brings them back', async () => {
    document.body.innerHTML = '<p id="a">Hamas answered.</p><p id="b">Antony Blinken met Hamas officials.</p>';
    const session = new PageSession(document, call, defaultSettings(), '2023-11-05');
    sessions.push(session);
    session.start();
    await vi.advanceTimersByTimeAsync(50);
    expect(castIds(session)).toEqual(['hamas', 'antony-blinken']);
    const text = document.getElementById('a')!.firstChild as Text;
    document.getSelection()!.setBaseAndExtent(text, 1, text, 2);
    expect(await session.lookUpSelection(undefined)).toBe(true);
    await vi.advanceTimersByTimeAsync(20);

    button(/Wrong link/).click();
    await settle();
    button(/Never anywhere/).click();
    await vi.advanceTimersByTimeAsync(50);
    expect(calls.filter(([name]) => name === 'correctMark')).toEqual([['correctMark', { entityId: 'hamas', scope: 'everywhere', text: 'Hamas' }]]);
    // Both paragraphs were read again: no mark of Hamas is left, the card says so and offers Undo.
    expect(castIds(session)).toEqual(['antony-blinken']);
    expect(cardText()).toContain('“Hamas” is no longer marked as Hamas anywhere.');

    button(/Undo/).click();
    await vi.advanceTimersByTimeAsync(50);
    expect(corrections).toEqual([]);
    expect(castIds(session)).toEqual(['hamas', 'antony-blinken']);
    expect(cardText()).toContain('Marked again.');
  });

  it('says why when the correction cannot be saved, and keeps the marks', async () => {
    const refusing = (async (name: string, payload: never) => {
      if (name === 'correctMark') throw new Error('You have 10,000 corrections already.');
      return (call as unknown as (name: string, payload: never) => Promise<unknown>)(name, payload);
    }) as unknown as Client<ContentScriptCalls>;
    document.body.innerHTML = '<p id="a">Hamas answered.</p>';
    const session = new PageSession(document, refusing, defaultSettings(), '2023-11-05');
    sessions.push(session);
    session.start();
    await vi.advanceTimersByTimeAsync(50);
    const text = document.getElementById('a')!.firstChild as Text;
    document.getSelection()!.setBaseAndExtent(text, 1, text, 2);
    await session.lookUpSelection(undefined);
    await vi.advanceTimersByTimeAsync(20);
    button(/Wrong link/).click();
    await settle();
    button(/Don’t mark Hamas/).click();
    await vi.advanceTimersByTimeAsync(50);
    const alert = document.querySelector('backstory-card')!.shadowRoot!.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('You have 10,000 corrections already.');
    expect(castIds(session)).toEqual(['hamas']);
  });
});
