import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { openExtensionPage, type FirefoxWithExtension, click, fill, until } from '../../support/firefox';
import { OPTIONS, type DiffKind } from '../../e2e/pages/selectors';

/** Files picked in imports: the browser reads them later, so the folder goes when the test run ends. */
const pickedFiles = mkdtempSync(path.join(tmpdir(), 'backstory-import-'));
process.once('exit', () => rmSync(pickedFiles, { recursive: true, force: true }));

const BUNDLED_ID = 'backstory-bundled';

/** The options page in Firefox (the Chromium page object's twin, on the same selectors). */
export class FirefoxOptions {
  /**
   * The dataset of the library the getters below speak of: the one the last import, review or reset
   * went to (null: the first of the library).
   */
  private current: string | null = null;

  private constructor(readonly page: Page) {}

  static async open(firefox: FirefoxWithExtension): Promise<FirefoxOptions> {
    const options = new FirefoxOptions(await openExtensionPage(firefox.browser, 'options.html'));
    await options.page.waitForSelector(OPTIONS.libraryItem);
    return options;
  }

  /** The text of the first element matching `selector`, or null when there is none. */
  text(selector: string): Promise<string | null> {
    return this.page.$eval(selector, (el) => el.textContent).catch(() => null);
  }

  /** The text of every element matching `selector`. */
  texts(selector: string): Promise<string[]> {
    return this.page.$$eval(selector, (els) => els.map((el) => el.textContent ?? ''));
  }

  /** Every alert on the page, one line each. */
  async alerts(): Promise<string> {
    return (await this.texts('[role="alert"]')).join('\n');
  }

  /** Empties a text field as a reader would: select its text, then delete it. */
  async clear(selector: string): Promise<void> {
    await click(this.page, selector);
    await this.page.keyboard.down('Control');
    await this.page.keyboard.press('a');
    await this.page.keyboard.up('Control');
    await this.page.keyboard.press('Backspace');
  }

  // The library

  /** The ids of the library's datasets, in their order. */
  libraryIds(): Promise<string[]> {
    return this.page.$$eval(OPTIONS.libraryItem, (items) => items.map((item) => item.getAttribute('data-id') ?? ''));
  }

  /** Speaks of this dataset from now on (see `current`). */
  use(id: string): this {
    this.current = id;
    return this;
  }

  /** The current dataset's library item (without one, the first: `querySelector` finds the first match). */
  private get item(): string {
    return this.current ? OPTIONS.dataset(this.current) : OPTIONS.libraryItem;
  }

  title(): Promise<string | null> {
    return this.text(`${this.item} ${OPTIONS.title}`);
  }

  version(): Promise<string | null> {
    return this.text(`${this.item} ${OPTIONS.version}`);
  }

  count(): Promise<string | null> {
    return this.text(`${this.item} ${OPTIONS.count}`);
  }

  editCount(): Promise<string | null> {
    return this.text(`${this.item} ${OPTIONS.editCount}`);
  }

  /** Title, version and entity count of the current dataset. */
  async summary(): Promise<{ title: string | null; version: string | null; count: string | null }> {
    return { title: await this.title(), version: await this.version(), count: await this.count() };
  }

  /** Whether a dataset is on (its switch's `aria-checked`), or null when it is not in the library. */
  enabled(id: string): Promise<boolean | null> {
    return this.page
      .$eval(`${OPTIONS.dataset(id)} ${OPTIONS.datasetSwitch}`, (el) => el.getAttribute('aria-checked') === 'true')
      .catch(() => null);
  }

  async setEnabled(id: string, on: boolean): Promise<void> {
    if ((await this.enabled(id)) !== on) await click(this.page, `${OPTIONS.dataset(id)} ${OPTIONS.datasetSwitch}`);
    await this.page.waitForSelector(`${OPTIONS.dataset(id)} ${OPTIONS.datasetSwitch}[aria-checked="${on}"]`);
  }

  /**
   * Clicks a button of the current dataset by the start of its name ("Export the full dataset"; the
   * name goes on with the dataset's title, for screen readers).
   */
  async clickDatasetButton(name: string): Promise<void> {
    await click(this.page, `${this.item} button::-p-text(${name})`);
  }

  async removeDataset(id: string): Promise<void> {
    await this.use(id).clickDatasetButton('Remove');
    await click(this.page, 'dialog[open] ::-p-aria(Remove[role="button"])');
    await this.page.waitForSelector(OPTIONS.dataset(id), { hidden: true });
  }

