import { ENTITY_KINDS, type EntityKind } from '../../lib/schema/kinds';
import type { Settings } from '../../lib/settings/settings';

export const HIGHLIGHT_PREFIX = 'backstory';

/**
 * The registry name for a kind in a style: `backstory-person`, `backstory-bg-person`,
 * `backstory-plain-person`; for names inside longer names, `backstory-nested-person` and so on.
 */
export function highlightName(kind: EntityKind, style: Settings['highlightStyle'], nested = false): string {
  const layer = nested ? `nested-${kind}` : kind;
  if (style === 'background') return `${HIGHLIGHT_PREFIX}-bg-${layer}`;
  if (style === 'none') return `${HIGHLIGHT_PREFIX}-plain-${layer}`;
  return `${HIGHLIGHT_PREFIX}-${layer}`;
}

/** Names inside longer names are drawn over them (see highlights.css); the flash over both. */
const NESTED_PRIORITY = 1;
const FLASH_PRIORITY = 2;

/**
 * One CSS highlight per kind, and one per kind for names inside longer names, so styles can differ
 * (the style sheet in highlights.css picks the look by name). Only these names are ever set or
 * deleted: other highlights are not ours. They are deleted, and the flash stopped, when `signal` aborts.
 */
export function createHighlightRegistry(registry: HighlightRegistry, style: Settings['highlightStyle'], signal: AbortSignal) {
  const highlights = new Map<EntityKind, Highlight>();
  const nestedHighlights = new Map<EntityKind, Highlight>();
  const names: string[] = [];
  for (const kind of ENTITY_KINDS) {
    for (const nested of [false, true]) {
      const highlight = new Highlight();
      if (nested) highlight.priority = NESTED_PRIORITY;
      (nested ? nestedHighlights : highlights).set(kind, highlight);
      const name = highlightName(kind, style, nested);
      registry.set(name, highlight);
      names.push(name);
    }
  }
  const layerOf = (kind: EntityKind, nested: boolean) => (nested ? nestedHighlights : highlights).get(kind)!;
  const flash = new Highlight();
  flash.priority = FLASH_PRIORITY;
  registry.set(`${HIGHLIGHT_PREFIX}-flash`, flash);
  names.push(`${HIGHLIGHT_PREFIX}-flash`);
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(flashTimer);
      for (const name of names) registry.delete(name);
    },
    { once: true },
  );
  return {
    add(kind: EntityKind, range: AbstractRange, nested = false) {
      layerOf(kind, nested).add(range);
    },
    remove(kind: EntityKind, range: AbstractRange, nested = false) {
      layerOf(kind, nested).delete(range);
    },
    flash(range: AbstractRange, ms = 1500) {
      if (signal.aborted) return;
      clearTimeout(flashTimer);
      flash.clear();
      flash.add(range);
      flashTimer = setTimeout(() => flash.clear(), ms);
    },
  };
}
