/**
 * Article text extraction: the page's text, block by block, with the text nodes behind every
 * offset. Inline elements are joined (`<a>Antony</a> Blinken` is one string), block elements and
 * `<br>` separate. Chrome (navigation, forms, code, hidden content) is skipped. Works on any DOM
 * implementation (the scan tool uses a server-side one), so it walks nodes by hand rather than
 * relying on TreeWalker filters.
 */

import { isSpace } from '../text/fold';

export interface TextBlock {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node's data starts. */
  starts: number[];
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Tag names in both cases: HTML documents give upper-case names, but XHTML documents, and SVG or
 * MathML inside HTML, give lower-case ones. Both go in the set so the walk never allocates a name.
 */
function tagSet(names: string[]): Set<string> {
  return new Set(names.flatMap((name) => [name, name.toLowerCase()]));
}

/** Elements whose whole subtree is never article text. */
// prettier-ignore
const SKIP = tagSet([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'FORM',
  'CODE', 'PRE', 'KBD', 'SAMP', 'NAV', 'FOOTER', 'ASIDE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS',
  'VIDEO', 'AUDIO', 'DIALOG', 'MENU', 'HEAD', 'TITLE', 'DATALIST',
]);

/**
 * Attributes that take an element out of the article: hidden, editable, ARIA landmarks that mark page
 * chrome when a site uses plain divs (navigation, banner, footer, sidebar, search), and Backstory's own
 * UI host. One selector, matched natively: cheaper than reading the attributes one by one.
 */
const SKIP_ATTRIBUTES = [
  '[hidden]',
  '[aria-hidden="true"]',
  '[contenteditable]:not([contenteditable="false"])',
  ...['navigation', 'banner', 'contentinfo', 'complementary', 'search'].map((role) => `[role="${role}"]`),
  '[data-backstory-ui]',
].join(',');

/** The attributes SKIP_ATTRIBUTES reads: a change to one may hide or reveal article text. */
export const SKIP_ATTRIBUTE_NAMES = ['hidden', 'aria-hidden', 'contenteditable', 'role'];

/**
 * A header is page chrome unless it heads the content: inside an article or the main element.
 * (Browsers also count a header inside any section as content, but news sites wrap chrome such as
 * site indexes in sections, so a section alone is not enough.)
 */
const CONTENT = 'article, main';

/** Paragraph-like elements: the smallest element around a whole block of text. */
const PARAGRAPH_TAGS = ['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'FIGCAPTION', 'TD', 'TH', 'DD', 'DT'];

/** The same, as a selector for `closest()`: the paragraph a node's text belongs to. */
export const PARAGRAPH_SELECTOR = PARAGRAPH_TAGS.join(', ').toLowerCase();

/** Elements that start a new block of text. Everything else is inline. */
// prettier-ignore
const BLOCK = tagSet([
  ...PARAGRAPH_TAGS,
  'ADDRESS', 'ARTICLE', 'BODY', 'BR', 'CAPTION', 'CENTER', 'DETAILS', 'DIV', 'DL', 'FIELDSET', 'FIGURE', 'HEADER',
  'HGROUP', 'HR', 'LEGEND', 'MAIN', 'OL', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL', 'IMG',
  'PICTURE',
]);

/**
 * Whether a text node is only white space between blocks (indentation between paragraphs, the
 * newline after an inserted post): it joins no words, so adding or changing it changes no mention.
 */
export function isBlockSeparator(text: Text): boolean {
  if (!isBlankText(text.data)) return false;
  const parent = text.parentNode;
  if (parent && parent.nodeType === ELEMENT_NODE && !BLOCK.has((parent as Element).tagName)) return false;
  return separatesBlocks(text.previousSibling) && separatesBlocks(text.nextSibling);
}

function separatesBlocks(sibling: Node | null): boolean {
  if (!sibling) return true;
  if (sibling.nodeType === ELEMENT_NODE) return BLOCK.has((sibling as Element).tagName) || isSkipped(sibling as Element);
  return sibling.nodeType === TEXT_NODE ? isBlankText((sibling as Text).data) : true;
}

/** Only ASCII white space: a non-breaking space is text a page put there on purpose. */
function isBlankText(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    if (code > 0x20 || !isSpace(code)) return false;
  }
  return true;
}

/** Whether an element (and everything in it) is left alone. */
export function isSkipped(element: Element): boolean {
  return isSkippedTag(element, element.tagName);
}

function isSkippedTag(element: Element, tag: string): boolean {
  if (SKIP.has(tag)) return true;
  if ((tag === 'HEADER' || tag === 'header') && !element.parentElement?.closest(CONTENT)) return true;
  return element.hasAttributes() && element.matches(SKIP_ATTRIBUTES);
}

/** True when the node or one of its ancestors up to `root` is skipped. */
export function isInSkippedSubtree(node: Node, root: Node | null = null): boolean {
  for (
    let element = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
    element && element !== root;
    element = element.parentElement
  ) {
    if (isSkipped(element)) return true;
  }
  return false;
}

/** Extracts all text blocks inside `root` at once (root itself is assumed not skipped). */
export function extractBlocks(root: Node): TextBlock[] {
  return new BlockWalker(root).step(Number.POSITIVE_INFINITY);
}

/**
 * A resumable walk over `root`: `step(n)` visits at most n nodes and returns the blocks completed,
 * so a large page can be read in small slices of main-thread time.
 *
 * Every DOM property read from a content script costs a wrapper lookup in its isolated world, so the
 * walk reads each node's links once: a stack remembers which open elements are blocks, instead of
 * reading their tag names again on the way up.
 */
export class BlockWalker {
  private node: Node | null;
  /** For each element the walk is inside (below the root), whether it is a block. */
  private readonly open: boolean[] = [];
  private text = '';
  private nodes: Text[] = [];
  private starts: number[] = [];
  private blocks: TextBlock[] = [];

