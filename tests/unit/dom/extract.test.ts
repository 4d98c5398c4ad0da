// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  BlockWalker,
  extractBlocks,
  isBlockSeparator,
  isInSkippedSubtree,
  isSkipped,
  locate,
  type TextBlock,
} from '../../../lib/dom/extract';

/** The texts of the blocks extracted from a body with this markup. */
function blocksOf(html: string): string[] {
  document.body.innerHTML = html;
  return extractBlocks(document.body).map((block) => block.text);
}

describe('extraction joins inline elements and separates blocks', () => {
  it.each<[string, string, string[]]>([
    [
      'joins a name split across a link ("<a>Antony</a> Blinken")',
      '<p><a href="#">Antony</a> Blinken spoke.</p>',
      ['Antony Blinken spoke.'],
    ],
    ['joins a possessive after a bold name ("<b>Netanyahu</b>’s")', '<p><b>Netanyahu</b>’s office</p>', ['Netanyahu’s office']],
    ['joins nested inline elements', '<p><span><em>Al</em>-<strong>Shifa</strong></span> Hospital</p>', ['Al-Shifa Hospital']],
    ['joins text across a comment', '<p>Hamas<!-- ad --> said</p>', ['Hamas said']],
    ['separates at <br>', '<p>Antony<br>Blinken</p>', ['Antony', 'Blinken']],
    ['separates paragraphs', '<p>Hamas</p><p>Israel</p>', ['Hamas', 'Israel']],
    ['separates a block nested in a block', '<div>Antony<div>Blinken</div>said</div>', ['Antony', 'Blinken', 'said']],
    [
      'separates list items and table cells',
      '<ul><li>Gaza</li><li>City</li></ul><table><tr><td>Khan</td><td>Younis</td></tr></table>',
      ['Gaza', 'City', 'Khan', 'Younis'],
    ],
    ['separates headings from paragraphs', '<h2>Gaza</h2>City', ['Gaza', 'City']],
    ['drops blocks of white space only', '<p>  </p>\n<p>Hamas</p>\n', ['Hamas']],
    ['joins a word split by a <wbr> line-break opportunity', '<p>Netan<wbr>yahu</p>', ['Netanyahu']],
  ])('%s', (_behaviour, html, expected) => {
    expect(blocksOf(html)).toEqual(expected);
  });
});

describe('white space that only separates blocks', () => {
  /** The text node marked by "|" in the markup (the "|" is removed). */
  function marked(html: string): Text {
    document.body.innerHTML = html.replace('|', '<i id="mark"></i>');
    const mark = document.getElementById('mark')!;
    const text = mark.nextSibling as Text;
    mark.remove();
    return text;
  }

  it.each<[string, string, boolean]>([
    ['a newline between two posts', '<main><article>Hamas</article>|\n  <article>Israel</article></main>', true],
    ['a newline after the last paragraph', '<div><p>Hamas</p>|\n</div>', true],
    ['white space next to a skipped element', '<main><nav>Menu</nav>|  <p>Gaza</p></main>', true],
    ['the space between a name and its bold surname', '<p>Antony|\u0020<b>Blinken</b></p>', false],
    ['a space inside an inline element', '<p><b>Antony|\u0020</b>Blinken</p>', false],
    ['white space before inline text in a block', '<div><p>Hamas</p>|\n<span>Israel</span></div>', false],
    ['a word between blocks', '<div><p>Hamas</p>|and<p>Israel</p></div>', false],
    ['a non-breaking space between blocks (it is text)', '<div><p>Hamas</p>|\u00a0<p>Israel</p></div>', false],
  ])('%s', (_behaviour, html, expected) => {
    expect(isBlockSeparator(marked(html))).toBe(expected);
  });
});

