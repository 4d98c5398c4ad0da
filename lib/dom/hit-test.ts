import type { Mention, PageScanner } from './page-scanner';

/** The caret position under a point, using the standard API where the browser has it. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const standard = (doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null })
    .caretPositionFromPoint;
  if (typeof standard === 'function') {
    const position = standard.call(doc, x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint;
  if (typeof legacy === 'function') {
    const range = legacy.call(doc, x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

export function liveRange(doc: Document, mention: Mention): Range {
  const range = doc.createRange();
  range.setStart(mention.range.startContainer, mention.range.startOffset);
  range.setEnd(mention.range.endContainer, mention.range.endOffset);
  return range;
}

/** The mention under a point, if the point is really over its text (not just nearest to it). */
export function mentionAtPoint(scanner: PageScanner, doc: Document, x: number, y: number): Mention | null {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  const node = caret.node as Text;
  for (const mention of scanner.mentionsAt(node)) {
    const { startContainer, startOffset, endContainer, endOffset } = mention.range;
    if (node === startContainer && caret.offset < startOffset) continue;
    if (node === endContainer && caret.offset > endOffset) continue;
    const rects = liveRange(doc, mention).getClientRects();
    for (const rect of Array.from(rects)) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return mention;
    }
  }
  return null;
}

/** The mention containing a selection or caret (for the keyboard command). */
export function mentionAtSelection(scanner: PageScanner, selection: Selection | null): Mention | null {
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const node = range.startContainer;
  if (node.nodeType !== 3) return null;
  for (const mention of scanner.mentionsAt(node as Text)) {
    const { startContainer, startOffset, endContainer, endOffset } = mention.range;
    if (node === startContainer && range.startOffset < startOffset) continue;
    if (node === endContainer && range.startOffset > endOffset) continue;
    return mention;
  }
  return null;
}
