/**
 * Functions that run inside a news page, for both end-to-end suites: Playwright's `page.evaluate(fn, arg)`
 * (Chromium) and Puppeteer's (Firefox) take them alike. Each must be self-contained (it is sent to
 * the page as source text), read only what the page's own scripts could read, and take one argument.
 */

/**
 * True when Backstory has scanned the page: the last scan pass left nothing to read or to hear back
 * about from the background, and none ended in the last `quietMs` ms (needs a BACKSTORY_PERF_MARKS build).
 */
export function scanSettled(quietMs: number): boolean {
  const entries = performance.getEntriesByName('backstory:scan') as PerformanceMeasure[];
  const last = entries[entries.length - 1];
  // Backstory writes each detail as JSON text (see entrypoints/news.content/perf.ts).
  const idle = typeof last?.detail === 'string' && (JSON.parse(last.detail) as { idle?: boolean }).idle === true;
  return !!last && idle && performance.now() - (last.startTime + last.duration) > quietMs;
}

/** How many `backstory:scan` measures the page's timeline holds, and of which entry types. */
export function scanEntries(): { count: number; types: string[] } {
  const entries = performance.getEntriesByName('backstory:scan');
  return { count: entries.length, types: [...new Set(entries.map((entry) => entry.entryType))] };
}

/** Highlighted text per Backstory highlight name. */
export function readHighlights(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('backstory')) continue;
    out[name] = [...highlight].map((range) => {
      const r = document.createRange();
      r.setStart(range.startContainer, range.startOffset);
      r.setEnd(range.endContainer, range.endOffset);
      return r.toString();
    });
  }
  return out;
}

/** Names of the Backstory highlights registered on the page. */
export function highlightNames(): string[] {
  return [...CSS.highlights.keys()].filter((name) => name.startsWith('backstory'));
}

/**
 * Finds the first occurrence of `text` inside `selector`; with `select`, also makes it the page's
 * selection. Returns a point inside it (for pointer moves), or null when it is not there.
 */
export function locateText({
  selector,
  text,
  select,
}: {
  selector: string;
  text: string;
  select: boolean;
}): { x: number; y: number } | null {
  const root = document.querySelector(selector);
  if (!root) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    if (select) {
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }
    const rect = range.getBoundingClientRect();
    return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
  }
  return null;
}

/**
 * The middle of `word` where it stands right before `followedBy` inside `selector` (a later mention
 * of a name, not the first): a point for pointer moves, on the word's first line box.
 */
export function locateWordBefore({ selector, word, followedBy }: { selector: string; word: string; followedBy: string }): {
  x: number;
  y: number;
} {
  const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const offset = node.textContent!.indexOf(word + followedBy);
    if (offset < 0) continue;
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + word.length);
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  throw new Error(`"${word}${followedBy}" not found in ${selector}`);
}

/** Mentions per entity id as the content script last reported them (`backstory:cast` mark), painted or not. */
export function readCast(): { mentions: number; counts: Record<string, number> } {
  const marks = performance.getEntriesByName('backstory:cast') as PerformanceMark[];
  const detail = marks[marks.length - 1]?.detail as string | undefined;
  return detail ? (JSON.parse(detail) as { mentions: number; counts: Record<string, number> }) : { mentions: 0, counts: {} };
}

/**
 * Installed before any page script: records every mutation (and, where the browser reports them,
 * layout shifts of Backstory's own element) that the page could observe.
 */
export function watchPage(): void {
  const w = window as unknown as { __mutations: string[]; __shift: number; __textBefore: string; __sourceBefore: string };
  w.__mutations = [];
  w.__shift = 0;
  // Only shifts of Backstory's own element would be Backstory's doing (offline, real pages shift by themselves).
  if (PerformanceObserver.supportedEntryTypes.includes('layout-shift')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; sources?: Array<{ node?: Node }> }>) {
        if (entry.sources?.some((source) => source.node?.nodeName === 'BACKSTORY-CARD')) w.__shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  }
  document.addEventListener('DOMContentLoaded', () => {
    w.__textBefore = document.body.innerText;
    w.__sourceBefore = document.body.textContent ?? '';
    new MutationObserver((records) => {
      for (const r of records) {
        const target = r.target as Element;
        const added = Array.from(r.addedNodes)
          .map((n) => n.nodeName)
          .join(',');
        w.__mutations.push(`${r.type}:${target.nodeName}:${added}`);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/**
 * What `watchPage` recorded: mutations, layout shift of the card host, and whether the text is the
 * same, as rendered (`innerText`) and in the DOM (`textContent`). Firefox may not have applied the
 * page's styles at DOMContentLoaded, so its rendered text then is not comparable: it compares the DOM's.
 */
export function readIntegrity(): { mutations: string[]; shift: number; textSame: boolean; domTextSame: boolean } {
  const w = window as unknown as { __mutations: string[]; __shift: number; __textBefore: string; __sourceBefore: string };
  return {
    mutations: w.__mutations,
    shift: w.__shift,
    textSame: w.__textBefore === document.body.innerText,
    domTextSame: w.__sourceBefore === document.body.textContent,
  };
}

/** A point on the first highlighted mention that is really visible (not covered by other page content), scrolled into view. */
export function firstVisibleMention(): { x: number; y: number } | null {
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('backstory-')) continue;
    for (const range of highlight) {
      const r = document.createRange();
      r.setStart(range.startContainer, range.startOffset);
      r.setEnd(range.endContainer, range.endOffset);
      r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = r.getClientRects()[0];
      if (!rect || rect.width < 4) continue;
      const x = rect.left + 2;
      const y = rect.top + rect.height / 2;
      const hit = document.elementFromPoint(x, y);
      if (hit && hit.contains(range.startContainer)) return { x, y };
    }
  }
  return null;
}

/**
 * The open Backstory card, if any: its accessible name (from `aria-labelledby`, the way the card
 * names itself), its text, and whether it holds the focus. The card lives in an open shadow root.
 */
export function openCard(): { name: string; text: string; focused: boolean } | null {
  const host = document.querySelector('backstory-card');
  const dialog = host?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
  if (!host || !dialog || !dialog.isConnected || dialog.getClientRects().length === 0) return null;
  const root = dialog.getRootNode() as ShadowRoot;
  const labelIds = (dialog.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  const name = labelIds.length
    ? labelIds.map((id) => root.getElementById(id)?.textContent?.trim() ?? '').join(' ')
    : (dialog.getAttribute('aria-label') ?? '');
  return { name, text: dialog.textContent ?? '', focused: root.activeElement === dialog || dialog.contains(root.activeElement) };
}

/** Runs axe (already loaded in the page as `window.axe`) on the document, or on `include` selectors; returns the violations, one line each. */
export async function axeViolationLines(include: string[][] | null): Promise<string[]> {
  type AxeResult = { violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> };
  const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
  const result = await axe.run(include ? { include } : document, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Resolves in the task after the next frame: by then an open card has rendered all of it (a card
 * shows its first part in the frame after the dwell and the rest in the task after that frame).
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The faces ("normal 400 14px") of the text the open card shows: each element of the card that holds
 * text of its own and is rendered. Needs the test build's open shadow root.
 */
export function openCardFaces(): string[] {
  const root = document.querySelector('backstory-card')?.shadowRoot;
  const faces = new Set<string>();
  for (const element of root ? Array.from(root.querySelectorAll('[role="dialog"] *')) : []) {
    const ownText = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
    if (!ownText || !element.checkVisibility()) continue;
    const style = getComputedStyle(element);
    faces.add(`${style.fontStyle} ${style.fontWeight} ${style.fontSize}`);
  }
  return [...faces].sort();
}
