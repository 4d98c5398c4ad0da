import type { BrowserContext, Page } from '@playwright/test';

/**
 * Main-thread tasks from a Chrome trace. The Long Tasks API only reports tasks of 50 ms or more,
 * which cannot check a 16 ms target; a trace sees every task, so one traced load per page tells
 * how long the longest one really was.
 */
export interface TaskFigures {
  /** Longest task that ran (part of) a scan chunk: the scanner's own cost, highlights included. */
  longestScanTaskMs: number;
  /** The biggest pieces of work inside it, e.g. "FireIdleCallback 12.1, MajorGC 40.2" (ms). */
  longestScanTaskWhat: string;
  /** Longest main-thread task of any kind between the first and last scan chunk (layout, paint…). */
  longestTaskInWindowMs: number;
  /** The biggest piece of work inside that task ("Layout", "FunctionCall", "Paint"…), to say what it was. */
  longestTaskInWindowWhat: string;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

const CATEGORIES = ['toplevel', 'blink.user_timing', 'devtools.timeline'];
const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** Starts tracing (before the page loads); long runs pass fewer categories to keep the trace small. */
export async function startTrace(context: BrowserContext, page: Page, categories: string[] = CATEGORIES) {
  const session = await context.newCDPSession(page);
  await session.send('Tracing.start', {
    traceConfig: { includedCategories: categories, recordMode: 'recordContinuously' },
    transferMode: 'ReturnAsStream',
  });
  return {
    /** Ends the trace and returns the task figures for the given user-timing measure. */
    stop: async (measure: string): Promise<TaskFigures | null> => (await stopAll([measure]))[0] ?? null,
    /** Ends the trace and returns the task figures for each of the given user-timing measures. */
    stopAll: (measures: readonly string[]) => stopAll(measures),
  };

  async function stopAll(measures: readonly string[]): Promise<Array<TaskFigures | null>> {
    const complete = new Promise<string | undefined>((resolve) =>
      session.once('Tracing.tracingComplete', (event) => resolve(event.stream)),
    );
    await session.send('Tracing.end');
    const stream = await complete;
    if (!stream) return measures.map(() => null);
    let text = '';
    for (;;) {
      const chunk = await session.send('IO.read', { handle: stream, size: 1 << 20 });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
      if (chunk.eof) break;
    }
    await session.send('IO.close', { handle: stream });
    await session.detach();
    const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
    return measures.map((measure) => taskFigures(events, measure));
  }
}

/** Finds the scan chunks (async user-timing events) and the top-level tasks of the same thread. */
export function taskFigures(events: readonly TraceEvent[], measure: string): TaskFigures | null {
  const chunks: [number, number][] = [];
  const open = new Map<string, number>();
  let thread: string | null = null;
  for (const event of events) {
    if (event.name !== measure || !event.cat.includes('user_timing')) continue;
    thread ??= `${event.pid}:${event.tid}`;
    const id = `${(event as { id?: string; id2?: { local?: string } }).id ?? (event as { id2?: { local?: string } }).id2?.local}`;
    if (event.ph === 'b') open.set(id, event.ts);
    else if (event.ph === 'e' && open.has(id)) chunks.push([open.get(id)!, event.ts]);
  }
  if (!thread || !chunks.length) return null;
  const [pid, tid] = thread.split(':').map(Number);
  const tasks = events.filter((e) => e.ph === 'X' && TASK_NAMES.has(e.name) && e.pid === pid && e.tid === tid && e.dur !== undefined);
  const from = Math.min(...chunks.map(([start]) => start));
  const to = Math.max(...chunks.map(([, end]) => end));
  let longestScan: TraceEvent | null = null;
  let longestWindow: TraceEvent | null = null;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    if (task.ts > to || end < from) continue;
    if (!longestWindow || task.dur! > longestWindow.dur!) longestWindow = task;
    const ranChunk = chunks.some(([start, stop]) => start < end && stop > task.ts);
    if (ranChunk && (!longestScan || task.dur! > longestScan.dur!)) longestScan = task;
  }
  return {
    longestScanTaskMs: (longestScan?.dur ?? 0) / 1000,
    longestScanTaskWhat: longestScan ? biggestChildren(events, longestScan, 2) : '',
    longestTaskInWindowMs: (longestWindow?.dur ?? 0) / 1000,
    longestTaskInWindowWhat: longestWindow ? biggestChildren(events, longestWindow, 1) : '',
  };
}

/** The longest timeline events inside a task, longest first ("Layout 80.2, Paint 3.1"). */
function biggestChildren(events: readonly TraceEvent[], task: TraceEvent, count: number): string {
  const inside = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.pid === task.pid &&
      e.tid === task.tid &&
      !TASK_NAMES.has(e.name) &&
      e.cat.includes('devtools.timeline') &&
      e.ts >= task.ts &&
      e.ts + (e.dur ?? 0) <= task.ts + task.dur!,
  );
  const top = inside.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, count);
  return top.map((e) => (count === 1 ? e.name : `${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)}`)).join(', ');
}
