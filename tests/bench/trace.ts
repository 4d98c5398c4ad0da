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

/**
 * Everything Backstory's content script ran on the main thread during one traced page load, task by
 * task: the script's start (compile and top-level run), every scan chunk, message reply, timer,
 * observer callback and the card's idle warm-up. The scan measures cover only the scan chunks.
 */
export interface ExtensionWork {
  /** The content script's first evaluation (compile plus top-level run), ms. */
  scriptStartMs: number;
  /** Of which compiling, ms. */
  scriptCompileMs: number;
  /** Main-thread tasks that ran content-script code. */
  tasks: number;
  /** Time inside content-script code over all those tasks, ms. */
  totalMs: number;
  /** Content-script time in the task where it was longest, ms, and what started that task. */
  longestMs: number;
  longestWhat: string;
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}

const CATEGORIES = ['toplevel', 'blink.user_timing', 'devtools.timeline'];
/** Where the content script's code runs from, as the trace names it. */
const CONTENT_SCRIPT = '/content-scripts/news.js';
/** Timeline events that run a script's code, with the script's URL. */
const CODE_EVENTS = new Set(['EvaluateScript', 'FunctionCall']);
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
    stop: async (measure: string): Promise<TaskFigures | null> => (await stopWithEvents([measure])).figures[0] ?? null,
    /** Ends the trace and returns the task figures for each of the given user-timing measures. */
    stopAll: async (measures: readonly string[]) => (await stopWithEvents(measures)).figures,
    /** Ends the trace: the task figures for each measure, and all of the content script's own work. */
    stopWithWork: async (measures: readonly string[]) => {
      const { figures, events } = await stopWithEvents(measures);
      return { figures, work: extensionWork(events) };
    },
  };

  async function stopWithEvents(measures: readonly string[]): Promise<{ figures: Array<TaskFigures | null>; events: TraceEvent[] }> {
    const complete = new Promise<string | undefined>((resolve) =>
      session.once('Tracing.tracingComplete', (event) => resolve(event.stream)),
    );
    await session.send('Tracing.end');
    const stream = await complete;
    if (!stream) return { figures: measures.map(() => null), events: [] };
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
    return { figures: measures.map((measure) => taskFigures(events, measure)), events };
  }
}

/** Sums the content script's code events per main-thread task (outermost events only, so nothing counts twice). */
export function extensionWork(events: readonly TraceEvent[]): ExtensionWork | null {
  const code = events.filter(
    (e) => e.ph === 'X' && e.dur !== undefined && CODE_EVENTS.has(e.name) && (e.args?.data?.url ?? '').includes(CONTENT_SCRIPT),
  );
  const first = code[0];
  if (!first) return null;
  const onThread = (e: TraceEvent) => e.pid === first.pid && e.tid === first.tid;
  const tasks = events
    .filter((e) => e.ph === 'X' && TASK_NAMES.has(e.name) && onThread(e) && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Events of one thread nest: sorted by start (longest first on ties), one inside the last kept is nested.
  const outermost: TraceEvent[] = [];
  for (const event of code.filter(onThread).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
    const last = outermost[outermost.length - 1];
    if (!last || event.ts + event.dur! > last.ts + last.dur!) outermost.push(event);
  }
  // Both lists run in time order: one pass finds each event's task (the first one still open at its end).
  const perTask = new Map<TraceEvent, number>();
  let at = 0;
  for (const event of outermost) {
    const end = event.ts + event.dur!;
    while (at < tasks.length && tasks[at]!.ts + tasks[at]!.dur! < end) at++;
    const task = tasks[at];
    if (task && task.ts <= event.ts) perTask.set(task, (perTask.get(task) ?? 0) + event.dur!);
  }
  let longest: [TraceEvent, number] | null = null;
  for (const entry of perTask) if (!longest || entry[1] > longest[1]) longest = entry;
  const start = outermost.find((e) => e.name === 'EvaluateScript');
  const compile = start
    ? events.filter(
        (e) => e.ph === 'X' && e.name === 'v8.compile' && onThread(e) && e.ts >= start.ts && e.ts + (e.dur ?? 0) <= start.ts + start.dur!,
      )
    : [];
  return {
    scriptStartMs: (start?.dur ?? 0) / 1000,
    scriptCompileMs: compile.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000,
    tasks: perTask.size,
    totalMs: [...perTask.values()].reduce((sum, d) => sum + d, 0) / 1000,
    longestMs: (longest?.[1] ?? 0) / 1000,
    longestWhat: longest ? taskStarter(events, longest[0]) : '',
  };
}

/** What started a task: the script's evaluation, an idle callback, a timer, an event… (its first timeline event). */
function taskStarter(events: readonly TraceEvent[], task: TraceEvent): string {
  const inside = timelineEventsIn(events, task).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const name = inside[0]?.name ?? '';
  return name === 'EvaluateScript' ? 'script start' : name;
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
  const top = timelineEventsIn(events, task)
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, count);
  return top.map((e) => (count === 1 ? e.name : `${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)}`)).join(', ');
}

/** The timeline events that ran inside a task (on its thread, within its time), the task itself excluded. */
function timelineEventsIn(events: readonly TraceEvent[], task: TraceEvent): TraceEvent[] {
  return events.filter(
    (e) =>
      e.ph === 'X' &&
      e.pid === task.pid &&
      e.tid === task.tid &&
      !TASK_NAMES.has(e.name) &&
      e.cat.includes('devtools.timeline') &&
      e.ts >= task.ts &&
      e.ts + (e.dur ?? 0) <= task.ts + task.dur!,
  );
}