describe('extraction skips what is not article text', () => {
  it.each<[string, string]>([
    ['skips nav', '<nav>Hamas</nav>'],
    ['skips an element with role="navigation"', '<div role="navigation">Hamas</div>'],
    ['skips the page header', '<header>Hamas</header>'],
    ['skips a banner landmark', '<div role="banner">Hamas</div>'],
    ['skips footer', '<footer>Hamas</footer>'],
    ['skips a content-info landmark', '<div role="contentinfo">Hamas</div>'],
    ['skips aside', '<aside>Hamas</aside>'],
    ['skips a complementary landmark', '<div role="complementary">Hamas</div>'],
    ['skips forms', '<form><label>Hamas</label></form>'],
    ['skips textarea', '<textarea>Hamas</textarea>'],
    ['skips select and its options', '<select><option>Hamas</option></select>'],
    ['skips buttons', '<button>Hamas</button>'],
    ['skips contenteditable', '<div contenteditable="true">Hamas</div>'],
    ['skips contenteditable with an empty value', '<div contenteditable>Hamas</div>'],
    ['skips contenteditable plaintext-only', '<div contenteditable="plaintext-only">Hamas</div>'],
    ['skips code', '<code>Hamas</code>'],
    ['skips pre', '<pre>Hamas</pre>'],
    ['skips script', '<script>var Hamas = 1;</script>'],
    ['skips style', '<style>.Hamas { color: red }</style>'],
    ['skips noscript', '<noscript>Hamas</noscript>'],
    ['skips template', '<template>Hamas</template>'],
    ['skips hidden content', '<div hidden>Hamas</div>'],
    ['skips aria-hidden content', '<div aria-hidden="true">Hamas</div>'],
    ['skips inline hidden content', '<p><span hidden>Hamas</span></p>'],
    ['skips svg text', '<svg><text>Hamas</text></svg>'],
    ['skips Backstory’s own UI', '<div data-backstory-ui>Hamas</div>'],
    ['skips everything inside a skipped element', '<nav><div><p><b>Hamas</b></p></div></nav>'],
  ])('%s', (_behaviour, html) => {
    expect(blocksOf(`${html}<p>Israel</p>`)).toEqual(['Israel']);
  });

  it.each<[string, string, string[]]>([
    ['keeps an article’s own header', '<article><header><h1>Hamas</h1></header><p>Israel</p></article>', ['Hamas', 'Israel']],
    ['keeps a header inside main', '<main><header>Hamas</header></main>', ['Hamas']],
    ['keeps a header inside a section of the main content', '<main><section><header>Hamas</header></section></main>', ['Hamas']],
    ['skips a header inside a section outside the main content', '<section><header>Hamas</header><p>Israel</p></section>', ['Israel']],
    ['keeps contenteditable="false"', '<div contenteditable="false">Hamas</div>', ['Hamas']],
    ['keeps aria-hidden="false"', '<div aria-hidden="false">Hamas</div>', ['Hamas']],
    [
      'keeps the text on both sides of a skipped inline element apart',
      '<p>Antony <button>Share</button> Blinken</p>',
      ['Antony ', ' Blinken'],
    ],
  ])('%s', (_behaviour, html, expected) => {
    expect(blocksOf(html)).toEqual(expected);
  });
});

describe('extraction from a document whose tag names are lower case (XHTML served as XML)', () => {
  it('separates blocks and skips chrome', () => {
    const xml = '<html><body><nav>menu</nav><p>Antony <a>Blinken</a></p><p>Hamas</p><script>x</script></body></html>';
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const body = doc.getElementsByTagName('body')[0]!;
    expect(body.tagName).toBe('body');
    expect(extractBlocks(body).map((block) => block.text)).toEqual(['Antony Blinken', 'Hamas']);
  });
});

describe('isSkipped and isInSkippedSubtree', () => {
  it('tells a skipped element from a kept one', () => {
    document.body.innerHTML = '<nav id="n">x</nav><p id="p">y</p>';
    expect(isSkipped(document.getElementById('n')!)).toBe(true);
    expect(isSkipped(document.getElementById('p')!)).toBe(false);
  });

  it('finds a skipped ancestor of a text node', () => {
    document.body.innerHTML = '<aside><p><b id="b">Hamas</b></p></aside><p id="p">Israel</p>';
    expect(isInSkippedSubtree(document.getElementById('b')!.firstChild!)).toBe(true);
    expect(isInSkippedSubtree(document.getElementById('p')!.firstChild!)).toBe(false);
  });

  it('stops looking at the given root', () => {
    document.body.innerHTML = '<aside id="a"><p id="p">Hamas</p></aside>';
    const aside = document.getElementById('a')!;
    expect(isInSkippedSubtree(document.getElementById('p')!, aside)).toBe(false);
  });
});

