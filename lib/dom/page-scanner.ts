import { PageContext, linkedOuter, type GateEntities, type GateOptions } from '../match/gate';
import type { Matcher, RawMatch } from '../match/matcher';
import type { SnapshotEntity } from '../match/snapshot';
import type { EntityKind } from '../schema/kinds';
import { BlockWalker, locate, type TextBlock } from './extract';

/**
 * Where the scanner's matches come from. In the extension, the background matches (the content
 * script holds no matcher tables: see entrypoints/news.content/remote-matches.ts); the scan tool, the
 * bench's standalone engine and the unit tests match in place with `localMatches`.
 */
export interface MatchSource extends GateEntities {
  /** The entities matches refer to, by index. The table may grow as answers arrive. */
  readonly entities: readonly SnapshotEntity[];
  /** Matches for each text: at once, or when the background answers. */
  match(texts: readonly string[]): RawMatch[][] | Promise<RawMatch[][]>;
  /** Text to gather before asking (0: ask block by block, as a matcher in place answers at once). */
  readonly batchChars: number;
}

/** Matching in place, with the matcher itself. */
export function localMatches(matcher: Matcher): MatchSource {
  return {
    entities: matcher.snapshot.entities,
    match: (texts) => texts.map((text) => matcher.findMatches(text)),
    batchChars: 0,
  };
}

/**
 * Where a mention is: the page's own text nodes and offsets. A plain object: the browser's
 * StaticRange is made only for the few mentions painted near the viewport (see HighlightWindow).
 */
export interface MentionRange {
  readonly startContainer: Text;
  readonly startOffset: number;
  readonly endContainer: Text;
  readonly endOffset: number;
}

/** One mention on the page: where it is and which entity (index into the snapshot) it names. */
export interface Mention {
  entity: number;
  range: MentionRange;
  /** The text nodes it covers (one unless the name spans inline elements). */
  nodes: Text[];
  /**
   * For a name inside a longer linked name ("Rafah" in "Rafah offensive"): the entity (index into
   * the snapshot) of the nearest linked name that contains it. Absent for a mention no other holds.
   */
  outer?: number;
  /** Set when the alias that matched needs context (a bare surname, a date): the card says so. */
  needsContext?: true;
}

/** What the scanner needs from the browser, passed in so the scanner can run against any DOM. */
export interface ScannerHost {
  /**
   * Schedules `work` when the main thread is idle (requestIdleCallback, or a timeout fallback); with
   * `soon`, in a task of its own without waiting for an idle moment: the page's first pass, and the
   * pass that applies an answer from the background, which the page's highlights wait for.
   */
  schedule(work: () => void, soon?: boolean): void;
  now(): number;
  /** Records one synchronous scan pass (performance.measure('backstory:scan', …)). */
  measure(start: number, end: number): void;
  /** Adds/removes ranges from the highlight for a kind (`nested`: a name inside a longer one, drawn apart). */
  addHighlight(kind: EntityKind, range: MentionRange, nested: boolean, mention: Mention): void;
  removeHighlight(kind: EntityKind, range: MentionRange, mention: Mention): void;
  /** Called after every pass that changed the set of mentions. */
  onChange?(): void;
}

export const CHUNK_BUDGET_MS = 6;
/**
 * Most mentions kept for one page. Only those near the viewport are painted (see the content
 * script's HighlightWindow), but each costs memory and an observed element, so past this point
 * Backstory stops marking rather than slowing the page down. No article or live page comes close.
 */
export const MAX_MENTIONS = 20_000;
const NODES_PER_STEP = 150;
/** NodeFilter.SHOW_TEXT. */
const SHOW_TEXT = 0x4;
/**
 * The chunk budget is checked after about this much text (a block counts BLOCK_CHARS on top of its
 * length): on a 1 MB page, reading the clock before every block took 5 % of the scan.
 */
const CLOCK_EVERY_CHARS = 1_500;
const BLOCK_CHARS = 150;

/** A block's matches (a name, then the names inside it) and the mention each has linked to, if any. */
interface BlockMatches {
  block: TextBlock;
  matches: RawMatch[];
  /** Per match: the entity it links to, or -1. */
  linked: number[];
  mentions: (Mention | undefined)[];
}

interface PendingMatch {
  group: BlockMatches;
  index: number;
}

/** How often a batch is asked again when the background did not answer (its worker stopping, say). */
const RETRIES = 5;
const RETRY_MS = 250;

