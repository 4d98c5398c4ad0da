import { CARD_FACES, computedFace } from '../../components/card-fonts';

/**
 * Cards that show between them every kind of text a card has ("later" tags, titles of works, bold
 * figures), for the check that an open card uses only the faces its warm-up shapes: where to hover
 * (`selector`, `text`) on which fixture page served at `url`.
 */
export const FACE_CARDS = [
  {
    url: 'https://www.cnn.com/2023/11/05/politics/early-talks/index.html',
    page: 'article-2023.html',
    selector: '#p1',
    text: 'Blinken',
    name: 'Antony Blinken',
  },
  {
    url: 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html',
    page: 'article.html',
    selector: '#p3',
    text: 'IDF',
    name: 'Israel Defense Forces',
  },
] as const;

/** The faces seen (as `openCardFaces` gives them) that the card's warm-up does not shape. */
export function unwarmedFaces(faces: Iterable<string>): string[] {
  const warmed = new Set(CARD_FACES.map(computedFace));
  return [...faces].filter((face) => !warmed.has(face));
}
