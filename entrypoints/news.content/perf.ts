/**
 * User-timing entries, only in builds made with BACKSTORY_PERF_MARKS=1 (the end-to-end tests and the
 * bench). A news page's own scripts can read the document's performance timeline, and analytics
 * collect it: a production build must put nothing there. The flag is replaced at build time, so a
 * production build carries none of this code.
 */
declare const __BACKSTORY_PERF_MARKS__: boolean;

export const PERF_MARKS: boolean = __BACKSTORY_PERF_MARKS__;

export function measure(name: string, start: number, end: number): void {
  if (PERF_MARKS) performance.measure(name, { start, end });
}

export function mark(name: string, detail: unknown): void {
  if (PERF_MARKS) performance.mark(name, { detail });
}