/**
 * Scans a page incrementally: roots are queued (the body at start, changed blocks later) and read
 * in small slices of idle time. Every slice is one `backstory:scan` measure. A text node's old
 * mentions are dropped whenever it is scanned again, so nothing is ever marked twice. When `signal`
 * aborts, every mention (and so every highlight) is removed and no more work is done.
 */
export class PageScanner {
  readonly context: PageContext;
  private readonly queue: Node[] = [];
  /** The roots in `queue`, for the containment checks that keep one subtree from being queued twice. */
  private readonly queued = new Set<Node>();
  private walker: BlockWalker | null = null;
  /** Blocks read by the walker but not asked about yet. */
  private blocks: TextBlock[] = [];
  /** Blocks gathered for the next question to the match source, and their text length. */
  private outgoing: TextBlock[] = [];
  private outgoingChars = 0;
  /** Set while the source has a question to answer: one at a time, and reading waits when the next is full. */
  private asking = false;
  /** Answers not applied yet, block by block. */
  private answered: Array<{ block: TextBlock; matches: RawMatch[] }> = [];
  private scheduled = false;
  /**
   * Context-needing matches that did not link yet, by the first text node of their block: a block
   * scanned again drops its own at once, whatever the number of others.
   */
  private pending = new Map<Text, PendingMatch[]>();
  /** Set when the page established a new entity: only then can a pending match link. */
  private contextGrew = false;
  /** Set once the first pass ran (that one is scheduled soon: see ScannerHost.schedule). */
  private started = false;
  /** Set once MAX_MENTIONS is reached: no more scanning on this page. */
  saturated = false;
  private readonly byNode = new WeakMap<Text, Mention[]>();
  readonly mentions = new Set<Mention>();

