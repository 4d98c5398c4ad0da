// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { FirstMentions } from '../../../entrypoints/news.content/first-mentions';
import type { Mention } from '../../../lib/dom/page-scanner';

/** Mentions at the given offsets of one text node: "a" names entity 1 twice and entity 2 once. */
function setUp() {
  document.body.innerHTML = '<p>Hamas said. Qatar said. Hamas again. Hamas once more.</p>';
  const text = document.body.firstChild!.firstChild as Text;
  const at = (entity: number, start: number): Mention => ({
    entity,
    range: { startContainer: text, startOffset: start, endContainer: text, endOffset: start + 5 },
    nodes: [text],
  });
  const shown = new Set<Mention>();
  const first = new FirstMentions({ show: (m) => void shown.add(m), hide: (m) => void shown.delete(m) });
  return { first, shown, at };
}

describe('only the first mention of each entity', () => {
  it('shows the first of each entity and keeps the others hidden', () => {
    const { first, shown, at } = setUp();
    const [hamas1, qatar, hamas2] = [at(1, 0), at(2, 12), at(1, 24)];
    for (const mention of [hamas1, qatar, hamas2]) first.add(mention);
    expect([...shown]).toEqual([hamas1, qatar]);
    expect(first.isShown(hamas2)).toBe(false);
  });

  it('moves the mark to an earlier mention that arrives later (a post added above)', () => {
    const { first, shown, at } = setUp();
    const [early, late] = [at(1, 0), at(1, 24)];
    first.add(late);
    first.add(early);
    expect([...shown]).toEqual([early]);
  });

  it('hands the mark to the next mention when the first leaves the page, and to none when all do', () => {
    const { first, shown, at } = setUp();
    const [one, two, three] = [at(1, 0), at(1, 37), at(1, 24)];
    for (const mention of [one, two, three]) first.add(mention);
    first.remove(one);
    expect([...shown]).toEqual([three]);
    first.remove(two);
    expect([...shown]).toEqual([three]);
    first.remove(three);
    expect([...shown]).toEqual([]);
  });
});
