export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Which side of the anchor the card went to. */
  side: 'below' | 'above';
}

/** The card's tallest (CSS max-height, less when the viewport is short): a taller card scrolls. */
export const CARD_MAX_HEIGHT = 480;

const GAP = 6;
const MARGIN = 8;

/**
 * Where to put a card of the given size next to an anchor, inside the viewport: below the anchor
 * when it fits, else above, else whichever side has more room (or on the side given); shifted
 * left/right to stay on screen.
 */
export function placeCard(
  anchor: Rect,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  chosen?: Placement['side'],
): Placement {
  const roomBelow = viewport.height - anchor.bottom - GAP - MARGIN;
  const roomAbove = anchor.top - GAP - MARGIN;
  const side = chosen ?? (size.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above');
  let top = side === 'below' ? anchor.bottom + GAP : anchor.top - GAP - size.height;
  top = Math.max(MARGIN, Math.min(top, viewport.height - MARGIN - size.height));
  let left = anchor.left;
  if (left + size.width > viewport.width - MARGIN) left = viewport.width - MARGIN - size.width;
  left = Math.max(MARGIN, left);
  return { left: Math.round(left), top: Math.round(top), side };
}