  /**
   * Resets the bundled dataset, keeping or discarding its local edits when it has some (the dialog
   * asks only then), and speaks of it from then on. Resolves once the page says it is done: a
   * message other than the one before (each reset a test makes says something new).
   */
  async reset(keepEdits?: boolean): Promise<void> {
    const before = await this.text(OPTIONS.dataMessage);
    await this.use(BUNDLED_ID).clickDatasetButton('Reset to the bundled dataset…');
    if (keepEdits !== undefined)
      await click(this.page, `dialog[open] ::-p-aria(${keepEdits ? 'Keep them on top of the bundled data' : 'Discard them'}[role="radio"])`);
    await click(this.page, 'dialog[open] ::-p-aria(Reset[role="button"])');
    await until(
      this.page,
      (selector: string, was: string) => {
        const text = document.querySelector(selector)?.textContent ?? '';
        return text !== was && text.startsWith('Back to the bundled dataset');
      },
      [OPTIONS.dataMessage, before ?? ''],
    );
  }

  async restoreBundled(): Promise<void> {
    await this.clickButton('Restore the bundled dataset');
    await this.page.waitForSelector(`${OPTIONS.dataMessage}::-p-text(is back)`);
  }

  /** Moves a dataset one place up or down in the library's order. */
  async move(id: string, direction: 'up' | 'down'): Promise<void> {
    const before = await this.libraryIds();
    await this.use(id).clickDatasetButton(direction === 'up' ? 'Move up' : 'Move down');
    await until(
      this.page,
      (selector: string, was: string) => [...document.querySelectorAll(selector)].map((item) => item.getAttribute('data-id')).join() !== was,
      [OPTIONS.libraryItem, before.join()],
    );
  }

  /** Restores a backup file (written to a temporary folder, as a picked file), confirming the replacement. */
  async restoreBackup(name: string, text: string): Promise<void> {
    const file = path.join(mkdtempSync(path.join(pickedFiles, 'pick-')), name);
    writeFileSync(file, text);
    const input = (await this.page.waitForSelector('[data-testid="restore-file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await click(this.page, 'dialog[open] ::-p-aria(Restore[role="button"])');
    await this.page.waitForSelector('[data-testid="backup-message"]', { timeout: 30_000 });
  }

  // Import

  /** What the import under review says it does, and the dataset it goes to; null with no review open. */
  importTarget(): Promise<{ id: string | null; text: string | null } | null> {
    return this.page.$eval(OPTIONS.importTarget, (el) => ({ id: el.getAttribute('data-id'), text: el.textContent })).catch(() => null);
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
    await fill(this.page, '::-p-aria(Or a dataset URL)', url);
    await this.clickButton('Import from URL');
  }

  /** Applies the import under review; the dataset it went to is the current one from then on. */
  async apply(): Promise<void> {
    const target = await this.importTarget();
    await click(this.page, '::-p-aria(Apply import[role="button"])');
    await this.page.waitForSelector(OPTIONS.importDone, { timeout: 30_000 });
    if (!target?.id) return;
    this.current = target.id;
    // A dataset the import added is listed once the library has been read again.
    await this.page.waitForSelector(OPTIONS.dataset(target.id));
  }

  /** Imports a file all the way: choose, review, apply. */
  async importFile(name: string, text: string): Promise<void> {
    await this.chooseFile(name, text);
    await this.page.waitForSelector(OPTIONS.review, { timeout: 30_000 });
    await this.apply();
  }

  // Entities

  /** Chooses the dataset whose entities the Entities section shows. */
  async browse(id: string): Promise<void> {
    // The list of datasets follows the library, which an import just applied may not have reached yet.
    await this.page.waitForSelector(`${OPTIONS.entityDataset} option[value="${id}"]`);
    await this.page.select(OPTIONS.entityDataset, id);
  }

  /** Opens an entity of the current dataset, and waits for its card. */
  async openEntity(name: string): Promise<void> {
    if (this.current) await this.browse(this.current);
    await fill(this.page, '::-p-aria(Search entities)', name);
    await click(this.page, `table.entity-list ::-p-aria(${name}[role="button"])`);
    await this.page.waitForSelector(`${OPTIONS.entityDetail} article.bs-card ::-p-aria(${name}[role="heading"])`);
  }

  /** Opens the editor on the open entity, sets its summary and saves. */
  async editSummary(summary: string): Promise<void> {
    await click(this.page, `${OPTIONS.entityDetail} ::-p-aria(Edit[role="button"])`);
    await fill(this.page, '::-p-aria(Summary)', summary);
    await this.clickButton('Save changes');
    await this.page.waitForSelector('[data-testid="edit-status"]');
  }

  /** Clicks a button by its accessible name (Puppeteer's ARIA queries work on extension pages). */
  async clickButton(name: string): Promise<void> {
    await click(this.page, `::-p-aria(${name}[role="button"])`);
  }

  hasButton(name: string): Promise<boolean> {
    return this.page.$(`::-p-aria(${name}[role="button"])`).then((el) => el !== null);
  }
}
