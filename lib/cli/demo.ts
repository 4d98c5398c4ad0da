/**
 * `npm start`: builds the extension, serves the demo article on localhost and opens Chromium with
 * Backstory loaded. The page is shown under a curated news address (its content comes from the
 * local server), so the extension behaves exactly as it does on a real news site. Without a
 * display it runs headless and saves screenshots of the page and of an open card.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { launchWithExtension } from '../../tests/support/extension';

const DEMO_PAGE = path.resolve('tests/fixtures/pages/article.html');
const DEMO_URL = 'https://edition.cnn.com/backstory-demo/article.html';
const OUT_DIR = path.resolve('.demo');

function build(): void {
  console.log('Building the extension…');
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The build failed.');
}

async function serveDemo(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    if (request.url === '/' || request.url?.startsWith('/article.html')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(readFileSync(DEMO_PAGE));
      return;
    }
    response.writeHead(404).end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

async function main(): Promise<void> {
  build();
  const { server, origin } = await serveDemo();
  console.log(`Demo article served at ${origin}/article.html`);
  const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');
  const { context, extensionId, close } = await launchWithExtension({ headless });
  await context.route('https://edition.cnn.com/backstory-demo/**', async (route) => {
    const local = await fetch(`${origin}/article.html`);
    await route.fulfill({ status: local.status, contentType: 'text/html; charset=utf-8', body: await local.text() });
  });
  const page = await context.newPage();
  await page.goto(DEMO_URL);
  // The release build writes nothing the page could read but the highlights themselves: wait for those.
  await page.waitForFunction(() => [...CSS.highlights].some(([name, h]) => name.startsWith('backstory') && h.size > 0), null, {
    timeout: 20_000,
  });
  await page.waitForTimeout(800);
  const count = await page.evaluate(() =>
    [...CSS.highlights].filter(([name]) => name.startsWith('backstory')).reduce((n, [, h]) => n + h.size, 0),
  );
  console.log(`Backstory marked ${count} mentions on ${DEMO_URL}`);

  if (!headless) {
    console.log(
      `Chromium is open with Backstory loaded (extension id ${extensionId}). Hover a highlighted name; close the window to finish.`,
    );
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    server.close();
    return;
  }

  mkdirSync(OUT_DIR, { recursive: true });
  const pageShot = path.join(OUT_DIR, 'page.png');
  await page.screenshot({ path: pageShot });
  const box = await page.evaluate(() => {
    const p = document.querySelector('#p1')!;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf('Blinken');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'Blinken'.length);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  });
  if (box) {
    await page.mouse.move(box.x, box.y);
    // The card lives in a closed shadow root: its host element is what the page (and this script) can see.
    await page.locator('backstory-card').waitFor({ state: 'attached', timeout: 5_000 });
    await page.waitForTimeout(300);
  }
  const cardShot = path.join(OUT_DIR, 'card.png');
  await page.screenshot({ path: cardShot });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('combobox').fill('netanya');
  await popup.getByRole('option').first().click();
  const popupShot = path.join(OUT_DIR, 'popup.png');
  await popup.screenshot({ path: popupShot, fullPage: true });
  console.log(`No display: ran headless. Screenshots:\n  ${pageShot}\n  ${cardShot}\n  ${popupShot}`);
  await close();
  server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