describe('BlockWalker', () => {
  const page = '<h1>Gaza</h1><p>Antony <a>Blinken</a> spoke.</p><nav>menu</nav><ul><li>Hamas</li><li>Israel<br>Egypt</li></ul><p>Qatar</p>';

  it('gives the same blocks read in small steps as read at once', () => {
    document.body.innerHTML = page;
    const atOnce = extractBlocks(document.body).map((block) => block.text);
    const walker = new BlockWalker(document.body);
    const stepped: string[] = [];
    while (!walker.done) stepped.push(...walker.step(2).map((block) => block.text));
    expect(stepped).toEqual(atOnce);
    expect(atOnce).toEqual(['Gaza', 'Antony Blinken spoke.', 'Hamas', 'Israel', 'Egypt', 'Qatar']);
  });

  it('reads only inside its root', () => {
    document.body.innerHTML = '<p>Hamas</p><p id="p">Antony <b>Blinken</b></p><p>Israel</p>';
    expect(extractBlocks(document.getElementById('p')!).map((block) => block.text)).toEqual(['Antony Blinken']);
  });

  it('reads a text node given as its root', () => {
    document.body.innerHTML = '<p id="p">Hamas said</p>';
    expect(extractBlocks(document.getElementById('p')!.firstChild!).map((block) => block.text)).toEqual(['Hamas said']);
  });
});

describe('locate maps offsets back to text nodes', () => {
  function blockOf(html: string): TextBlock {
    document.body.innerHTML = html;
    return extractBlocks(document.body)[0]!;
  }

  it('maps every offset to the node and position of the same character', () => {
    const block = blockOf('<p>US <a>Secretary</a> <b>Antony</b> Blinken’s <i>trip</i></p>');
    for (let offset = 0; offset < block.text.length; offset++) {
      const { node, offset: inNode } = locate(block, offset, false);
      expect(node.data[inNode]).toBe(block.text[offset]);
    }
  });

  it('starts a range at a node boundary in the next node', () => {
    const block = blockOf('<p><a>Antony</a> Blinken</p>');
    const from = locate(block, 6, false);
    expect([from.node.data, from.offset]).toEqual([' Blinken', 0]);
  });

  it('ends a range at a node boundary in the previous node', () => {
    const block = blockOf('<p><b>Netanyahu</b>’s office</p>');
    const to = locate(block, 9, true);
    expect([to.node.data, to.offset]).toEqual(['Netanyahu', 9]);
  });

  it('maps a mention that spans two nodes ("<a>Antony</a> Blinken")', () => {
    const block = blockOf('<p>Then <a>Antony</a> Blinken spoke</p>');
    const start = block.text.indexOf('Antony');
    const end = start + 'Antony Blinken'.length;
    const from = locate(block, start, false);
    const to = locate(block, end, true);
    expect([from.node.data, from.offset]).toEqual(['Antony', 0]);
    expect([to.node.data, to.offset]).toEqual([' Blinken spoke', 8]);
  });

  it('maps the very start and the very end of a block', () => {
    const block = blockOf('<p><b>Hamas</b> said</p>');
    expect(locate(block, 0, false)).toEqual({ node: block.nodes[0], offset: 0 });
    expect(locate(block, block.text.length, true)).toEqual({ node: block.nodes[1], offset: 5 });
  });

  it('skips empty text nodes', () => {
    document.body.innerHTML = '<p id="p"></p>';
    const p = document.getElementById('p')!;
    p.append(document.createTextNode('Ha'), document.createTextNode(''), document.createTextNode('mas'));
    const block = extractBlocks(document.body)[0]!;
    expect(block.nodes.map((node) => node.data)).toEqual(['Ha', 'mas']);
    expect(locate(block, 2, false)).toEqual({ node: block.nodes[1], offset: 0 });
  });
});
