import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startNewsServer, type NewsServer } from './news-server';

export const FIREFOX_EXTENSION_DIR = path.resolve('.output/firefox-mv2');
/** The release build, as shipped (no user-timing entries, the card's shadow root closed): the privacy tests load it. */
export const FIREFOX_RELEASE_DIR = path.resolve('.output/release/firefox-mv2');
/** The gecko id in wxt.config.ts. */
const GECKO_ID = 'backstory@backstory.invalid';
/** Fixed through `extensions.webextensions.uuids`, so the extension's pages have a known address. */
export const EXTENSION_UUID = '5b2e6c1a-7d3f-4e8a-9b0c-1d2e3f4a5b6c';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** The Firefox to drive: $FIREFOX_PATH, else Debian's firefox-esr. */
export function firefoxExecutable(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH points to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  for (const candidate of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (existsSync(candidate)) return candidate;
  throw new Error('No Firefox found: set FIREFOX_PATH or install firefox-esr (apt-get install firefox-esr).');
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** Serves the news pages: every host name resolves to it. */
  news: NewsServer;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The built extension to install (default: the test build). */
  extensionDir?: string;
  /** Extra Firefox preferences for this run. */
  prefs?: Record<string, unknown>;
  /** Prepares the fresh profile folder before Firefox starts (for example to break its storage). */
  prepareProfile?(dir: string): void;
}

/**
 * Starts Firefox (headless, over WebDriver BiDi) in a fresh profile with the built Firefox extension
 * installed as a temporary add-on, and a local server that answers for every news host name.
 */
export async function launchFirefoxWithExtension(options: LaunchOptions = {}): Promise<FirefoxWithExtension> {
  const news = await startNewsServer();
  const profile = mkdtempSync(path.join(tmpdir(), 'backstory-firefox-'));
  options.prepareProfile?.(profile);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxExecutable(),
    headless: true,
    userDataDir: profile,
    defaultViewport: { width: 1200, height: 900 },
    // WebDriver BiDi refuses to navigate to moz-extension:// pages unless the remote agent may reach
    // privileged pages; this flag (a fresh test profile only) lets the tests open the popup and options.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Offline and deterministic: every host name is the local server.
      'network.dns.forceResolve': '127.0.0.1',
      'network.proxy.type': 0,
      // The local server speaks plain http: no upgrade to https for hosts on the HSTS preload list (bbc.com).
      'network.stricttransportsecurity.preloadlist': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // permissions.request() grants at once instead of showing a prompt no test can click (the user's "Allow").
      'extensions.webextOptionalPermissionPrompts': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'ui.prefersReducedMotion': 0,
      ...options.prefs,
    },
  });
  try {
    await browser.installExtension(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    news,
    close: async () => {
      await browser.close().catch(() => undefined);
      await news.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Puppeteer's own handle on a tab's WebDriver BiDi browsing context (not in its public types). */
interface BidiFrame {
  browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown> };
}

/**
 * Opens one of the extension's pages (`popup.html`, `options.html?…`) in a new tab (with `background`,
 * behind the tab in front, which stays the active tab). `page.goto`
 * never sees such a navigation finish (the page moves to the extension's process), so the tab is
 * navigated without waiting and then polled until the page has loaded.
 */
export async function openExtensionPage(browser: Browser, pathAndQuery: string, options: { background?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ background: options.background ?? false });
  const url = `${EXTENSION_ORIGIN}/${pathAndQuery}`;
  await (page.mainFrame() as unknown as BidiFrame).browsingContext.navigate(url, 'none');
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state = await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
    if (state === `${url} complete`) return page;
    if (Date.now() > deadline) throw new Error(`${url} did not load (last state: ${state || 'none'})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Puppeteer's WebDriver BiDi connection (not in its public types), for commands it has no API for. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/**
 * Evaluates `expression` in the browser window itself (Firefox's privileged chrome scope, reachable
 * because the test profile starts with `--remote-allow-system-access`) and returns its value, which
 * must be a string (JSON for anything else).
 */
async function evaluateInBrowserWindow(browser: Browser, expression: string): Promise<string> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
  const [window] = tree.result.contexts as Array<{ context: string; url: string }>;
  if (!window) throw new Error('no browser window to evaluate in');
  const evaluated = await connection.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: false });
  const result = evaluated.result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
  if (result.type !== 'success' || typeof result.result?.value !== 'string')
    throw new Error(`evaluation in the browser window failed: ${result.exceptionDetails?.text ?? JSON.stringify(result)}`);
  return result.result.value;
}

/**
 * The accessible names of the dialogs in a tab's accessibility tree, as Firefox gives it to assistive
 * technology: read from the browser's own process, it reaches into closed shadow roots, which the
 * page's scripts cannot. The tab is the one showing `url`. Null while that tree is not there yet (the
 * accessibility service starts on the first call, and the page's tree reaches the browser a moment
 * later): poll until it is an array.
 */
export async function accessibleDialogNames(browser: Browser, url: string): Promise<string[] | null> {
  const expression = `(() => {
    const service = Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
    // Held, so the service keeps running between calls (it shuts down when nothing uses it).
    window.__backstoryTestAccessibility = service;
    const tab = gBrowser.browsers.find((b) => b.currentURI.spec === ${JSON.stringify(url)});
    const doc = tab && service.getAccessibleFor(tab)?.firstChild;
    // The page's tree has arrived once its document has content (the test pages all have a heading).
    if (!doc || doc.role !== Ci.nsIAccessibleRole.ROLE_DOCUMENT || doc.childCount === 0) return 'null';
    const dialogs = [];
    let headings = 0;
    const walk = (node) => {
      if (node.role === Ci.nsIAccessibleRole.ROLE_DIALOG) dialogs.push(node.name);
      if (node.role === Ci.nsIAccessibleRole.ROLE_HEADING) headings++;
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    };
    walk(doc);
    return JSON.stringify(headings > 0 ? dialogs : null);
  })()`;
  return JSON.parse(await evaluateInBrowserWindow(browser, expression)) as string[] | null;
}
