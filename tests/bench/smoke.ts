import { buildExtension, bundleEngine } from './build';
import { launchBench, NEWS_BASE, PLAIN_BASE } from './browser';
import { aliasTexts, bundledDataset, bundledSnapshot } from './dataset';
import { measureEngine, measureExtension, measureMarkJs, measureTreeWalker } from './measure';
import { benchPages } from './pages';

const t = Date.now();
const ext = await buildExtension();
console.log('built', Date.now() - t, ext.dir, ext.contentScriptBytes);
const engine = await bundleEngine();
console.log('engine bytes', engine.length);
const ds = bundledDataset();
const aliases = aliasTexts(ds.entities);
const { pages } = benchPages(aliases);
const b = await launchBench(ext.dir);
console.log(b.version);
const snap = JSON.stringify(bundledSnapshot(ds));
for (const p of pages) {
  b.serve(NEWS_BASE + p.name, p.html); b.serve(PLAIN_BASE + p.name, p.html);
  const s = Date.now();
  const e = await measureExtension(b, NEWS_BASE + p.name);
  const tw = await measureTreeWalker(b, PLAIN_BASE + p.name);
  const ml = await measureMarkJs(b, PLAIN_BASE + p.name, aliases, 'list');
  const mr = await measureMarkJs(b, PLAIN_BASE + p.name, aliases, 'regex');
  const en = await measureEngine(b, PLAIN_BASE + p.name, engine, snap);
  console.log(p.name, p.html.length, JSON.stringify({ e, tw, ml, mr, en }), Date.now() - s);
}
await b.close();
ext.dispose();
process.exit(0);
