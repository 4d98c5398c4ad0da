import type { Mention } from '../../lib/dom/page-scanner';

/** Whether mention `a` starts before mention `b` in the page. */
export function before(a: Mention, b: Mention): boolean {
  const position = a.range.startContainer.compareDocumentPosition(b.range.startContainer);
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return true;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return false;
  return a.range.startOffset < b.range.startOffset;
}

/**
 * The "first mention of each entity" setting (Wikipedia's link-once habit): of each entity's
 * mentions only the first in the page is shown, painted and hoverable; the others are kept (the
 * cast still counts them) and one takes over when the first leaves the page. Mentions arrive in any
 * order (a live page adds posts above older ones), so the first is decided as they come.
 */
export class FirstMentions {
  private readonly shown = new Map<number, Mention>();
  private readonly waiting = new Map<number, Set<Mention>>();

  constructor(private readonly view: { show(mention: Mention): void; hide(mention: Mention): void }) {}

  add(mention: Mention): void {
    const current = this.shown.get(mention.entity);
    if (current && !before(mention, current)) {
      this.wait(mention);
      return;
    }
    if (current) {
      this.view.hide(current);
      this.wait(current);
    }
    this.shown.set(mention.entity, mention);
    this.view.show(mention);
  }

  remove(mention: Mention): void {
    const others = this.waiting.get(mention.entity);
    if (this.shown.get(mention.entity) !== mention) {
      others?.delete(mention);
      return;
    }
    this.view.hide(mention);
    this.shown.delete(mention.entity);
    let next: Mention | undefined;
    for (const other of others ?? []) if (!next || before(other, next)) next = other;
    if (!next) return;
    others!.delete(next);
    this.shown.set(next.entity, next);
    this.view.show(next);
  }

  isShown(mention: Mention): boolean {
    return this.shown.get(mention.entity) === mention;
  }

  private wait(mention: Mention): void {
    const others = this.waiting.get(mention.entity);
    if (others) others.add(mention);
    else this.waiting.set(mention.entity, new Set([mention]));
  }
}
