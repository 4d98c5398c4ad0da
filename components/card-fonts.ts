/**
 * The card's fonts, named once. card.css cannot import them, so a unit test (card-fonts.test.ts) reads
 * card.css and checks that it names these families and no others; the card's warm-up on news pages
 * (card-host.tsx) shapes each face before the first card opens.
 */
export const CARD_FONT_FAMILIES = ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'sans-serif'] as const;

/** The faces card.css sets: regular text, bold name and headings, italic quotes, small print. */
export const CARD_FACES = ['14px', '650 18px', 'italic 14px', '650 12px', '12px'] as const;

/** The family list as CSS writes it: names with spaces quoted, keywords and single words bare. */
export const CARD_FONT_FAMILY = CARD_FONT_FAMILIES.map((family) => (family.includes(' ') ? `'${family}'` : family)).join(', ');

/** Each face as a canvas `font` shorthand, for the warm-up. */
export const CARD_FONTS = CARD_FACES.map((face) => `${face} ${CARD_FONT_FAMILY}`);
