import { PARAGRAPH_SELECTOR } from '../../lib/dom/extract';
import type { MentionRange } from '../../lib/dom/page-scanner';
import type { EntityKind } from '../../lib/schema/dataset';

interface Marked {
  kind: EntityKind;
  /** A name inside a longer name: painted in the nested highlight of its kind. */
  nested: boolean;
  range: MentionRange;
  /** The range handed to the highlight while it is painted (made when it comes near, dropped when it leaves). */
  painted: AbstractRange | null;
}

export interface HighlightSink {
  add(kind: EntityKind, range: AbstractRange, nested: boolean): void;
  remove(kind: EntityKind, range: AbstractRange, nested: boolean): void;
}

/** How far beyond the viewport mentions stay marked, so scrolling never shows unmarked names. */
const MARGIN = '150% 0px 150% 0px';
/**
 * Most mentions watched through one post-like element (see watchedElement); past this its paragraphs
 * are watched one by one, so a huge single article never paints all its mentions at once.
 */
export const MAX_GROUP_MARKS = 100;
/**
 * Mentions painted at once, before the observer's first report on their element: that report comes
 * a frame later, and the page's first highlights would wait for it. The report then unpaints those
 * that are not near after all. Spent once per page, on its first mentions (the top of the article),
 * so a live page that keeps inserting posts never paints far-away mentions.
 */
export const PAINT_AHEAD = 100;

/**
 * Registers only the mentions near the viewport with the highlight registry. The browser repaints
 * every registered range on each frame that changes one (about 10 ms per 1,000 ranges in Chromium),
 * so a long live page with thousands of mentions would otherwise slow down with every update. Each
 * mention's element is watched by one IntersectionObserver; entering the margin adds its ranges,
 * leaving it removes them. Backstory's own bookkeeping (cast, hover, jumps) keeps every mention.
 *
 * The browser recomputes every watched element on each frame whose layout changed, which on a live
 * page that inserts posts above the reader is every frame: mentions are therefore watched through
 * their post (article, section or list item) while it holds few of them, and through their paragraph
 * otherwise. On a 1 MB live blog that is a third of the elements, and less than half the work.
 *
 * When `signal` aborts, nothing is watched any more and later additions are ignored.
 */
export class HighlightWindow {
  private readonly byElement = new Map<Element, Set<Marked>>();
  private readonly near = new Set<Element>();
  /** The element each range was filed under: the page may move its text before it is removed. */
  private readonly filedUnder = new WeakMap<MentionRange, Element>();
  /** Post-like elements that held too many mentions: their paragraphs are watched instead. */
  private readonly split = new WeakSet<Element>();
  /** Watched elements the observer has not reported on yet. */
  private readonly unseen = new Set<Element>();
  /** Elements with mentions painted ahead of that report. */
  private readonly paintedAhead = new Set<Element>();
  private readonly observer: IntersectionObserver;

  constructor(
    private readonly sink: HighlightSink,
    private readonly signal: AbortSignal,
    /** Makes the browser's range for a mention about to be painted. */
    private readonly toPaint: (range: MentionRange) => AbstractRange = (range) => new StaticRange(range),
    /** How many mentions may still be painted ahead of the observer's report (see PAINT_AHEAD). */
    private ahead = PAINT_AHEAD,
  ) {
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: MARGIN });
    signal.addEventListener(
      'abort',
      () => {
        this.observer.disconnect();
        this.byElement.clear();
        this.near.clear();
        this.unseen.clear();
        this.paintedAhead.clear();
      },
      { once: true },
    );
  }

  add(kind: EntityKind, range: MentionRange, nested = false): void {
    // An observer observes again after disconnect(): nothing may be filed once the window is closed.
    if (this.signal.aborted) return;
    const block = blockOf(range);
    if (!block) return;
    const group = block.parentElement?.closest(GROUPS);
    const element = group && !this.split.has(group) ? group : block;
    const marked: Marked = { kind, nested, range, painted: null };
    const marks = this.file(marked, element);
    if (this.near.has(element)) this.paint(marked);
    else if (this.ahead > 0 && this.unseen.has(element)) {
      this.ahead--;
      this.paintedAhead.add(element);
      this.paint(marked);
    }
    if (element === group && marks.size > MAX_GROUP_MARKS) this.splitGroup(group);
  }

  remove(_kind: EntityKind, range: MentionRange): void {
    const element = this.filedUnder.get(range);
    const marks = element ? this.byElement.get(element) : undefined;
    if (!element || !marks) return;
    for (const marked of marks) {
      if (marked.range !== range) continue;
      marks.delete(marked);
      this.unpaint(marked);
      break;
    }
    if (marks.size) return;
    this.forget(element);
  }

  private forget(element: Element): void {
    this.byElement.delete(element);
    this.near.delete(element);
    this.unseen.delete(element);
    this.paintedAhead.delete(element);
    this.observer.unobserve(element);
  }

  private paint(marked: Marked): void {
    if (marked.painted) return;
    marked.painted = this.toPaint(marked.range);
    this.sink.add(marked.kind, marked.painted, marked.nested);
  }

  private unpaint(marked: Marked): void {
    if (!marked.painted) return;
    this.sink.remove(marked.kind, marked.painted, marked.nested);
    marked.painted = null;
  }

  private file(marked: Marked, element: Element): Set<Marked> {
    this.filedUnder.set(marked.range, element);
    let marks = this.byElement.get(element);
    if (!marks) {
      marks = new Set();
      this.byElement.set(element, marks);
      this.unseen.add(element);
      this.observer.observe(element);
    }
    marks.add(marked);
    return marks;
  }

  /**
   * Watches a group's paragraphs instead of the group. What is painted stays painted: the paragraphs
   * start out as near as the group was, and the observer's first report on each corrects that.
   */
  private splitGroup(group: Element): void {
    this.split.add(group);
    const marks = this.byElement.get(group)!;
    const wasNear = this.near.has(group);
    const wasAhead = this.paintedAhead.has(group);
    this.forget(group);
    for (const marked of marks) {
      const block = blockOf(marked.range) ?? group;
      this.file(marked, block);
      if (wasNear) this.near.add(block);
      if (wasAhead && marked.painted) this.paintedAhead.add(block);
    }
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const marks = this.byElement.get(entry.target);
      if (!marks) continue;
      this.unseen.delete(entry.target);
      const ahead = this.paintedAhead.delete(entry.target);
      if (entry.isIntersecting && !this.near.has(entry.target)) {
        this.near.add(entry.target);
        for (const marked of marks) this.paint(marked);
      } else if (!entry.isIntersecting && (this.near.delete(entry.target) || ahead)) {
        for (const marked of marks) this.unpaint(marked);
      }
    }
  }
}

/** Post-like elements around paragraphs: while small, mentions inside one share its observation. */
const GROUPS = 'article, section, li';

/**
 * A mention's paragraph when it has one, so that the names in one paragraph (often in links or
 * bold type) cost one observed element, not one each.
 */
function blockOf(range: MentionRange): Element | null {
  const parent = range.startContainer.parentElement;
  return parent?.closest(PARAGRAPH_SELECTOR) ?? parent;
}
