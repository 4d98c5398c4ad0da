import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Serves test pages under real news host names without a network, for browsers that resolve every
 * host name to 127.0.0.1 (Firefox with `network.dns.forceResolve`). Pages are keyed by host and path;
 * `url()` turns `https://edition.cnn.com/x` into `http://edition.cnn.com:PORT/x` (the content
 * script's match patterns take any scheme and ignore the port). Anything not served answers 404.
 */
export interface NewsServer {
  port: number;
  /** The address a browser should open for a real news URL. */
  url(realUrl: string): string;
  serve(realUrl: string, html: string): string;
  /** Every request the server received, as `host/path`. */
  requests: string[];
  close(): Promise<void>;
}

export async function startNewsServer(): Promise<NewsServer> {
  const pages = new Map<string, string>();
  const requests: string[] = [];
  const key = (host: string, path: string) => `${host.replace(/:\d+$/, '').toLowerCase()}${path}`;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const at = key(req.headers.host ?? '', path);
    requests.push(at);
    const html = pages.get(at);
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not served');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = (realUrl: string) => {
    const parsed = new URL(realUrl);
    return `http://${parsed.hostname}:${port}${parsed.pathname}${parsed.search}`;
  };
  return {
    port,
    url,
    serve(realUrl, html) {
      const parsed = new URL(realUrl);
      pages.set(key(parsed.hostname, parsed.pathname), html);
      return url(realUrl);
    },
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
