import type { EntityKind } from '../../lib/schema/dataset';

export const HIGHLIGHT_PREFIX = 'backstory';
const KINDS: EntityKind[] = ['person', 'organization', 'place', 'event'];

/**
 * One CSS highlight per kind (`backstory-person`, …), so styles can differ by kind. Only these
 * names are ever set or deleted: other highlights on the page are not ours to touch.
 */
export function createHighlightRegistry(registry: HighlightRegistry) {
  const highlights = new Map<EntityKind, Highlight>();
  for (const kind of KINDS) {
    const highlight = new Highlight();
    highlights.set(kind, highlight);
    registry.set(`${HIGHLIGHT_PREFIX}-${kind}`, highlight);
  }
  const flash = new Highlight();
  flash.priority = 1;
  registry.set(`${HIGHLIGHT_PREFIX}-flash`, flash);
  return {
    add(kind: EntityKind, range: AbstractRange) {
      highlights.get(kind)!.add(range);
    },
    remove(kind: EntityKind, range: AbstractRange) {
      highlights.get(kind)!.delete(range);
    },
    flash(range: AbstractRange, ms = 1200) {
      flash.clear();
      flash.add(range);
      setTimeout(() => flash.delete(range), ms);
    },
    clear() {
      for (const kind of KINDS) registry.delete(`${HIGHLIGHT_PREFIX}-${kind}`);
      registry.delete(`${HIGHLIGHT_PREFIX}-flash`);
    },
  };
}
