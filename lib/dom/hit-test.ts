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

/**
 * The mention under a point, if the point is really over its text (not just nearest to it). Over a
 * name inside a longer name, the innermost: the pointer on "Rafah" in "Rafah offensive" is on Rafah.
 */
export function mentionAtPoint(
  scanner: PageScanner,
  doc: Document,
  x: number,
  y: number,
  shown: (mention: Mention) => boolean = always,
): Mention | null {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  const node = caret.node as Text;
  let found: Mention | null = null;
  for (const mention of scanner.mentionsAt(node)) {
    if (!shown(mention) || !covers(mention, node, caret.offset) || (found && !inside(mention, found))) continue;
    if (isUnder(doc, mention, x, y)) found = mention;
  }
  return found;
}

/** The mention containing a selection or caret (for the keyboard command): the innermost one. */
export function mentionAtSelection(
  scanner: PageScanner,
  selection: Selection | null,
  shown: (mention: Mention) => boolean = always,
): Mention | null {
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const node = range.startContainer;
  if (node.nodeType !== 3) return null;
  let found: Mention | null = null;
  for (const mention of scanner.mentionsAt(node as Text)) {
    if (shown(mention) && covers(mention, node, range.startOffset) && (!found || inside(mention, found))) found = mention;
  }
  return found;
}

/** Every mention is on show unless the reader chose to see only the first of each entity. */
const always = () => true;

function covers(mention: Mention, node: Node, offset: number): boolean {
  const { startContainer, startOffset, endContainer, endOffset } = mention.range;
  if (node === startContainer && offset < startOffset) return false;
  if (node === endContainer && offset > endOffset) return false;
  return true;
}

function isUnder(doc: Document, mention: Mention, x: number, y: number): boolean {
  for (const rect of Array.from(liveRange(doc, mention).getClientRects())) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/**
 * Whether `a` lies within `b`. Two mentions over one point never cross (the matcher resolves
 * crossing names), so one holds the other: the one that starts later, or ends sooner, is inside.
 */
function inside(a: Mention, b: Mention): boolean {
  const start = compareBoundary(a.range.startContainer, a.range.startOffset, b.range.startContainer, b.range.startOffset);
  if (start !== 0) return start > 0;
  return compareBoundary(a.range.endContainer, a.range.endOffset, b.range.endContainer, b.range.endOffset) < 0;
}

function compareBoundary(nodeA: Node, offsetA: number, nodeB: Node, offsetB: number): number {
  if (nodeA === nodeB) return offsetA - offsetB;
  // 4: Node.DOCUMENT_POSITION_FOLLOWING (the constant, so this runs without a DOM global).
  return nodeA.compareDocumentPosition(nodeB) & 4 ? -1 : 1;
}
