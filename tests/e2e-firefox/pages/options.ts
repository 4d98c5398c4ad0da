import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { openExtensionPage, type FirefoxWithExtension } from '../../support/firefox';
import { OPTIONS, type DiffKind } from '../../e2e/pages/selectors';

/** Files picked in imports: the browser reads them later, so the folder goes when the test run ends. */
const pickedFiles = mkdtempSync(path.join(tmpdir(), 'backstory-import-'));
process.once('exit', () => rmSync(pickedFiles, { recursive: true, force: true }));

/** The options page in Firefox (the Chromium page object's twin, on the same selectors). */
export class FirefoxOptions {
  private constructor(readonly page: Page) {}

  static async open(firefox: FirefoxWithExtension): Promise<FirefoxOptions> {
    const options = new FirefoxOptions(await openExtensionPage(firefox.browser, 'options.html'));
    await options.page.waitForSelector(OPTIONS.title);
    return options;
  }

  private text(selector: string): Promise<string | null> {
    return this.page.$eval(selector, (el) => el.textContent).catch(() => null);
  }

  title(): Promise<string | null> {
    return this.text(OPTIONS.title);
  }

  version(): Promise<string | null> {
    return this.text(OPTIONS.version);
  }

  count(): Promise<string | null> {
    return this.text(OPTIONS.count);
  }

  diff(kind: DiffKind): Promise<string | null> {
    return this.text(OPTIONS.diff(kind));
  }

  reviewShown(): Promise<boolean> {
    return this.page.$(OPTIONS.review).then((el) => el !== null);
  }

  /** Picks a file in the import file input (written to a temporary folder: the browser reads a real file). */
  async chooseFile(name: string, text: string): Promise<void> {
    const file = path.join(mkdtempSync(path.join(pickedFiles, 'pick-')), name);
    writeFileSync(file, text);
    const input = (await this.page.waitForSelector(OPTIONS.importFile)) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
  }

  /** Drops a file on the drop zone, as a drag from the desktop would. */
  async dropFile(name: string, text: string): Promise<void> {
    await this.page.$eval(
      OPTIONS.dropZone,
      (zone, fileName, content) => {
        const data = new DataTransfer();
        data.items.add(new File([content], fileName, { type: 'application/json' }));
        for (const type of ['dragenter', 'drop'])
          zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      name,
      text,
    );
  }

  async importUrl(url: string): Promise<void> {
    await this.page.locator('::-p-aria(Or a dataset URL)').fill(url);
    await this.clickButton('Import from URL');
  }

  async apply(): Promise<void> {
    await this.page.locator('::-p-aria(Apply import[role="button"])').click();
    await this.page.waitForSelector(OPTIONS.importDone, { timeout: 30_000 });
  }

  /** Clicks a button by its accessible name (Puppeteer's ARIA queries work on extension pages). */
  async clickButton(name: string): Promise<void> {
    await this.page.locator(`::-p-aria(${name}[role="button"])`).click();
  }

  hasButton(name: string): Promise<boolean> {
    return this.page.$(`::-p-aria(${name}[role="button"])`).then((el) => el !== null);
  }
}
