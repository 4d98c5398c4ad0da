import { describe, expect, it } from 'vitest';
import { placeCard } from '../../../lib/dom/position';

const viewport = { width: 1000, height: 800 };
const size = { width: 360, height: 300 };
const anchorAt = (top: number, left = 100) => ({ left, top, right: left + 80, bottom: top + 20 });

describe('placeCard', () => {
  it('puts the card below its anchor when it fits there', () => {
    expect(placeCard(anchorAt(100), size, viewport)).toEqual({ left: 100, top: 126, side: 'below' });
  });

  it('puts it above when it does not fit below and there is more room above', () => {
    // Anchor 600–620: 800 − 620 − 6 − 8 = 166 px below, 586 above.
    expect(placeCard(anchorAt(600), size, viewport)).toEqual({ left: 100, top: 294, side: 'above' });
  });

  it('stays below when neither side fits and below has as much room or more, kept inside the viewport', () => {
    const tall = { width: 360, height: 700 };
    expect(placeCard(anchorAt(380), tall, viewport)).toEqual({ left: 100, top: 92, side: 'below' });
  });

  it('shifts left to stay on screen, never past the left margin', () => {
    expect(placeCard(anchorAt(100, 900), size, viewport).left).toBe(1000 - 8 - 360);
    expect(placeCard(anchorAt(100, 2), size, viewport).left).toBe(8);
  });

  it('keeps a side it is given, as a growing card does', () => {
    // Fits below, but the side chosen earlier (for the card's full height) was above.
    expect(placeCard(anchorAt(400), { width: 360, height: 100 }, viewport, 'above')).toEqual({ left: 100, top: 294, side: 'above' });
    expect(placeCard(anchorAt(600), size, viewport, 'below')).toEqual({ left: 100, top: 492, side: 'below' });
  });
});
