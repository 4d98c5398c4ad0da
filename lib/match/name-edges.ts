/**
 * A known name that is only a piece of a longer name the data does not know is not a mention of it:
 * "Denzel Washington", "George Washington University", "Jordan Peterson", "Israel Adesanya",
 * "Miri Regev", "Salvation Army", "the Washington Post". In running prose a name goes on through
 * the capitalised words next to it (joined by a plain space), so a match with such a word right
 * before or after it, which is neither another match nor a word that sits next to names in news
 * prose (titles and roles: "Prime Minister Benjamin Netanyahu", "US Secretary of State"; days and
 * months: "Israel Monday"), is left out, with the names inside it. Two kinds of text are read as they
 * are: headlines and other text in capitals or Title Case, where every word is capitalised, and the
 * first word of a sentence ("Yesterday Netanyahu said").
 *
 * Three more forms say a known name is not meant:
 * - a town before its state: "an Austin, Texas, lawyer", "Cairo, Illinois" (see US_STATES);
 * - a name used as a common noun, after "a" or "an" and with nothing after it: "money in an ISA.";
 * - a name before "City" that is a city's own name: "Gaza" in "Gaza City", "Kuwait" in "Kuwait City".
 */

/** What these rules read of a match (a RawMatch of matcher.ts, or anything with its span and its outer match). */
interface Span {
  start: number;
  end: number;
  /** Index of the longer match it sits in, -1 for none. */
  outer: number;
}

/** Words written with a capital before or after a name in news prose without being part of it. */
const NEIGHBOURS = new Set(
  [
    // Titles and roles before a name.
    'mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister ministers secretary',
    'general gen lieutenant lt colonel col major maj captain capt sergeant sgt admiral adm rear commander',
    'chief director deputy head leader chairman chairwoman chair speaker ambassador envoy emissary',
    'senator sen representative rep governor gov mayor premier chancellor king queen prince princess',
    'emir sheikh sheik crown pope rabbi imam cardinal archbishop bishop judge justice attorney',
    'spokesman spokeswoman spokesperson adviser advisor counselor coordinator negotiator mediator',
    'foreign defense defence interior finance state national security intelligence military army',
    'correspondent columnist editor reporter anchor host analyst officer official officials',
    // Days and months after a name ("Hamas Thursday said", AP style).
    'monday tuesday wednesday thursday friday saturday sunday',
    'january february march april may june july august september october november december',
  ]
    .join(' ')
    .split(' '),
);

/**
 * States written after a town, as US news prose does ("Austin, Texas"; "Cairo, Illinois"). Left out:
 * Washington, Georgia and New York, which are also a capital, a country and a city, and so are
 * written after other names in lists ("Israel, Georgia and Armenia", "in Cairo, New York and Doha").
 */
const US_STATES = [
  'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho',
  'Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota',
  'Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas',
  'Utah Vermont Virginia Wisconsin Wyoming',
  'New_Hampshire New_Jersey New_Mexico North_Carolina North_Dakota Rhode_Island South_Carolina',
  'South_Dakota West_Virginia',
]
  .join(' ')
  .split(' ')
  .map((state) => state.replace('_', ' '));
/**
 * ", Texas" right after a name, then the end of the place: punctuation, the end of the text, a
 * bracket, or a small word that is not a list's "and"/"or" ("an Austin, Texas lawyer").
 */
const STATE_AFTER = new RegExp(String.raw`, (?:${US_STATES.join('|')})(?=$|[,.;:!?)]| \(| (?!and\b|or\b)\p{Ll})`, 'uy');
/** "a" or "an" right before a name (nothing but a space between). */
const ARTICLE_BEFORE = /(?:^|[^\p{L}\p{N}])an? $/iu;
const ONE_NAME_WORD = /^\p{Lu}[\p{L}\p{N}\p{M}.]*$/u;
/** Nothing after a name but punctuation, or the end of the text. */
const NOTHING_AFTER = /(?:$|[,.;:!?)\]])/y;

