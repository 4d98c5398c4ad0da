// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HighlightWindow } from '../../../entrypoints/news.content/highlight-window';

/** A stand-in IntersectionObserver: records what is observed and lets a test report intersections. */
class FakeObserver {
  static last: FakeObserver;
  readonly observed = new Set<Element>();
  constructor(readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.last = this;
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
  report(element: Element, isIntersecting: boolean) {
    this.callback([{ target: element, isIntersecting } as IntersectionObserverEntry]);
  }
}

const original = globalThis.IntersectionObserver;
beforeEach(() => {
  globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
});
afterEach(() => {
  globalThis.IntersectionObserver = original;
});

function rangeOver(node: Text): StaticRange {
  return { startContainer: node, startOffset: 0, endContainer: node, endOffset: node.length, collapsed: false } as StaticRange;
}

describe('highlights near the viewport', () => {
  it('watches one element per paragraph, paints its mentions when it comes near and unpaints them when it leaves', () => {
    document.body.innerHTML = '<p id="p">Antony <b>Blinken</b> met <a href="#">Hamas</a> officials.</p>';
    const painted: AbstractRange[] = [];
    const window = new HighlightWindow({
      add: (_k, r) => void painted.push(r),
      remove: (_k, r) => void painted.splice(painted.indexOf(r), 1),
    });
    const paragraph = document.getElementById('p')!;
    const blinken = rangeOver(paragraph.querySelector('b')!.firstChild as Text);
    const hamas = rangeOver(paragraph.querySelector('a')!.firstChild as Text);
    window.add('person', blinken);
    window.add('organization', hamas);
    expect([...FakeObserver.last.observed]).toEqual([paragraph]);
    expect(painted).toEqual([]);
    FakeObserver.last.report(paragraph, true);
    expect(painted).toEqual([blinken, hamas]);
    FakeObserver.last.report(paragraph, false);
    expect(painted).toEqual([]);
  });

  it('removes a mention whose text the page moved elsewhere meanwhile', () => {
    document.body.innerHTML = '<p id="a"><b>Hamas</b></p><p id="b"></p>';
    const painted: AbstractRange[] = [];
    const window = new HighlightWindow({
      add: (_k, r) => void painted.push(r),
      remove: (_k, r) => void painted.splice(painted.indexOf(r), 1),
    });
    const bold = document.querySelector('b')!;
    const hamas = rangeOver(bold.firstChild as Text);
    window.add('organization', hamas);
    FakeObserver.last.report(document.getElementById('a')!, true);
    expect(painted).toEqual([hamas]);
    document.getElementById('b')!.append(bold);
    window.remove('organization', hamas);
    expect(painted).toEqual([]);
    expect(FakeObserver.last.observed.size).toBe(0);
  });
});
