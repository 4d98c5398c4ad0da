import { ENTITY_KINDS, type EntityKind } from '../../lib/schema/kinds';
import type { Settings } from '../../lib/settings/settings';

export const HIGHLIGHT_PREFIX = 'backstory';

/** The registry name for a kind in a style: `backstory-person`, `backstory-bg-person`, `backstory-plain-person`. */
export function highlightName(kind: EntityKind, style: Settings['highlightStyle']): string {
  if (style === 'background') return `${HIGHLIGHT_PREFIX}-bg-${kind}`;
  if (style === 'none') return `${HIGHLIGHT_PREFIX}-plain-${kind}`;
  return `${HIGHLIGHT_PREFIX}-${kind}`;
}

/**
 * One CSS highlight per kind, so styles can differ by kind (the style sheet in highlights.css picks
 * the look by name). Only these names are ever set or deleted: other highlights are not ours. They
 * are deleted, and the flash stopped, when `signal` aborts.
 */
export function createHighlightRegistry(registry: HighlightRegistry, style: Settings['highlightStyle'], signal: AbortSignal) {
  const highlights = new Map<EntityKind, Highlight>();
  const names: string[] = [];
  for (const kind of ENTITY_KINDS) {
    const highlight = new Highlight();
    highlights.set(kind, highlight);
    const name = highlightName(kind, style);
    registry.set(name, highlight);
    names.push(name);
  }
  const flash = new Highlight();
  flash.priority = 1;
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
    add(kind: EntityKind, range: AbstractRange) {
      highlights.get(kind)!.add(range);
    },
    remove(kind: EntityKind, range: AbstractRange) {
      highlights.get(kind)!.delete(range);
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
