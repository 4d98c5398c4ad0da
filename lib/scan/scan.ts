import { PageContext, linkedOuter, type GateOptions } from '../match/gate';
import type { Matcher } from '../match/matcher';
import type { EntityKind } from '../schema/dataset';

/** One linked mention, as the scan tool reports it. */
export interface ScanMention {
  /** The page's own text of the mention. */
  text: string;
  /** UTF-16 offsets into the page's extracted text (see `extractedText`). */
  start: number;
  end: number;
  entityId: string;
  name: string;
  kind: EntityKind;
  /** Set for a name inside a longer linked name ("Rafah" in "Rafah offensive"). */
  nested?: true;
  /** For a nested mention: the entity of the linked name that contains it. */
  outer?: string;
}

/**
 * The extracted text of a page: its blocks' texts joined by "\n". Mention offsets count from here,
 * so `extractedText(blocks).slice(start, end)` is always the mention's text.
 */
export function extractedText(blocks: readonly string[]): string {
  return blocks.join('\n');
}

/**
 * Finds and links every mention in a page's blocks, in document order (a name inside a longer name
 * right after it). Same matcher and same gating as the content script, seen once the whole page has
 * been read: every entity the page names is established before any context-needing mention is
 * resolved (the content script gets there too, by resolving pending mentions again as the page is
 * read).
 */
export function scanBlocks(matcher: Matcher, blocks: readonly string[], gate: GateOptions = {}): ScanMention[] {
  const context = new PageContext(matcher.snapshot, gate);
  const found = blocks.map((text) => matcher.findMatches(text));
  for (const matches of found) context.establish(matches);

  const mentions: ScanMention[] = [];
  let offset = 0;
  blocks.forEach((text, b) => {
    const matches = found[b]!;
    const linked = matches.map((match) => context.resolve(match));
    matches.forEach((match, i) => {
      const index = linked[i]!;
      if (index < 0) return;
      const outer = linkedOuter(matches, linked, i);
      // As in the content script: a name inside a name of the same entity is one mention, not two.
      if (outer >= 0 && linked[outer] === index) {
        linked[i] = -1;
        return;
      }
      const entity = matcher.snapshot.entities[index]!;
      const mention: ScanMention = {
        text: text.slice(match.start, match.end),
        start: offset + match.start,
        end: offset + match.end,
        entityId: entity.id,
        name: entity.name,
        kind: entity.kind,
      };
      if (outer >= 0) {
        mention.nested = true;
        mention.outer = matcher.snapshot.entities[linked[outer]!]!.id;
      }
      mentions.push(mention);
    });
    offset += text.length + 1; // the "\n" that joins blocks
  });
  return mentions;
}

export interface EntityCount {
  entityId: string;
  name: string;
  kind: EntityKind;
  count: number;
}

/** Mentions per entity, most mentioned first (ties by name, so the table is stable). */
export function countByEntity(mentions: readonly ScanMention[]): EntityCount[] {
  const counts = new Map<string, EntityCount>();
  for (const mention of mentions) {
    const row = counts.get(mention.entityId);
    if (row) row.count++;
    else counts.set(mention.entityId, { entityId: mention.entityId, name: mention.name, kind: mention.kind, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'));
}