  constructor(private readonly root: Node) {
    this.node = root.nodeType === TEXT_NODE ? root : root.firstChild;
  }

  get done(): boolean {
    return this.node === null;
  }

  step(maxNodes: number): TextBlock[] {
    let node = this.node;
    let visited = 0;
    while (node !== null && visited < maxNodes) {
      visited++;
      const type = node.nodeType;
      if (type === TEXT_NODE) {
        const data = (node as Text).data;
        if (data.length) {
          this.nodes.push(node as Text);
          this.starts.push(this.text.length);
          this.text += data;
        }
      } else if (type === ELEMENT_NODE) {
        const element = node as Element;
        const tag = element.tagName;
        if (isSkippedTag(element, tag)) this.flush();
        else {
          const block = BLOCK.has(tag);
          if (block) this.flush();
          const child = element.firstChild;
          if (child !== null) {
            this.open.push(block);
            node = child;
            continue;
          }
        }
      }
      node = this.nextAfter(node);
    }
    this.node = node;
    if (node === null) this.flush();
    const completed = this.blocks;
    this.blocks = [];
    return completed;
  }

  /** The next node in document order after a finished subtree, closing blocks on the way up. */
  private nextAfter(done: Node): Node | null {
    if (done === this.root) return null;
    let node: Node | null = done;
    let next = node.nextSibling;
    while (next === null) {
      // Back at the root's children: the walk is over. (A node the page moved meanwhile may end it early.)
      if (this.open.length === 0) return null;
      if (this.open.pop()) this.flush();
      node = node.parentNode;
      if (node === null || node === this.root) return null;
      next = node.nextSibling;
    }
    return next;
  }

  private flush(): void {
    if (this.nodes.length && /\S/.test(this.text)) this.blocks.push({ text: this.text, nodes: this.nodes, starts: this.starts });
    this.text = '';
    this.nodes = [];
    this.starts = [];
  }
}

/** The text node and offset in it for an offset into a block's text. */
export function locate(block: TextBlock, offset: number, preferEnd: boolean): { node: Text; offset: number } {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid]!;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo]!, offset: offset - starts[lo]! };
}
