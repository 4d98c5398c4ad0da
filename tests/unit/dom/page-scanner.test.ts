// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import {
  CHUNK_BUDGET_MS,
  localMatches,
  PageScanner,
  type MatchSource,
  type MentionRange,
  type ScannerHost,
} from '../../../lib/dom/page-scanner';
import { createMatcher, type Matcher, type RawMatch } from '../../../lib/match/matcher';
import { compileSnapshot } from '../../../lib/match/snapshot';
import type { Entity } from '../../../lib/schema/dataset';
import { WORLD, ctx, event } from '../match/world';

/**
 * A scanner over happy-dom with a host that runs scheduled passes on demand and keeps the
 * "highlights" as plain lists, so a test can read what is marked and how often. `hostChanges`
 * replaces parts of that host (a fake clock, for instance); `abort` ends the scanner's page session.
 */
function setUp(
  html: string,
  hostChanges: Partial<ScannerHost> = {},
  world: Entity[] = WORLD,
  sourceFor: (matcher: Matcher) => MatchSource = localMatches,
) {
  document.body.innerHTML = html;
  const tasks: Array<() => void> = [];
  const highlighted: MentionRange[] = [];
  let passes = 0;
  const host: ScannerHost = {
    schedule: (work) => void tasks.push(work),
    now: () => performance.now(),
    measure: () => void passes++,
    addHighlight: (_kind, range) => void highlighted.push(range),
    removeHighlight: (_kind, range) => {
      const at = highlighted.indexOf(range);
      if (at >= 0) highlighted.splice(at, 1);
    },
    ...hostChanges,
  };
  const session = new AbortController();
  const matcher = createMatcher(compileSnapshot('test', world));
  const scanner = new PageScanner(sourceFor(matcher), host, session.signal);
  const run = () => {
    while (tasks.length) tasks.shift()!();
  };
  /** The marked texts in document order, as "text→entity-id". */
  const marked = () =>
    [...scanner.mentions]
      .map((mention) => {
        const { startContainer, startOffset, endContainer, endOffset } = mention.range;
        const range = document.createRange();
        range.setStart(startContainer, startOffset);
        range.setEnd(endContainer, endOffset);
        return { range, label: `${range.toString()}→${scanner.entityOf(mention).id}` };
      })
      .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range))
      .map((m) => m.label);
  return { scanner, matcher, run, marked, highlighted, passes: () => passes, pending: () => tasks.length, abort: () => session.abort() };
}

