import { decodeUtf8, invalidUtf8Message } from './utf8';
import { MAX_DATASET_BYTES, MAX_FILE_BYTES } from './validate';

/**
 * Fetches a dataset from a URL, with HTTP caching (If-None-Match / If-Modified-Since), a timeout and
 * human messages for everything that can go wrong. `fetch` and the permission check come in as
 * parameters, so this runs in Node tests.
 *
 * Cross-origin requests: an extension page or service worker reads any origin it holds a host
 * permission for; without one, the server must allow it with CORS. The conditional headers are not
 * CORS-safelisted, so such a server must also answer the preflight (Access-Control-Allow-Headers:
 * If-None-Match, If-Modified-Since) and expose the ETag (Access-Control-Expose-Headers: ETag).
 */
export type FetchOutcome =
  | { kind: 'ok'; text: string; etag?: string; lastModified?: string }
  | { kind: 'unchanged' }
  | { kind: 'needs-permission'; origin: string; message: string }
  | { kind: 'error'; message: string };

export interface FetchOptions {
  etag?: string;
  lastModified?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Whether the extension holds the host permission for an origin. */
  hasPermission?: (origin: string) => Promise<boolean>;
}

export const FETCH_TIMEOUT_MS = 20_000;

/** The URL if it is http(s), else a message saying why not. */
export function checkDatasetUrl(input: string): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, message: 'That is not a web address. Enter a full URL such as https://example.org/dataset.json.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `Only http:// and https:// addresses can be imported, not ${url.protocol}` };
  }
  return { ok: true, url };
}

/** 127.0.0.1, ::1 and localhost: the browser treats them as secure, so http there counts as https. */
export function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === '[::1]' || url.hostname === 'localhost';
}

/** A subscription's URL: https only (loopback addresses excepted), else a message saying why not. */
export function checkSubscriptionUrl(input: string): { ok: true; url: URL } | { ok: false; message: string } {
  const checked = checkDatasetUrl(input);
  if (!checked.ok) return checked;
  if (checked.url.protocol !== 'https:' && !isLoopback(checked.url))
    return { ok: false, message: 'Subscriptions are checked over https:// only, so that no one on the way can change the data.' };
  return checked;
}

/**
 * Where a response came from after redirects, refused when it left the address's origin or went
 * from https to http: a dataset is read only from the place the user named.
 */
function redirectProblem(requested: URL, response: Response): string | null {
  if (!response.url) return null;
  const final = new URL(response.url);
  if (requested.protocol === 'https:' && final.protocol === 'http:')
    return `${requested.host} redirected to an unencrypted address (${final.origin}); Backstory does not follow it.`;
  if (final.origin !== requested.origin)
    return `${requested.host} redirected to another site (${final.origin}); Backstory reads a dataset only from the address you gave. Use that address instead if you trust it.`;
  return null;
}

export async function fetchDatasetText(input: string, options: FetchOptions = {}): Promise<FetchOutcome> {
  const checked = checkDatasetUrl(input);
  if (!checked.ok) return { kind: 'error', message: checked.message };
  const { url } = checked;
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
  try {
    let response: Response;
    try {
      response = await doFetch(url.href, {
        headers,
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'follow',
        signal: controller.signal,
      });
    } catch (error) {
      if (controller.signal.aborted) return timedOut(url, timeoutMs);
      const granted = options.hasPermission ? await options.hasPermission(url.origin) : true;
      if (!granted) {
        return {
          kind: 'needs-permission',
          origin: url.origin,
          message: `${url.host} did not allow Backstory to read the file (no CORS headers, or the server is unreachable). Allow Backstory to access ${url.host} and try again.`,
        };
      }
      return {
        kind: 'error',
        message: `Could not reach ${url.host}: ${error instanceof Error ? error.message : String(error)}. Check the address and your connection.`,
      };
    }
    const redirected = redirectProblem(url, response);
    if (redirected) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'error', message: redirected };
    }
    if (response.status === 304) return { kind: 'unchanged' };
    if (!response.ok)
      return {
        kind: 'error',
        message: `${url.host} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}: ${httpHint(response.status)}`,
      };
    const type = response.headers.get('content-type') ?? '';
    if (/html/i.test(type)) return notJson(url, 'a web page (HTML)');
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_FILE_BYTES) return tooLarge(length);
    const body = await readCapped(response);
    if (body === null) return tooLarge(MAX_FILE_BYTES);
    const decoded = decodeUtf8(body);
    if (!decoded.ok) return { kind: 'error', message: `The file at ${url.host}: ${invalidUtf8Message(decoded.offset)}.` };
    const text = decoded.text;
    const start = text.trimStart().charAt(0);
    if (start === '<') return notJson(url, 'HTML or XML');
    if (start !== '{' && start !== '[') return notJson(url, type ? `"${type.split(';')[0]}"` : 'something else');
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    return { kind: 'ok', text, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
  } catch (error) {
    if (controller.signal.aborted) return timedOut(url, timeoutMs);
    return {
      kind: 'error',
      message: `Reading the answer from ${url.host} failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body's bytes, or null when it is larger than any acceptable dataset: reading stops (and the
 * download is cancelled) as soon as it passes the limit, whatever the server said its length was.
 */
async function readCapped(response: Response): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > MAX_FILE_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const chunk of chunks) all.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
  return all;
}

function timedOut(url: URL, ms: number): FetchOutcome {
  return { kind: 'error', message: `${url.host} did not answer within ${Math.round(ms / 1000)} seconds. Try again later.` };
}

function notJson(url: URL, what: string): FetchOutcome {
  return {
    kind: 'error',
    message: `${url.host} sent ${what}, not a JSON dataset. Check that the address points to the .json file itself.`,
  };
}

function tooLarge(bytes: number): FetchOutcome {
  return {
    kind: 'error',
    message: `The file is ${(bytes / 1024 / 1024).toFixed(0)} MB or more; datasets over ${MAX_DATASET_BYTES / 1024 / 1024} MB are not accepted.`,
  };
}

function httpHint(status: number): string {
  if (status === 404 || status === 410) return 'there is no file at this address.';
  if (status === 401 || status === 403) return 'the server does not let Backstory read this file.';
  if (status >= 500) return 'the server had a problem; try again later.';
  return 'the server refused the request.';
}
