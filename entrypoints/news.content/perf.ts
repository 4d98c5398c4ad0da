/**
 * User-timing entries, only in builds made with BACKSTORY_PERF_MARKS=1 (the end-to-end tests and the
 * bench). A news page's own scripts can read the document's performance timeline, and analytics
 * collect it: a release build must put nothing there. The flag is replaced at build time, so a
 * release build carries none of this code. The same builds leave the card's shadow root open, so
 * that tests can read the card (a release build closes it: see card-host.tsx).
 */
declare const __BACKSTORY_PERF_MARKS__: boolean;

export const PERF_MARKS: boolean = __BACKSTORY_PERF_MARKS__;

/*
 * A detail goes in as JSON text: an object made in the content script's world is not readable from
 * the page's own world in Firefox (reading a property throws "Permission denied"), and the tests and
 * the bench read the timeline from the page's world. A string reads the same in every world.
 */

export function measure(name: string, start: number, end: number, detail?: unknown): void {
  if (PERF_MARKS) performance.measure(name, { start, end, detail: detail === undefined ? null : JSON.stringify(detail) });
}

export function mark(name: string, detail: unknown): void {
  if (PERF_MARKS) performance.mark(name, { detail: JSON.stringify(detail) });
}