const COMMA = 0x2c;
const SPACE = 0x20;
/** A character of a word (and the dot of an abbreviation, read before a name). */
const WORD_CHAR = /[\p{L}\p{N}\p{M}'’-]/u;
const WORD_CHAR_OR_DOT = /[\p{L}\p{N}\p{M}'’.-]/u;
/** What may open a sentence before its first word, and what ends one. */
const OPENING = /[\s"“‘'(]/u;
const SENTENCE_END = /[.!?:;—–•|]/u;

/** Words, for telling Title Case text (dotted acronyms included). */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*/gu;
const CAPITALISED = /^\p{Lu}/u;
/**
 * A word that may go on a name: a capital, then small letters ("Peterson", "University"). A word in
 * capitals ("DC", "ET", "AND") is an acronym or shouting, not the rest of a name.
 */
const NAME_WORD = /^\p{Lu}\p{Ll}/u;

/**
 * Text where nearly every word is capitalised (a headline in Title Case, a string of names): no edge
 * can be read there. Words of four letters or more count, but not the first of a sentence.
 */
function isTitleCase(text: string): boolean {
  let words = 0;
  let capitalised = 0;
  for (const found of text.matchAll(WORD)) {
    const word = found[0];
    if (word.length < 4 || startsSentence(text, found.index)) continue;
    words++;
    if (CAPITALISED.test(word)) capitalised++;
  }
  return words >= 4 && capitalised >= words * 0.8;
}

/** The word right before `at` when only one plain space separates them, else null. */
function wordBefore(text: string, at: number): { word: string; start: number } | null {
  if (at < 2 || text[at - 1] !== ' ') return null;
  let start = at - 1;
  while (start > 0 && WORD_CHAR_OR_DOT.test(text[start - 1]!)) start--;
  const word = text.slice(start, at - 1);
  return word ? { word, start } : null;
}

/** The word right after `at` when only one plain space separates them, else null. */
function wordAfter(text: string, at: number): { word: string; end: number } | null {
  if (text[at] !== ' ') return null;
  let end = at + 1;
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
  const word = text.slice(at + 1, end);
  return word ? { word, end } : null;
}

/** Whether `start` begins a sentence or the text: nothing but opening punctuation after a full stop before it. */
function startsSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && OPENING.test(text[i]!)) i--;
  return i < 0 || SENTENCE_END.test(text[i]!);
}

function isNeighbour(word: string): boolean {
  const bare = word.replace(/[.’']s?$/u, '').toLowerCase();
  // "Secretary-General", "Vice-President": the first part says it.
  return NEIGHBOURS.has(bare) || NEIGHBOURS.has(bare.split('-')[0]!);
}

/** Whether the top-level match at `m` is a piece of a longer name the data does not know (see above). */
function inUnknownName(text: string, matches: readonly Span[], m: number): boolean {
  const match = matches[m]!;
  const before = wordBefore(text, match.start);
  if (
    before &&
    NAME_WORD.test(before.word) &&
    // "Egypt’s Abbas Kamel", "U.S. Supreme Court": a possessive or an abbreviation is a word of its own.
    !/(['’]s|\.)$/u.test(before.word) &&
    !isNeighbour(before.word) &&
    !startsSentence(text, before.start) &&
    !matches.some((other) => other.start <= before.start && other.end >= match.start - 1 && other !== match)
  ) {
    return true;
  }
  const after = wordAfter(text, match.end);
  return (
    after !== null && NAME_WORD.test(after.word) && !isNeighbour(after.word) && !matches.some((other) => other.start === match.end + 1)
  );
}

/** "Austin, Texas": a town of that name, not the name. */
function beforeState(text: string, match: Span): boolean {
  if (text.charCodeAt(match.end) !== COMMA) return false;
  STATE_AFTER.lastIndex = match.end;
  return STATE_AFTER.test(text);
}

/** "an ISA.": a name of one capitalised word used as a common noun (not a phrase: "a ground operation in Rafah"). */
function asCommonNoun(text: string, match: Span): boolean {
  NOTHING_AFTER.lastIndex = match.end;
  return (
    text.charCodeAt(match.start - 1) === SPACE &&
    NOTHING_AFTER.test(text) &&
    ARTICLE_BEFORE.test(text.slice(Math.max(0, match.start - 4), match.start)) &&
    ONE_NAME_WORD.test(text.slice(match.start, match.end))
  );
}

/** "Gaza" in "Gaza City": the inner match at `m` is the city's own name. */
function namesItsCity(text: string, matches: readonly Span[], m: number): boolean {
  const match = matches[m]!;
  const outer = matches[match.outer]!;
  return outer.start === match.start && /^\s+City$/u.test(text.slice(match.end, outer.end));
}

/**
 * The matches of a text without the pieces of longer unknown names (and the names inside them)
 * and the other forms above, with `outer` pointing at the new places; the same list when nothing goes.
 */
export function withoutPiecesOfNames<M extends Span>(text: string, matches: M[]): M[] {
  if (matches.length === 0) return matches;
  // Read only when a match would go for its edges: most texts with matches have none that would.
  let titleCase: boolean | undefined;
  return withoutGoing(matches, (match, m) =>
    match.outer === -1
      ? (inUnknownName(text, matches, m) && !(titleCase ??= isTitleCase(text))) || beforeState(text, match) || asCommonNoun(text, match)
      : namesItsCity(text, matches, m),
  );
}

/**
 * The matches without those `goes` says go (asked in order) and the names inside them, with `outer`
 * pointing at the new places; the same list when nothing goes.
 */
export function withoutGoing<M extends Span>(matches: M[], goes: (match: M, index: number) => boolean): M[] {
  const gone = new Set<number>();
  matches.forEach((match, m) => {
    if ((match.outer !== -1 && gone.has(match.outer)) || goes(match, m)) gone.add(m);
  });
  return gone.size ? keepMatches(matches, (_match, m) => !gone.has(m)) : matches;
}

/**
 * The matches `keep` says to keep, with each kept one's `outer` pointing at the new place of the
 * longer match it sits in, or past one that went to the next longer one still there (or none).
 */
export function keepMatches<M extends Span>(matches: readonly M[], keep: (match: M, index: number) => M | boolean): M[] {
  const place: number[] = [];
  const kept: Array<{ match: M; from: number }> = [];
  matches.forEach((match, m) => {
    const verdict = keep(match, m);
    place[m] = verdict ? kept.length : -1;
    if (verdict) kept.push({ match: verdict === true ? match : verdict, from: m });
  });
  return kept.map(({ match, from }) => {
    let outer = matches[from]!.outer;
    while (outer >= 0 && place[outer] === -1) outer = matches[outer]!.outer;
    const at = outer >= 0 ? place[outer]! : -1;
    return at === match.outer ? match : { ...match, outer: at };
  });
}
