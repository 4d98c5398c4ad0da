import type { EntityRef } from './card-model';

/**
 * Why a mark is on the page, as the card says it. A pure rule with its cases in the table test
 * beside it: the name as written, and how the page established it.
 */
export interface MarkFacts {
  /** The text the mark covers, as the page writes it. */
  text: string;
  /** The entity's display name. */
  name: string;
  /** The alias that matched needs context (a bare surname, a short form, a date). */
  needsContext: boolean;
  /** The page also names the entity by an alias that needs none (its full name, say). */
  namedInFull: boolean;
  /** The longer linked name this one sits inside ("Rafah" in "Rafah offensive"). */
  partOf?: EntityRef & { id: string };
}

export interface MarkReason {
  /** One sentence: what matched and why it linked. */
  because: string;
  partOf?: EntityRef & { id: string };
}

export function whyMarked(facts: MarkFacts): MarkReason {
  const quoted = `“${facts.text}”`;
  let because: string;
  if (!facts.needsContext) {
    because = sameName(facts.text, facts.name) ? `Marked for its name, ${quoted}.` : `Marked for ${quoted}, a name of ${facts.name}.`;
  } else if (facts.namedInFull) {
    because = `Marked for ${quoted}, which alone could mean others: the page also names ${facts.name}.`;
  } else {
    because = `Marked for ${quoted}, which alone could mean others: the page names people and places tied to ${facts.name}.`;
  }
  return facts.partOf ? { because, partOf: facts.partOf } : { because };
}

/** The same name up to case, a possessive and spacing ("Netanyahu’s" is "Netanyahu"). */
function sameName(text: string, name: string): boolean {
  const plain = (value: string) =>
    value
      .replace(/[’']s?$/u, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  return plain(text) === plain(name);
}
