import { parseHTML } from 'linkedom';
for (const src of ['<p>frag</p>', 'just text', '<html><p>x</p></html>', '<!doctype html><title>t</title><p>para</p>', '<meta property="article:published_time" content="2015-01-01"><p>y</p>']) {
  const { document } = parseHTML(src);
  let body: unknown = 'ERR';
  try { body = document.body?.tagName; } catch (e) { body = 'throws'; }
  console.log(JSON.stringify(src), document.documentElement?.tagName, body, document.childNodes.length);
}
