import { describe, expect, it } from 'vitest';
import { checkDatasetUrl, checkSubscriptionUrl, fetchDatasetText } from '../../../lib/dataset/fetch';

type Call = { url: string; init: RequestInit };

function fakeFetch(answer: (call: Call) => Response | Promise<Response>): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fake = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return answer(call);
  }) as unknown as typeof fetch;
  return { fetch: fake, calls };
}

const json = (body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...headers } });

describe('fetching a dataset from a URL', () => {
  it('returns the text with its ETag and Last-Modified', async () => {
    const { fetch } = fakeFetch(() => json('{"a":1}', { etag: '"v1"', 'last-modified': 'Wed, 01 May 2024 00:00:00 GMT' }));
    expect(await fetchDatasetText('https://data.example/d.json', { fetch })).toEqual({
      kind: 'ok',
      text: '{"a":1}',
      etag: '"v1"',
      lastModified: 'Wed, 01 May 2024 00:00:00 GMT',
    });
  });

  it('asks conditionally and reports 304 as unchanged', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 304 }));
    expect(
      await fetchDatasetText('https://data.example/d.json', { fetch, etag: '"v1"', lastModified: 'Wed, 01 May 2024 00:00:00 GMT' }),
    ).toEqual({ kind: 'unchanged' });
    expect(calls[0]!.init.headers).toMatchObject({ 'If-None-Match': '"v1"', 'If-Modified-Since': 'Wed, 01 May 2024 00:00:00 GMT' });
    expect(calls[0]!.init.cache).toBe('no-store');
  });

  it.each([
    ['a 404', () => new Response('nope', { status: 404, statusText: 'Not Found' }), /answered 404 Not Found: there is no file/],
    ['a 500', () => new Response('', { status: 500 }), /answered 500.*try again later/],
    [
      'an HTML page',
      () => new Response('<!doctype html><p>Hi', { status: 200, headers: { 'content-type': 'text/html' } }),
      /web page \(HTML\), not a JSON dataset/,
    ],
    [
      'HTML served as text/plain',
      () => new Response('  <html>', { status: 200, headers: { 'content-type': 'text/plain' } }),
      /HTML or XML/,
    ],
    [
      'plain text',
      () => new Response('hello', { status: 200, headers: { 'content-type': 'text/plain' } }),
      /"text\/plain", not a JSON dataset/,
    ],
    [
      'a huge Content-Length',
      () => new Response('{}', { status: 200, headers: { 'content-length': String(500 * 1024 * 1024) } }),
      /not accepted/,
    ],
  ])('explains %s', async (_label, answer, message) => {
    const { fetch } = fakeFetch(answer);
    const outcome = await fetchDatasetText('https://data.example/d.json', { fetch });
    expect(outcome.kind).toBe('error');
    expect(outcome.kind === 'error' && outcome.message).toMatch(message);
  });

  it('gives up after the timeout', async () => {
    const { fetch } = fakeFetch(
      ({ init }) =>
        new Promise<Response>((_resolve, reject) =>
          init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const outcome = await fetchDatasetText('https://slow.example/d.json', { fetch, timeoutMs: 30 });
    expect(outcome).toEqual({ kind: 'error', message: expect.stringContaining('did not answer within') });
  });

  it('asks for the host permission when a cross-origin request fails without it', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const outcome = await fetchDatasetText('https://nocors.example/d.json', { fetch, hasPermission: async () => false });
    expect(outcome).toMatchObject({ kind: 'needs-permission', origin: 'https://nocors.example' });
  });

  it('reports a network error when the permission is already there', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const outcome = await fetchDatasetText('https://down.example/d.json', { fetch, hasPermission: async () => true });
    expect(outcome).toMatchObject({ kind: 'error', message: expect.stringContaining('Could not reach down.example') });
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'ftp://x.example/d.json', 'not a url'])('refuses %s', (url) => {
    expect(checkDatasetUrl(url).ok).toBe(false);
  });
});

describe('what a download may not do', () => {
  const at = (response: Response, url: string) => Object.defineProperty(response, 'url', { value: url });

  it.each([
    ['to another origin', 'https://elsewhere.example/d.json', /redirected to another site \(https:\/\/elsewhere\.example\)/],
    ['to http', 'http://data.example/d.json', /redirected to an unencrypted address/],
  ])('a redirect %s is refused and reported', async (_label, final, message) => {
    const { fetch } = fakeFetch(() => at(json('{"a":1}'), final));
    expect(await fetchDatasetText('https://data.example/d.json', { fetch })).toEqual({
      kind: 'error',
      message: expect.stringMatching(message),
    });
  });

  it('a redirect within the origin is followed', async () => {
    const { fetch } = fakeFetch(() => at(json('{"a":1}'), 'https://data.example/v2/d.json'));
    expect(await fetchDatasetText('https://data.example/d.json', { fetch })).toMatchObject({ kind: 'ok', text: '{"a":1}' });
  });

  it('stops reading as soon as the body passes the size limit, whatever its announced length', async () => {
    const chunk = new Uint8Array(8 * 1024 * 1024).fill(0x20);
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const { fetch } = fakeFetch(() => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
    const outcome = await fetchDatasetText('https://data.example/d.json', { fetch });
    expect(outcome).toMatchObject({ kind: 'error', message: expect.stringMatching(/MB/) });
    expect(cancelled).toBe(true);
    // 96 MB is 12 chunks: reading stopped at the 13th (the stream may have queued one more).
    expect(pulled).toBeLessThanOrEqual(14);
  });

  it('refuses a body that is not UTF-8, naming the byte offset', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"name":"Caf'), 0xe9, ...new TextEncoder().encode('"}')]);
    const { fetch } = fakeFetch(() => new Response(bytes, { status: 200, headers: { 'content-type': 'application/json' } }));
    expect(await fetchDatasetText('https://data.example/d.json', { fetch })).toEqual({
      kind: 'error',
      message: expect.stringContaining('first bad byte at offset 12'),
    });
  });

  it.each([
    ['https://data.example/d.json', true],
    ['http://data.example/d.json', false],
    ['http://127.0.0.1:8080/d.json', true],
    ['http://localhost/d.json', true],
  ])('a subscription to %s is allowed: %s', (url, ok) => {
    expect(checkSubscriptionUrl(url).ok).toBe(ok);
  });
});