  constructor(
    private readonly source: MatchSource,
    private readonly host: ScannerHost,
    private readonly signal: AbortSignal,
    gate: GateOptions = {},
  ) {
    this.context = new PageContext(source, gate);
    signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /**
   * Queues a subtree for (re)scanning, once: a root already queued, or inside one that is, adds
   * nothing (a page that adds hundreds of nodes to one container in a single change would otherwise
   * have the container rescanned once per node).
   */
  enqueue(root: Node): void {
    if (this.signal.aborted || this.saturated) return;
    if (this.queued.has(root) || this.hasQueuedAncestor(root)) return;
    this.queue.push(root);
    this.queued.add(root);
    this.kick();
  }

  get idle(): boolean {
    return (
      !this.scheduled &&
      !this.asking &&
      this.queue.length === 0 &&
      this.walker === null &&
      this.blocks.length === 0 &&
      this.outgoing.length === 0 &&
      this.answered.length === 0
    );
  }

  /** Mentions covering a text node (for hit-testing). */
  mentionsAt(node: Text): readonly Mention[] {
    return this.byNode.get(node) ?? [];
  }

  /** The entities mentions refer to, by index. */
  get entities(): readonly SnapshotEntity[] {
    return this.source.entities;
  }

  entityOf(mention: Mention): SnapshotEntity {
    return this.source.entities[mention.entity]!;
  }

  /** Drops mentions whose text has left the document. */
  sweepDisconnected(): void {
    for (const mention of this.mentions) {
      if (!mention.nodes.every((node) => node.isConnected)) this.remove(mention);
    }
    this.host.onChange?.();
  }

  /**
   * Drops the mentions (and waiting matches) inside a subtree the page has just hidden or made
   * page chrome (see isSkipped): it is not article text any more. Walks the subtree's text, so a
   * small subtree (a carousel slide toggled every few seconds) costs little on a page of thousands
   * of mentions.
   */
  dropWithin(root: Node): void {
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_TEXT);
    let dropped = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      const found = this.byNode.get(text);
      if (found?.length) {
        for (const mention of [...found]) this.remove(mention);
        dropped = true;
      }
      if (this.pending.size) this.pending.delete(text);
    }
    if (dropped) this.host.onChange?.();
  }

  /** Removes every highlight and drops all work (when the signal aborts). */
  private stop(): void {
    this.queue.length = 0;
    this.queued.clear();
    this.walker = null;
    this.blocks = [];
    this.outgoing = [];
    this.answered = [];
    this.pending.clear();
    for (const mention of [...this.mentions]) this.remove(mention);
  }

  private kick(soon = false): void {
    if (this.scheduled || this.signal.aborted) return;
    this.scheduled = true;
    this.host.schedule(() => {
      this.scheduled = false;
      this.runChunk();
    }, soon || !this.started);
  }

  private runChunk(): void {
    if (this.signal.aborted) return;
    this.started = true;
    const start = this.host.now();
    let changed = false;
    // Text matched since the clock was last read: reading it costs more than matching a short block.
    let unclocked = 0;
    for (;;) {
      if (unclocked >= CLOCK_EVERY_CHARS) {
        if (this.host.now() - start >= CHUNK_BUDGET_MS) break;
        unclocked = 0;
      }
      // Answers are applied one block at a time, so the budget is checked between blocks.
      const done = this.answered.shift();
      if (done) {
        const { block, matches } = done;
        // A block without matches only clears what its nodes had (nothing, on a first scan): that is
        // right even if the page changed it meanwhile, as the change queues it again. One with matches
        // is applied only if its text is still as it was sent.
        if (matches.length ? unchanged(block) : this.mentions.size || this.pending.size) {
          changed = this.scanBlock(block, matches) || changed;
        }
        unclocked += block.text.length + BLOCK_CHARS;
        continue;
      }
      // The next question is full while one is being answered: reading more waits for the answer.
      if (this.asking && this.outgoingChars >= this.source.batchChars) break;
      const block = this.blocks.shift();
      if (block) {
        // The page may have removed the block since it was read.
        if (block.nodes[0]!.isConnected && block.nodes[block.nodes.length - 1]!.isConnected) {
          this.outgoing.push(block);
          this.outgoingChars += block.text.length;
          if (!this.asking && this.outgoingChars >= this.source.batchChars) this.ask();
        }
        continue;
      }
      if (!this.walker) {
        const root = this.queue.shift();
        if (!root) break;
        this.queued.delete(root);
        // Gone, or queued again inside a bigger root later on: that one covers it.
        if (!root.isConnected || this.hasQueuedAncestor(root)) continue;
        this.walker = new BlockWalker(root);
      }
      this.blocks = this.walker.step(NODES_PER_STEP);
      if (this.walker.done) this.walker = null;
      // A walker step reads many nodes: the clock is read before anything else.
      unclocked = CLOCK_EVERY_CHARS;
    }
    if (this.outgoing.length && !this.asking) this.ask();
    if (this.contextGrew) changed = this.resolvePending() || changed;
    this.host.measure(start, this.host.now());
    if (changed) this.host.onChange?.();
    if (this.answered.length || (!this.asking && (this.blocks.length || this.walker || this.queue.length))) this.kick();
  }

  /**
   * Asks the source about the gathered blocks. A source that answers at once (matching in place)
   * leaves the answers for the pass to apply; the background's answer comes in a later task, and
   * the batch is asked again if none comes (its service worker stopped, for instance).
   */
  private ask(): void {
    const batch = this.outgoing;
    this.outgoing = [];
    this.outgoingChars = 0;
    const texts = batch.map((block) => block.text);
    const answer = this.source.match(texts);
    if (Array.isArray(answer)) {
      this.take(batch, answer);
      return;
    }
    this.asking = true;
    void this.awaitAnswer(batch, texts, answer);
  }

  private async awaitAnswer(batch: TextBlock[], texts: string[], first: Promise<RawMatch[][]>): Promise<void> {
    let answer = first;
    for (let attempt = 1; ; attempt++) {
      try {
        const matches = await answer;
        if (!this.signal.aborted) this.take(batch, matches);
        break;
      } catch (error) {
        if (this.signal.aborted || attempt > RETRIES) {
          if (!this.signal.aborted) console.warn('[Backstory] no answer from the background; some text is left unmarked:', error);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS * attempt));
        answer = Promise.resolve(this.source.match(texts));
      }
    }
    this.asking = false;
    this.kick(true);
  }

  private take(batch: readonly TextBlock[], matches: readonly RawMatch[][]): void {
    batch.forEach((block, i) => this.answered.push({ block, matches: matches[i] ?? [] }));
  }

  private hasQueuedAncestor(node: Node): boolean {
    if (!this.queued.size) return false;
    for (let parent = node.parentNode; parent; parent = parent.parentNode) if (this.queued.has(parent)) return true;
    return false;
  }

  private scanBlock(block: TextBlock, matches: RawMatch[]): boolean {
    let changed = false;
    for (const node of block.nodes) {
      const old = this.byNode.get(node);
      if (old) {
        for (const mention of [...old]) this.remove(mention);
        changed = true;
      }
    }
    if (this.pending.size) for (const node of block.nodes) this.pending.delete(node);
    if (!matches.length) return changed;
    if (this.context.establish(matches)) this.contextGrew = true;
    const group: BlockMatches = { block, matches, linked: matches.map(() => -1), mentions: [] };
    let waiting: PendingMatch[] | undefined;
    for (let index = 0; index < matches.length; index++) {
      const entity = this.context.resolve(matches[index]!);
      if (entity >= 0) this.add(group, index, entity);
      else (waiting ??= []).push({ group, index });
    }
    if (waiting) this.pending.set(block.nodes[0]!, waiting);
    return true;
  }

  /**
   * Context-needing matches seen earlier may link now that more entities are established. Runs only
   * after the established set grew, so a page full of unresolvable names costs nothing per pass.
   */
  private resolvePending(): boolean {
    this.contextGrew = false;
    let changed = false;
    for (const [first, items] of this.pending) {
      if (!items[0]!.group.block.nodes.every((node) => node.isConnected)) {
        this.pending.delete(first);
        continue;
      }
      const still = items.filter((item) => {
        const entity = this.context.resolve(item.group.matches[item.index]!);
        if (entity < 0) return true;
        this.add(item.group, item.index, entity);
        changed = true;
        return false;
      });
      if (still.length) this.pending.set(first, still);
      else this.pending.delete(first);
    }
    return changed;
  }

  private add(group: BlockMatches, index: number, entity: number): void {
    if (this.mentions.size >= MAX_MENTIONS) {
      this.saturate();
      return;
    }
    const { block, matches, linked } = group;
    const match = matches[index]!;
    const outer = linkedOuter(matches, linked, index);
    // The name inside is the same entity as the name around it: one mention, not two.
    if (outer >= 0 && linked[outer] === entity) return;
    linked[index] = entity;
    const from = locate(block, match.start, false);
    const to = locate(block, match.end, true);
    const range: MentionRange = { startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset };
    const first = block.nodes.indexOf(from.node);
    const last = block.nodes.indexOf(to.node);
    const mention: Mention = { entity, range, nodes: block.nodes.slice(first, last + 1) };
    if (outer >= 0) mention.outer = linked[outer];
    if (match.needsContext) mention.needsContext = true;
    group.mentions[index] = mention;
    this.mentions.add(mention);
    for (const node of mention.nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(mention);
      else this.byNode.set(node, [mention]);
    }
    this.host.addHighlight(this.entityOf(mention).kind, range, outer >= 0, mention);
    this.adoptInner(group, index);
  }

  /**
   * A name that links after names inside it did (its context came later) becomes their outer
   * name: they are nested now, and drawn as such. The names inside a match follow it in the list.
   */
  private adoptInner(group: BlockMatches, index: number): void {
    const { matches, linked, mentions } = group;
    const end = matches[index]!.end;
    for (let j = index + 1; j < matches.length && matches[j]!.start < end; j++) {
      const inner = mentions[j];
      if (!inner || !this.mentions.has(inner) || linkedOuter(matches, linked, j) !== index) continue;
      const wasNested = inner.outer !== undefined;
      inner.outer = linked[index];
      if (wasNested) continue;
      const kind = this.entityOf(inner).kind;
      this.host.removeHighlight(kind, inner.range, inner);
      this.host.addHighlight(kind, inner.range, true, inner);
    }
  }

  private saturate(): void {
    if (this.saturated) return;
    this.saturated = true;
    this.queue.length = 0;
    this.walker = null;
    this.blocks = [];
    this.pending.clear();
  }

  private remove(mention: Mention): void {
    if (!this.mentions.delete(mention)) return;
    for (const node of mention.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const at = list.indexOf(mention);
      if (at >= 0) list.splice(at, 1);
      if (!list.length) this.byNode.delete(node);
    }
    this.host.removeHighlight(this.entityOf(mention).kind, mention.range, mention);
  }
}

/**
 * Whether a block asked about is still as it was read: connected, and each of its text nodes the
 * same length (read from the block's own offsets, so sending a block reads nothing from the page).
 */
function unchanged({ text, nodes, starts }: TextBlock): boolean {
  return nodes.every((node, i) => node.isConnected && node.data.length === (starts[i + 1] ?? text.length) - starts[i]!);
}
