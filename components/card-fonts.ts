/**
 * The card's fonts, named once. card.css cannot import them, so a unit test (card-fonts.test.ts) reads
 * card.css and checks that it names these families and no others; the card's warm-up on news pages
 * (card-host.tsx) shapes each face before the first card opens.
 */
export const CARD_FONT_FAMILIES = ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'sans-serif'] as const;

/**
 * The faces card.css sets: regular text and its bold figures, the bold name and headings, italic
 * quotes, small print and its titles of works, the "later" tag. A face the warm-up misses costs the
 * first card that shows it a font lookup during layout (about a millisecond each in Chromium, a call
 * to the browser process); the end-to-end suites check that an open card uses only these.
 */
export const CARD_FACES = ['14px', '650 14px', '650 18px', 'italic 14px', '650 12px', '12px', 'italic 12px', '650 11px'] as const;

/** A face as `getComputedStyle` gives it: "normal 400 14px", "italic 400 12px", "normal 650 18px". */
export function computedFace(face: string): string {
  const words = face.split(' ');
  const size = words.pop()!;
  const style = words.includes('italic') ? 'italic' : 'normal';
  const weight = words.find((word) => /^\d+$/.test(word)) ?? '400';
  return `${style} ${weight} ${size}`;
}

/** The family list as CSS writes it: names with spaces quoted, keywords and single words bare. */
export const CARD_FONT_FAMILY = CARD_FONT_FAMILIES.map((family) => (family.includes(' ') ? `'${family}'` : family)).join(', ');

/** Each face as a canvas `font` shorthand, for the warm-up. */
export const CARD_FONTS = CARD_FACES.map((face) => `${face} ${CARD_FONT_FAMILY}`);
