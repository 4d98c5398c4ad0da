// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HighlightWindow, MAX_GROUP_MARKS } from '../../../entrypoints/news.content/highlight-window';
import type { MentionRange } from '../../../lib/dom/page-scanner';

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

function rangeOver(node: Text): MentionRange {
  return { startContainer: node, startOffset: 0, endContainer: node, endOffset: node.length };
}

type Sink = { add(kind: string, range: AbstractRange): void; remove(kind: string, range: AbstractRange): void };

/** A sink that keeps what is painted in `painted`. */
function paintInto(painted: Set<AbstractRange>): Sink {
  return { add: (_k, r) => void painted.add(r), remove: (_k, r) => void painted.delete(r) };
}

/**
 * The window under test; the painted range is the mention's own object, so a test can compare them.
 * `signal` is its page session's (one that never ends unless a test passes its own); `paintAhead`,
 * how many of the page's first mentions it paints before the observer reports.
 */
function windowOver(sink: Sink, signal = new AbortController().signal, paintAhead = 0) {
  return new HighlightWindow(sink, signal, (range) => range as unknown as AbstractRange, paintAhead);
}

describe('highlights near the viewport', () => {
  it('watches one element per paragraph, paints its mentions when it comes near and unpaints them when it leaves', () => {
    document.body.innerHTML = '<p id="p">Antony <b>Blinken</b> met <a href="#">Hamas</a> officials.</p>';
    const painted: AbstractRange[] = [];
    const window = windowOver({
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
    const window = windowOver({
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

  it('watches a post (article, section, list item) once for the mentions in all its paragraphs', () => {
    document.body.innerHTML =
      '<main><article id="one"><h2>Talks in <b>Doha</b></h2><p><b>Hamas</b> replied.</p></article>' +
      '<article id="two"><p><b>Qatar</b> said so.</p></article></main>';
    const painted: AbstractRange[] = [];
    const window = windowOver({
      add: (_k, r) => void painted.push(r),
      remove: (_k, r) => void painted.splice(painted.indexOf(r), 1),
    });
    const [doha, hamas, qatar] = [...document.querySelectorAll('b')].map((b) => rangeOver(b.firstChild as Text));
    window.add('place', doha!);
    window.add('organization', hamas!);
    window.add('place', qatar!);
    const [one, two] = [document.getElementById('one')!, document.getElementById('two')!];
    expect([...FakeObserver.last.observed]).toEqual([one, two]);
    FakeObserver.last.report(one, true);
    expect(painted).toEqual([doha, hamas]);
    FakeObserver.last.report(two, true);
    FakeObserver.last.report(one, false);
    expect(painted).toEqual([qatar]);
  });

  it('watches the paragraphs of a post that holds too many mentions, keeping what is painted until told otherwise', () => {
    const paragraphs = Array.from({ length: 3 }, (_, i) => `<p id="p${i}">${'<b>Hamas</b> '.repeat(MAX_GROUP_MARKS / 2)}</p>`);
    document.body.innerHTML = `<article id="story">${paragraphs.join('')}</article>`;
    const painted = new Set<AbstractRange>();
    const window = windowOver(paintInto(painted));
    const ranges = [...document.querySelectorAll('b')].map((b) => rangeOver(b.firstChild as Text));
    const story = document.getElementById('story')!;
    const p0 = document.getElementById('p0')!;
    const p1 = document.getElementById('p1')!;
    const p2 = document.getElementById('p2')!;
    const firstHalf = ranges.slice(0, MAX_GROUP_MARKS);
    for (const range of firstHalf) window.add('organization', range);
    expect([...FakeObserver.last.observed]).toEqual([story]);
    FakeObserver.last.report(story, true);
    expect(painted.size).toBe(MAX_GROUP_MARKS);

    // One more mention: the story is now watched paragraph by paragraph, and nothing flickers.
    window.add('organization', ranges[MAX_GROUP_MARKS]!);
    expect(new Set(FakeObserver.last.observed)).toEqual(new Set([p0, p1, p2]));
    expect(painted.size).toBe(MAX_GROUP_MARKS + 1);
    for (const range of ranges.slice(MAX_GROUP_MARKS + 1)) window.add('organization', range);
    expect(painted.size).toBe(ranges.length);

    // The observer's first reports on the paragraphs unpaint the far one.
    FakeObserver.last.report(p0, true);
    FakeObserver.last.report(p1, true);
    FakeObserver.last.report(p2, false);
    expect(painted.size).toBe(MAX_GROUP_MARKS);
    expect([...painted].some((range) => p2.contains(range.startContainer))).toBe(false);
    FakeObserver.last.report(p2, true);
    expect(painted.size).toBe(ranges.length);
  });

  it('removing every mention of a post stops watching it', () => {
    document.body.innerHTML = '<section id="s"><p><b>Hamas</b></p><p><b>Qatar</b></p></section>';
    const window = windowOver({ add: () => undefined, remove: () => undefined });
    const [hamas, qatar] = [...document.querySelectorAll('b')].map((b) => rangeOver(b.firstChild as Text));
    window.add('organization', hamas!);
    window.add('place', qatar!);
    expect([...FakeObserver.last.observed]).toEqual([document.getElementById('s')]);
    window.remove('organization', hamas!);
    window.remove('place', qatar!);
    expect(FakeObserver.last.observed.size).toBe(0);
  });

  it('makes the browser range for a mention only while it is painted', () => {
    document.body.innerHTML = '<p id="p"><b>Hamas</b> and <b>Qatar</b></p>';
    const made: MentionRange[] = [];
    const painted = new Set<AbstractRange>();
    const window = new HighlightWindow(
      paintInto(painted),
      new AbortController().signal,
      (range) => {
        made.push(range);
        return { ...range, collapsed: false } as AbstractRange;
      },
      0,
    );
    const [hamas, qatar] = [...document.querySelectorAll('b')].map((b) => rangeOver(b.firstChild as Text));
    window.add('organization', hamas!);
    window.add('place', qatar!);
    expect(made).toEqual([]);
    const paragraph = document.getElementById('p')!;
    FakeObserver.last.report(paragraph, true);
    expect(made).toEqual([hamas, qatar]);
    expect(painted.size).toBe(2);
    FakeObserver.last.report(paragraph, false);
    expect(painted.size).toBe(0);
    window.remove('organization', hamas!);
    FakeObserver.last.report(paragraph, true);
    expect(made).toEqual([hamas, qatar, qatar]);
    expect(painted.size).toBe(1);
  });

  it('stops watching when its signal aborts, and watches nothing added after', () => {
    document.body.innerHTML = '<p id="a"><b>Hamas</b></p><p id="b"><b>Qatar</b></p>';
    const painted: AbstractRange[] = [];
    const session = new AbortController();
    const window = windowOver({ add: (_k, r) => void painted.push(r), remove: () => undefined }, session.signal);
    const [hamas, qatar] = [...document.querySelectorAll('b')].map((b) => rangeOver(b.firstChild as Text));
    window.add('organization', hamas!);
    expect(FakeObserver.last.observed.size).toBe(1);
    session.abort();
    expect(FakeObserver.last.observed.size).toBe(0);
    window.add('place', qatar!);
    expect(FakeObserver.last.observed.size).toBe(0);
    FakeObserver.last.report(document.getElementById('a')!, true);
    FakeObserver.last.report(document.getElementById('b')!, true);
    expect(painted).toEqual([]);
  });

  it("paints a page's first mentions at once, before the observer reports, and unpaints those the report finds far", () => {
    document.body.innerHTML = '<p id="top"><b>Hamas</b> and <b>Qatar</b></p><p id="far"><b>Doha</b></p><p id="later"><b>Egypt</b></p>';
    const painted = new Set<AbstractRange>();
    const window = windowOver(paintInto(painted), undefined, 3);
    const [hamas, qatar, doha, egypt] = [...document.querySelectorAll('b')].map((b) => rangeOver(b.firstChild as Text));
    window.add('organization', hamas!);
    window.add('place', qatar!);
    window.add('place', doha!);
    // Painted in the same task: the first highlights do not wait a frame for the observer.
    expect(painted).toEqual(new Set([hamas, qatar, doha]));
    // The budget is spent: the next one waits for its report, as every later mention does.
    window.add('place', egypt!);
    expect(painted.has(egypt as unknown as AbstractRange)).toBe(false);
    FakeObserver.last.report(document.getElementById('top')!, true);
    FakeObserver.last.report(document.getElementById('far')!, false);
    FakeObserver.last.report(document.getElementById('later')!, false);
    expect(painted).toEqual(new Set([hamas, qatar]));
    // Known elements follow their reports from then on.
    FakeObserver.last.report(document.getElementById('far')!, true);
    expect(painted).toEqual(new Set([hamas, qatar, doha]));
  });

  it('paints nothing ahead once the budget is spent, even for elements it has never seen', () => {
    document.body.innerHTML = '<p id="a"><b>Hamas</b></p>';
    const painted = new Set<AbstractRange>();
    const window = windowOver(paintInto(painted), undefined, 1);
    window.add('organization', rangeOver(document.querySelector('b')!.firstChild as Text));
    expect(painted.size).toBe(1);
    const post = document.createElement('p');
    post.innerHTML = '<b>Qatar</b>';
    document.body.prepend(post);
    window.add('place', rangeOver(post.querySelector('b')!.firstChild as Text));
    expect(painted.size).toBe(1);
  });
});
