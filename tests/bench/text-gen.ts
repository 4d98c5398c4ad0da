/**
 * Deterministic news-like text for the generated pages: ordinary words with dataset names mixed in.
 * Seeded, so every run of the harness measures exactly the same pages.
 */

/** A run of paragraph text; a tuple is wrapped in that inline element (names split across elements are real). */
export type Segment = string | [tag: 'a' | 'b' | 'em' | 'strong', text: string];

export interface Post {
  title: string;
  time: string;
  paragraphs: Segment[][];
}

export type Random = () => number;

/** mulberry32: tiny, fast and good enough to pick words. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

// Everyday words, none of which begins an alias of the bundled dataset: filler never forms a name.
const WORDS = (
  'the of and to in a that for on with as at by from about after before over under during while ' +
  'officials said reported told reporters according statement week morning evening night later earlier ' +
  'residents families workers hospital trucks convoy supplies water fuel power roads bridge market ' +
  'discussions proposal meeting visit delegation plan agreement demands response pressure warning ' +
  'spokesperson minister office cabinet council soldiers police rescue teams crews volunteers ' +
  'several dozens hundreds thousands many few some most recent old long short early late local regional ' +
  'continued resumed paused expected confirmed denied described urged called announced insisted ' +
  'would could might should must will may can did has have had was were is are be been being ' +
  'people children women men doctors patients journalists analysts diplomats negotiators mediators'
).split(' ');

const OPENERS = ['Meanwhile,', 'Earlier today,', 'In a statement,', 'Separately,', 'On the ground,', 'Later,'];
const TITLES = ['Latest update', 'What we know', 'Live update', 'Analysis', 'Key developments', 'Reaction'];

/** A sentence of `length` filler words, cut in two where a name goes (the name is placed by the caller). */
function sentence(random: Random, length: number): [head: string, tail: string] {
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(pick(random, WORDS));
  const opener = random() < 0.3 ? `${pick(random, OPENERS)} ` : '';
  const at = 1 + Math.floor(random() * (length - 1));
  // Names always sit between filler words, so no longer dataset name can swallow them.
  // A capital only at the start of the sentence: after an opener ("Meanwhile, officials") prose goes on in lower case.
  const head = words.slice(0, at).join(' ');
  return [`${opener}${opener ? head : capitalise(head)} `, ` ${words.slice(at).join(' ')}. `];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Puts a name in the text, now and then split over an inline element ("<a>Antony</a> Blinken"). */
export function nameSegment(random: Random, name: string): Segment[] {
  const roll = random();
  const space = name.indexOf(' ');
  if (roll < 0.15 && space > 0) return [['a', name.slice(0, space)], name.slice(space)];
  if (roll < 0.3) return [[random() < 0.5 ? 'b' : 'strong', name]];
  return [name];
}

/**
 * One live-blog post: a title and `paragraphs` paragraphs of 2–4 sentences, 60% of which name one
 * of `names`. `onName` sees every name inserted (the live check counts them).
 */
export function makePost(
  random: Random,
  names: readonly string[],
  index: number,
  paragraphs: number,
  onName?: (name: string) => void,
): Post {
  const out: Segment[][] = [];
  for (let p = 0; p < paragraphs; p++) {
    const segments: Segment[] = [];
    const sentences = 2 + Math.floor(random() * 3);
    for (let s = 0; s < sentences; s++) {
      const [head, tail] = sentence(random, 8 + Math.floor(random() * 12));
      if (random() < 0.6) {
        const name = pick(random, names);
        onName?.(name);
        segments.push(head, ...nameSegment(random, name), tail);
      } else segments.push(`${head}${tail.trimStart()}`);
    }
    out.push(segments);
  }
  const minute = String(index % 60).padStart(2, '0');
  return { title: `${pick(random, TITLES)} #${index + 1}`, time: `${10 + (Math.floor(index / 60) % 12)}:${minute}`, paragraphs: out };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ESCAPES[ch]!);
}

export function segmentsToHtml(segments: readonly Segment[]): string {
  return segments
    .map((s) => (typeof s === 'string' ? escapeHtml(s) : `<${s[0]}${s[0] === 'a' ? ' href="#"' : ''}>${escapeHtml(s[1])}</${s[0]}>`))
    .join('');
}

export function postToHtml(post: Post): string {
  const body = post.paragraphs.map((p) => `<p>${segmentsToHtml(p)}</p>`).join('\n');
  return `<article class="post"><h2>${escapeHtml(post.title)}</h2><time>${post.time}</time>\n${body}\n</article>`;
}
