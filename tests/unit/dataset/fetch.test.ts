import { describe, expect, it } from 'vitest';
import { checkDatasetUrl, fetchDatasetText } from '../../../lib/dataset/fetch';

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