describe('page scanner', () => {
  it('marks every mention once, across blocks and inline elements', () => {
    const page = setUp('<p>Antony <b>Blinken</b> met Benjamin Netanyahu.</p><p>Hamas answered.</p>');
    page.scanner.enqueue(document.body);
    page.run();
    expect(page.marked()).toEqual(['Antony Blinken→antony-blinken', 'Benjamin Netanyahu→benjamin-netanyahu', 'Hamas→hamas']);
    expect(page.highlighted).toHaveLength(3);
    expect(page.passes()).toBeGreaterThan(0);
  });

  it('links a bare surname read before the full name once the full name appears later on the page', () => {
    const page = setUp('<p>Austin spoke first.</p><p>Later, Lloyd Austin said more.</p>');
    page.scanner.enqueue(document.body);
    page.run();
    expect(page.marked()).toEqual(['Austin→lloyd-austin', 'Lloyd Austin→lloyd-austin']);
  });

  it('leaves a bare surname alone when nothing on the page gives it context', () => {
    const page = setUp('<p>Austin is a city in Texas.</p><p>Hamas answered.</p>');
    page.scanner.enqueue(document.body);
    page.run();
    expect(page.marked()).toEqual(['Hamas→hamas']);
  });

  it('links a waiting surname when a later change to the page names the person', () => {
    const page = setUp('<p id="a">Austin spoke first.</p>');
    page.scanner.enqueue(document.body);
    page.run();
    expect(page.marked()).toEqual([]);
    const added = document.createElement('p');
    added.textContent = 'Lloyd Austin arrived.';
    document.body.append(added);
    page.scanner.enqueue(added);
    page.run();
    expect(page.marked()).toEqual(['Austin→lloyd-austin', 'Lloyd Austin→lloyd-austin']);
  });

  it('links the places of a live page once a later update puts the page on topic', () => {
    const page = setUp('<p>Iran and Israel spoke first.</p>');
    page.scanner.enqueue(document.body);
    page.run();
    expect(page.marked()).toEqual([]);
    const added = document.createElement('p');
    added.textContent = 'Hamas answered.';
    document.body.append(added);
    page.scanner.enqueue(added);
    page.run();
    expect(page.marked()).toEqual(['Iran→iran', 'Israel→israel', 'Hamas→hamas']);
    expect(page.highlighted).toHaveLength(3);
  });

  it('does not link a waiting surname whose text was replaced before the context arrived', () => {
    const page = setUp('<p id="a">Austin spoke first.</p>');
    page.scanner.enqueue(document.body);
    page.run();
    const paragraph = document.getElementById('a')!;
    paragraph.firstChild!.textContent = 'Someone spoke first.';
    page.scanner.enqueue(paragraph);
    page.run();
    const added = document.createElement('p');
    added.textContent = 'Lloyd Austin arrived.';
    document.body.append(added);
    page.scanner.enqueue(added);
    page.run();
    expect(page.marked()).toEqual(['Lloyd Austin→lloyd-austin']);
  });

  it('rescanning a block replaces its mentions instead of adding them twice', () => {
    const page = setUp('<p id="a">Hamas and Israel.</p>');
    page.scanner.enqueue(document.body);
    page.run();
    const paragraph = document.getElementById('a')!;
    page.scanner.enqueue(paragraph);
    page.scanner.enqueue(paragraph);
    page.run();
    expect(page.marked()).toEqual(['Hamas→hamas', 'Israel→israel']);
    expect(page.highlighted).toHaveLength(2);
  });

  it('reads a subtree once however often it is queued, inside a queued root or around one', () => {
    const page = setUp('<div id="d"><p id="a">Hamas and Israel.</p><p>US Congress.</p></div>');
    const matcher = page.matcher;
    const read: string[] = [];
    const findMatches = matcher.findMatches.bind(matcher);
    matcher.findMatches = (text: string) => (read.push(text), findMatches(text));
    // A page that adds many nodes to one container in one change: each queues the container.
    for (let i = 0; i < 5; i++) page.scanner.enqueue(document.body);
    page.scanner.enqueue(document.getElementById('a')!);
    page.run();
    expect(read).toEqual(['Hamas and Israel.', 'US Congress.']);

    // A paragraph queued before its container is read with the container, not twice.
    read.length = 0;
    page.scanner.enqueue(document.getElementById('a')!);
    page.scanner.enqueue(document.getElementById('d')!);
    page.run();
    expect(read).toEqual(['Hamas and Israel.', 'US Congress.']);
    expect(page.marked()).toEqual(['Hamas→hamas', 'Israel→israel', 'US Congress→us-congress', 'US→united-states']);
  });

  it('splits a long page into passes of about the budget, reading the clock only every few short blocks', () => {
    const passes: number[] = [];
    let clock = 0;
    let clockReads = 0;
    const page = setUp(Array.from({ length: 60 }, (_, i) => `<p>Hamas said ${i}.</p>`).join(''), {
      now: () => (clockReads++, clock),
      measure: (start, end) => void passes.push(end - start),
    });
    const findMatches = page.matcher.findMatches.bind(page.matcher);
    // Every block takes half a millisecond of the fake clock.
    page.matcher.findMatches = (text: string) => ((clock += 0.5), findMatches(text));
    page.scanner.enqueue(document.body);
    page.run();
    expect(page.scanner.mentions.size).toBe(60);
    expect(passes.length).toBeGreaterThanOrEqual(3);
    // Short blocks: the clock is read about once per ten blocks, so a pass may run a few blocks over.
    for (const pass of passes) expect(pass).toBeLessThanOrEqual(CHUNK_BUDGET_MS + 10 * 0.5);
    expect(clockReads).toBeLessThan(60 / 3);
  });

  it('drops the mentions inside a subtree on request, and nothing outside it', () => {
    const page = setUp('<div id="d"><p>Hamas and Israel.</p></div><p>US Congress.</p>');
    page.scanner.enqueue(document.body);
    page.run();
    page.scanner.dropWithin(document.getElementById('d')!);
    expect(page.marked()).toEqual(['US Congress→us-congress', 'US→united-states']);
    expect(page.highlighted).toHaveLength(2);
  });

  it('drops the mentions of text that left the page', () => {
    const page = setUp('<p id="a">Hamas and Israel.</p><p>US Congress.</p>');
    page.scanner.enqueue(document.body);
    page.run();
    document.getElementById('a')!.remove();
    page.scanner.sweepDisconnected();
    expect(page.marked()).toEqual(['US Congress→us-congress', 'US→united-states']);
    expect(page.highlighted).toHaveLength(2);
  });

  it('marks a name inside a longer name as nested, pointing to the longer one', () => {
    const world = [...WORLD, event('gaza-offensive', 'Gaza offensive', '2023-10-27', ['Gaza offensive'])];
    const nested: string[] = [];
    const page = setUp(
      '<p>Hamas answered.</p><p>The Gaza offensive went on.</p>',
      { addHighlight: (_kind, range, isNested) => void (isNested && nested.push(`${range.startOffset}`)) },
      world,
    );
    page.scanner.enqueue(document.body);
    page.run();
    expect(page.marked()).toEqual(['Hamas→hamas', 'Gaza offensive→gaza-offensive', 'Gaza→gaza-strip']);
    const inner = [...page.scanner.mentions].find((mention) => page.scanner.entityOf(mention).id === 'gaza-strip')!;
    expect(page.scanner.entities[inner.outer!]!.id).toBe('gaza-offensive');
    expect(nested).toEqual(['4']);
  });

  it('makes a name nested once the longer name around it links later, and draws it as nested', () => {
    const world = [...WORLD, event('gaza-offensive', 'Gaza offensive', '2023-10-27', ['Gaza offensive', ctx('ground operation in Gaza')])];
    const drawn: string[] = [];
    const page = setUp(
      '<p>Hamas answered.</p><p>A ground operation in Gaza was feared.</p>',
      {
        addHighlight: (_kind, range, isNested) => void drawn.push(`+${range.startOffset}${isNested ? ' nested' : ''}`),
        removeHighlight: (_kind, range) => void drawn.push(`-${range.startOffset}`),
      },
      world,
    );
    page.scanner.enqueue(document.body);
    page.run();
    const inner = () => [...page.scanner.mentions].find((mention) => page.scanner.entityOf(mention).id === 'gaza-strip')!;
    expect(inner().outer).toBeUndefined();
    expect(drawn).toEqual(['+0', '+22']);

    const added = document.createElement('p');
    added.textContent = 'The Gaza offensive began.';
    document.body.append(added);
    page.scanner.enqueue(added);
    page.run();
    expect(page.scanner.entities[inner().outer!]!.id).toBe('gaza-offensive');
    // The longer name is drawn, the inner one moved to the nested highlight.
    expect(drawn.slice(2)).toEqual(expect.arrayContaining(['+2', '-22', '+22 nested']));
  });

  it('stops when its signal aborts: every highlight removed and no more work', () => {
    const page = setUp('<p>Hamas and Israel.</p>');
    page.scanner.enqueue(document.body);
    page.run();
    page.abort();
    page.scanner.enqueue(document.body);
    page.run();
    expect(page.highlighted).toHaveLength(0);
    expect(page.scanner.mentions.size).toBe(0);
  });

  it('does nothing in a pass scheduled before its signal aborted, and schedules no more', () => {
    const page = setUp(Array.from({ length: 40 }, (_, i) => `<p>Hamas said ${i}.</p>`).join(''));
    page.scanner.enqueue(document.body);
    expect(page.pending()).toBe(1);
    page.abort();
    page.run();
    expect(page.passes()).toBe(0);
    expect(page.pending()).toBe(0);
    expect(page.highlighted).toHaveLength(0);
  });
});

