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
  browsingContext: { id: string; navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown> };
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

/** A DOM node as WebDriver BiDi serialises it (the fields read here). */
interface SerializedNode {
  type: string;
  value?: {
    nodeType: number;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: SerializedNode[];
    shadowRoot?: SerializedNode | null;
  };
}

/**
 * The names of the dialogs in Backstory's card host on a page, read through WebDriver BiDi's own
 * serialisation of the host with every shadow tree included ("all": closed ones too), which the
 * page's scripts cannot do. A dialog's name is the text of the element its `aria-labelledby` names.
 * Empty when there is no host or no dialog in it.
 */
export async function cardDialogNames(page: Page): Promise<string[]> {
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as BidiFrame).browsingContext.id;
  const evaluated = await connection.send('script.evaluate', {
    expression: "document.querySelector('backstory-card')",
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 30, includeShadowTree: 'all' },
  });
  const result = evaluated.result as { type: string; result?: SerializedNode };
  if (result.type !== 'success' || result.result?.type !== 'node') return [];
  const elements: SerializedNode['value'][] = [];
  const walk = (node: SerializedNode | null | undefined) => {
    if (!node?.value) return;
    if (node.value.nodeType === 1) elements.push(node.value);
    for (const child of node.value.children ?? []) walk(child);
    walk(node.value.shadowRoot);
  };
  walk(result.result);
  const textOf = (node: SerializedNode['value']): string =>
    (node?.children ?? []).map((child) => (child.value?.nodeType === 3 ? (child.value.nodeValue ?? '') : textOf(child.value))).join('');
  return elements
    .filter((element) => element?.attributes?.role === 'dialog')
    .map((dialog) => {
      const label = elements.find((element) => element?.attributes?.id === dialog?.attributes?.['aria-labelledby']);
      return label ? textOf(label).trim() : '';
    });
}

/**
 * Firefox holds code the harness runs in an extension page to the page's content security policy,
 * and Puppeteer waits on a condition (`waitForFunction`, and its locators' wait for an enabled
 * element) by building a function with `Function`, which that policy blocks. These wait for the
 * element to be there and enabled by asking the page directly, then act through a locator that
 * skips that one wait (it still waits for the element to be visible, in view and still).
 */
export async function whenEnabled(page: Page, selector: string, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const element = await page.$(selector);
    const enabled = element ? await element.evaluate((node) => !(node as HTMLButtonElement).disabled).catch(() => false) : false;
    await element?.dispose();
    if (enabled) return;
    if (Date.now() > deadline) throw new Error(`${selector} was not there and enabled within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function click(page: Page, selector: string): Promise<void> {
  await whenEnabled(page, selector);
  await page.locator(selector).setWaitForEnabled(false).click();
}

export async function fill(page: Page, selector: string, value: string): Promise<void> {
  await whenEnabled(page, selector);
  await page.locator(selector).setWaitForEnabled(false).fill(value);
}

/** Waits until `predicate` (run in the page, with `args`) holds, asking the page directly (see whenEnabled). */
export async function until(page: Page, predicate: (...args: string[]) => boolean, args: string[], timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(predicate, ...args).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`the page did not reach the state waited for within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
