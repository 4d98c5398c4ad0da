/**
 * The matching engine without the extension around it, bundled by esbuild into one script and
 * injected into a bench page. The extension can only load its bundled data, so this is how a
 * 100,000-alias dataset is measured: the same scanner and matcher as the content script, the same
 * scheduler, one CSS highlight per kind as the content script keeps, and the same `backstory:scan`
 * measures.
 */
import { readPublicationDate } from '../../lib/dom/page-date';
import { localMatches, PageScanner, type MentionRange } from '../../lib/dom/page-scanner';
import { createMatcher } from '../../lib/match/matcher';
import type { MatcherSnapshot } from '../../lib/match/snapshot';
import { ENTITY_KINDS, type EntityKind } from '../../lib/schema/kinds';

export interface EngineRun {
  /** JSON.parse of the snapshot (the content script receives it as a serialised message). */
  parseMs: number;
  /** createMatcher: building the lookup table. */
  buildMs: number;
  /** Sum of the `backstory:scan` measures of this scan. */
  scanMs: number;
  longestChunkMs: number;
  chunks: number;
  mentions: number;
}

export interface EngineApi {
  scan(snapshotJson: string): Promise<EngineRun>;
}

function scan(snapshotJson: string): Promise<EngineRun> {
  performance.clearMeasures('backstory:scan');
  const t0 = performance.now();
  const snapshot = JSON.parse(snapshotJson) as MatcherSnapshot;
  const t1 = performance.now();
  const matcher = createMatcher(snapshot);
  const t2 = performance.now();
  const highlights = highlightsByKind();
  const ranges = new Map<MentionRange, StaticRange>();

  return new Promise((resolve) => {
    const finish = () => {
      const measures = performance.getEntriesByName('backstory:scan');
      resolve({
        parseMs: t1 - t0,
        buildMs: t2 - t1,
        scanMs: measures.reduce((sum, entry) => sum + entry.duration, 0),
        longestChunkMs: Math.max(0, ...measures.map((entry) => entry.duration)),
        chunks: measures.length,
        mentions: scanner.mentions.size,
      });
    };
    // The content script's own scheduling: idle callbacks with a 500 ms timeout.
    const scanner: PageScanner = new PageScanner(
      localMatches(matcher),
      {
        schedule: (work) =>
          requestIdleCallback(
            () => {
              work();
              if (scanner.idle) finish();
            },
            { timeout: 500 },
          ),
        now: () => performance.now(),
        measure: (start, end) => performance.measure('backstory:scan', { start, end }),
        // Every mention painted, as before the content script painted only those near the viewport.
        addHighlight: (kind, range) => {
          const painted = new StaticRange(range);
          ranges.set(range, painted);
          highlights.get(kind)!.add(painted);
        },
        removeHighlight: (kind, range) => {
          const painted = ranges.get(range);
          if (!painted) return;
          ranges.delete(range);
          highlights.get(kind)!.delete(painted);
        },
      },
      // The bench page is never torn down: a signal that never aborts.
      new AbortController().signal,
      { pageDate: readPublicationDate(document) },
    );
    scanner.enqueue(document.body);
  });
}

/**
 * One registered highlight per kind, like the content script's registry (its own module is not
 * imported: its signature follows the extension's settings, which the engine has none of).
 */
function highlightsByKind(): Map<EntityKind, Highlight> {
  const map = new Map<EntityKind, Highlight>();
  for (const kind of ENTITY_KINDS) {
    const highlight = new Highlight();
    CSS.highlights.set(`backstory-${kind}`, highlight);
    map.set(kind, highlight);
  }
  return map;
}

const api: EngineApi = { scan };
(window as unknown as { backstoryBench: EngineApi }).backstoryBench = api;