/**
 * A background that answers when the test says: every question waits in `questions` until it is
 * answered (with the matcher's own answer) or failed.
 */
function remote(batchChars = 10_000) {
  const questions: Array<{ texts: readonly string[]; answer(): void; fail(): void }> = [];
  const sourceFor = (matcher: Matcher): MatchSource => ({
    entities: matcher.snapshot.entities,
    batchChars,
    match: (texts) =>
      new Promise<RawMatch[][]>((resolve, reject) => {
        questions.push({
          texts,
          answer: () => resolve(texts.map((text) => matcher.findMatches(text))),
          fail: () => reject(new Error('worker stopped')),
        });
      }),
  });
  return { questions, sourceFor };
}

/** Lets promise callbacks run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('page scanner with the background matching', () => {
  it('asks about the blocks in one batch and marks them when the answer comes', async () => {
    const background = remote();
    const page = setUp('<p>Antony Blinken met Hamas.</p><p>Israel replied.</p>', {}, WORLD, background.sourceFor);
    page.scanner.enqueue(document.body);
    page.run();
    expect(background.questions.map((q) => q.texts)).toEqual([['Antony Blinken met Hamas.', 'Israel replied.']]);
    expect(page.marked()).toEqual([]);
    expect(page.scanner.idle).toBe(false);
    background.questions[0]!.answer();
    await flush();
    page.run();
    expect(page.marked()).toEqual(['Antony Blinken→antony-blinken', 'Hamas→hamas', 'Israel→israel']);
    expect(page.scanner.idle).toBe(true);
  });

  it('runs its first pass and the pass after each answer soon, and every other pass in idle time', async () => {
    const background = remote();
    const soon: boolean[] = [];
    const tasks: Array<() => void> = [];
    const page = setUp(
      '<p>Antony Blinken met Hamas.</p><p>Israel replied.</p>',
      {
        schedule: (work, now) => {
          soon.push(now === true);
          tasks.push(work);
        },
      },
      WORLD,
      background.sourceFor,
    );
    const run = () => {
      while (tasks.length) tasks.shift()!();
    };
    page.scanner.enqueue(document.body);
    run();
    expect(soon).toEqual([true]);
    background.questions[0]!.answer();
    await flush();
    run();
    expect(soon).toEqual([true, true]);
    expect(page.marked()).toEqual(['Antony Blinken→antony-blinken', 'Hamas→hamas', 'Israel→israel']);
    // A later change waits for an idle moment.
    document.querySelector('p')!.append(' Qatar too.');
    page.scanner.enqueue(document.querySelector('p')!);
    expect(soon).toEqual([true, true, false]);
  });

  it('asks again when the background did not answer, and loses nothing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const background = remote();
      const page = setUp('<p>Hamas answered.</p>', {}, WORLD, background.sourceFor);
      page.scanner.enqueue(document.body);
      page.run();
      background.questions[0]!.fail();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(background.questions).toHaveLength(2);
      expect(background.questions[1]!.texts).toEqual(['Hamas answered.']);
      background.questions[1]!.answer();
      await vi.advanceTimersByTimeAsync(0);
      page.run();
      expect(page.marked()).toEqual(['Hamas→hamas']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not apply an answer to a block the page changed meanwhile, and reads the new text instead', async () => {
    const background = remote();
    const page = setUp('<p id="a">Hamas answered.</p>', {}, WORLD, background.sourceFor);
    page.scanner.enqueue(document.body);
    page.run();
    const paragraph = document.getElementById('a')!;
    paragraph.firstChild!.textContent = 'Antony Blinken answered at length.';
    page.scanner.enqueue(paragraph);
    background.questions[0]!.answer();
    await flush();
    page.run();
    expect(page.marked()).toEqual([]);
    expect(background.questions[1]!.texts).toEqual(['Antony Blinken answered at length.']);
    background.questions[1]!.answer();
    await flush();
    page.run();
    expect(page.marked()).toEqual(['Antony Blinken→antony-blinken']);
  });

  it('keeps one question at a time and stops reading while the next batch is full', async () => {
    const background = remote(30);
    const page = setUp(Array.from({ length: 12 }, (_, i) => `<p>Hamas said ${i} things.</p>`).join(''), {}, WORLD, background.sourceFor);
    page.scanner.enqueue(document.body);
    page.run();
    expect(background.questions).toHaveLength(1);
    for (let i = 0; i < 20 && background.questions.some((q) => q); i++) {
      background.questions.shift()?.answer();
      await flush();
      page.run();
    }
    expect(page.scanner.mentions.size).toBe(12);
  });

  it('ignores an answer that comes after its signal aborted', async () => {
    const background = remote();
    const page = setUp('<p>Hamas answered.</p>', {}, WORLD, background.sourceFor);
    page.scanner.enqueue(document.body);
    page.run();
    page.abort();
    background.questions[0]!.answer();
    await flush();
    page.run();
    expect(page.highlighted).toHaveLength(0);
    expect(page.scanner.mentions.size).toBe(0);
  });
});
