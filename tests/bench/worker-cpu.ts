import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';

/**
 * The background's CPU per page: the extension's service worker is profiled over the Chrome DevTools
 * Protocol (Playwright gives no CDP session on a worker, so this speaks to the browser's debugging
 * port itself). Auto-attach with wait-for-debugger-on-start catches a worker as it starts, so a page
 * that wakes the worker is profiled from the worker's first instruction: script evaluation, opening
 * the database, reading the data and the matching are all in the figure.
 *
 * CPU time is read from the sampling profiler: the time of the samples that found the worker running
 * script or collecting garbage. Native work outside any script ("(program)", such as decoding an
 * IndexedDB result before its event fires) is left out with the idle time: the profiler cannot tell
 * the two apart in a worker.
 */
export interface WorkerCpu {
  /**
   * Starts counting (the worker may be asleep: it is profiled from when it starts, held at its first
   * instruction until the profiler runs, so a page timed while counting would also time that; a worker
   * that starts while nothing counts is only let go at once).
   */
  start(): Promise<void>;
  /**
   * Milliseconds of CPU the worker spent since `start` (call it before the worker is stopped). With
   * BENCH_WORKER_PROFILES=<folder>, the profile is also written there as `<label>.cpuprofile`, for
   * DevTools' Performance panel.
   */
  stop(label?: string): Promise<number>;
  close(): Promise<void>;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  sessionId?: string;
  result?: Record<string, unknown>;
  error?: { message: string };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string };
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Profiler names for time the worker did not spend working. */
const NOT_WORKING = new Set(['(idle)', '(program)']);

/** The endpoint of a browser started with `--remote-debugging-port=0`, from the file it writes into its profile. */
export function debuggingEndpoint(profileDir: string): string {
  const [port, pathname] = readFileSync(path.join(profileDir, 'DevToolsActivePort'), 'utf8').trim().split('\n');
  return `ws://127.0.0.1:${port}${pathname}`;
}

export async function watchWorkerCpu(endpoint: string, isWorker: (url: string) => boolean): Promise<WorkerCpu> {
  const socket = new WebSocket(endpoint, { perMessageDeflate: false, maxPayload: 512 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let next = 0;
  const waiting = new Map<number, { resolve: (result: Record<string, unknown>) => void; reject: (error: Error) => void }>();
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });

  /**
   * Sessions of the extension's worker. A stopped worker keeps its session ("crashed" to DevTools):
   * commands sent to it wait until the worker starts again and are carried out before its script
   * runs, which is how a woken worker is profiled from its start.
   */
  const sessions = new Set<string>();
  const stopped = new Set<string>();
  let profiling = false;

  const begin = async (sessionId: string) => {
    await send('Profiler.enable', {}, sessionId);
    await send('Profiler.setSamplingInterval', { interval: 200 }, sessionId);
    await send('Profiler.start', {}, sessionId);
  };

  socket.on('message', (data: WebSocket.RawData) => {
    const message = JSON.parse(data.toString()) as Message;
    if (message.id !== undefined) {
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error.message));
      else pending?.resolve(message.result ?? {});
      return;
    }
    if (message.method === 'Target.attachedToTarget') {
      const params = message.params as { sessionId: string; targetInfo: { type: string; url: string }; waitingForDebugger: boolean };
      const sessionId = params.sessionId;
      const ours = params.targetInfo.type === 'service_worker' && isWorker(params.targetInfo.url);
      void (async () => {
        if (ours) {
          sessions.add(sessionId);
          if (profiling) await begin(sessionId).catch(() => undefined);
        }
        if (params.waitingForDebugger) await send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => undefined);
      })();
    } else if (message.method === 'Target.detachedFromTarget') {
      sessions.delete((message.params as { sessionId: string }).sessionId);
    } else if (message.method === 'Inspector.targetCrashed' && message.sessionId) {
      stopped.add(message.sessionId);
    } else if (message.method === 'Inspector.targetReloadedAfterCrash' && message.sessionId) {
      stopped.delete(message.sessionId);
    }
  });

  await send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: true,
    filter: [{ type: 'service_worker', exclude: false }, { exclude: true }],
  });

  return {
    async start() {
      profiling = true;
      const running = [...sessions].filter((sessionId) => !stopped.has(sessionId));
      for (const sessionId of sessions) if (stopped.has(sessionId)) void begin(sessionId).catch(() => undefined);
      await Promise.all(running.map((sessionId) => begin(sessionId).catch(() => undefined)));
    },
    async stop(label) {
      profiling = false;
      let total = 0;
      for (const sessionId of sessions) {
        if (stopped.has(sessionId)) continue;
        const result = await within(10_000, send('Profiler.stop', {}, sessionId)).catch(() => null);
        if (!result) continue;
        total += busyMs(result.profile as Profile);
        if (label) keepProfile(label, result.profile);
      }
      return total;
    },
    async close() {
      socket.close();
    },
  };
}

function keepProfile(label: string, profile: unknown): void {
  const dir = process.env.BENCH_WORKER_PROFILES;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${label.replace(/[^\w.-]+/g, '-')}.cpuprofile`), JSON.stringify(profile));
}

function busyMs(profile: Profile): number {
  const idle = new Set(profile.nodes.filter((node) => NOT_WORKING.has(node.callFrame.functionName)).map((node) => node.id));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let micros = 0;
  // timeDeltas[i] is the time before sample i: it is charged to what sample i found running.
  for (let i = 0; i < samples.length; i++) if (!idle.has(samples[i]!)) micros += deltas[i] ?? 0;
  return micros / 1000;
}

function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error('no answer from the worker')), ms)),
  ]);
}
