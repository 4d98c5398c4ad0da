import { parseHTML } from 'linkedom';
const { document } = parseHTML('<!doctype html><html><head><title>x</title></head><body><p>A <b>B</b><svg><text>q</text></svg></p>text</body></html>');
const p = document.querySelector('p')!;
console.log(p.tagName, p.firstChild!.nodeType, (p.firstChild as any).data, p.querySelector('svg')!.tagName, document.body.tagName, typeof (p as any).closest);
const d2 = parseHTML('just some text');
console.log(d2.document.body, d2.document.documentElement?.tagName);
const d3 = parseHTML('<p>frag</p>');
console.log(d3.document.body?.tagName, d3.document.documentElement?.tagName);
