import { nameTokens } from '../text/fold';

/** A name or query folded for comparison: word tokens, diacritics removed, lower case, one space apart. */
export function foldQuery(text: string): string {
  return nameTokens(text)
    .map((token) => token.toLowerCase())
    .join(' ');
}
