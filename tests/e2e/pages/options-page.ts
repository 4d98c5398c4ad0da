import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { OPTIONS, type DiffKind } from './selectors';

const BUNDLED_ID = 'backstory-bundled';

/** The options page, where the data is managed. */
export class OptionsPage {
  /**
   * The dataset of the library the getters below speak of: the one the last import, review or reset
   * went to (null: the first of the library).
   */
  private current: string | null = null;

  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const options = new OptionsPage(page);
    await options.libraryItems.first().waitFor();
    return options;
  }

  // The library

  /** One dataset of the library, by id. */
  dataset(id: string): Locator {
    return this.page.locator(OPTIONS.dataset(id));
  }

  get libraryItems(): Locator {
    return this.page.locator(OPTIONS.libraryItem);
  }

  /** Speaks of this dataset from now on (see `current`). */
  use(id: string): this {
    this.current = id;
    return this;
  }

  private get item(): Locator {
    return this.current ? this.dataset(this.current) : this.libraryItems.first();
  }

  get title(): Locator {
    return this.item.getByTestId('dataset-title');
  }

  get version(): Locator {
    return this.item.getByTestId('dataset-version');
  }

  get count(): Locator {
    return this.item.getByTestId('dataset-count');
  }

  get editCount(): Locator {
    return this.item.getByTestId('edit-count');
  }

  /** The on/off switch of a dataset. */
  switchOf(id: string): Locator {
    return this.dataset(id).locator(OPTIONS.datasetSwitch);
  }

  async setEnabled(id: string, on: boolean): Promise<void> {
    const control = this.switchOf(id);
    if ((await control.getAttribute('aria-checked')) !== String(on)) await control.click();
    await this.page.locator(`${OPTIONS.dataset(id)} ${OPTIONS.datasetSwitch}[aria-checked="${on}"]`).waitFor();
  }

  async move(id: string, direction: 'up' | 'down'): Promise<void> {
    await this.dataset(id)
      .getByRole('button', { name: direction === 'up' ? /^Move up/ : /^Move down/ })
      .click();
    await this.page.getByTestId('data-message').waitFor();
  }

  async removeDataset(id: string): Promise<void> {
    await this.dataset(id)
      .getByRole('button', { name: /^Remove/ })
      .click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
    await this.dataset(id).waitFor({ state: 'detached' });
  }

  async restoreBundled(): Promise<void> {
    await this.page.getByRole('button', { name: 'Restore the bundled dataset' }).click();
    await this.page.getByTestId('data-message').waitFor();
  }

  /** Clicks "Back up everything" and returns the downloaded file. */
  async backUp(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Back up everything' }).click();
    const file = await download;
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  }

  /** Restores a backup file, confirming the replacement. */
  async restoreBackup(name: string, text: string): Promise<void> {
    await this.page.getByTestId('restore-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await this.page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
    await this.page.getByTestId('backup-message').waitFor();
  }

  /** What the import under review says it does ("Adds a new dataset…", "Updates …"). */
  get importTarget(): Locator {
    return this.page.locator(OPTIONS.importTarget);
  }

  get entityRows(): Locator {
    return this.page.locator(OPTIONS.entityRows);
  }

  // Import

  /** Picks a file in the import file input. */
  async chooseFile(name: string, text: string | Buffer): Promise<void> {
    await this.page
      .locator(OPTIONS.importFile)
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
  }

  /** Drops a file on the drop zone, as a drag from the desktop would. */
  async dropFile(name: string, text: string): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ([fileName, content]) => {
        const data = new DataTransfer();
        data.items.add(new File([content!], fileName!, { type: 'application/json' }));
        return data;
      },
      [name, text],
    );
    const zone = this.page.locator(OPTIONS.dropZone);
    await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
  }

  async importUrl(url: string): Promise<void> {
    await this.page.getByLabel('Or a dataset URL').fill(url);
    await this.page.getByRole('button', { name: 'Import from URL' }).click();
  }

  get review(): Locator {
    return this.page.locator(OPTIONS.review);
  }

  diff(kind: DiffKind): Locator {
    return this.page.locator(OPTIONS.diff(kind));
  }

  get problems(): Locator {
    return this.page.locator(OPTIONS.problem);
  }

  get problemPosition(): Locator {
    return this.page.locator(OPTIONS.problemPosition);
  }

  get importDone(): Locator {
    return this.page.locator(OPTIONS.importDone);
  }

  conflict(id: string): Locator {
    return this.page.locator(`[data-testid="conflict"][data-id="${id}"]`);
  }

  async apply(): Promise<void> {
    const target = await this.importTarget.getAttribute('data-id');
    await this.page.getByRole('button', { name: 'Apply import' }).click();
    await this.importDone.waitFor({ timeout: 30_000 });
    if (target) this.current = target;
  }

  /** Imports a file all the way: choose, review, apply. */
  async importFile(name: string, text: string | Buffer): Promise<void> {
    await this.chooseFile(name, text);
    await this.review.waitFor({ timeout: 30_000 });
    await this.apply();
  }

  // Export and reset

  /** Clicks an export button of the current dataset and returns the downloaded file's name and text. */
  async export(what: 'full' | 'edits'): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.item.getByRole('button', { name: what === 'full' ? /^Export the full dataset/ : /^Export only my edits/ }).click();
    const file = await download;
    const path = await file.path();
    return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  async reset(keepEdits?: boolean): Promise<void> {
    this.current = BUNDLED_ID;
    await this.page.getByRole('button', { name: 'Reset to the bundled dataset…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Reset to the bundled dataset?' });
    if (keepEdits !== undefined) await dialog.getByLabel(keepEdits ? 'Keep them on top of the bundled data' : 'Discard them').check();
    await dialog.getByRole('button', { name: 'Reset' }).click();
    await this.page.getByTestId('data-message').waitFor();
  }

  // Entities

  async search(query: string): Promise<void> {
    await this.page.getByLabel('Search entities').fill(query);
  }

  /** Chooses the dataset whose entities the Entities section shows. */
  async browse(id: string): Promise<void> {
    await this.page.getByLabel('Dataset', { exact: true }).selectOption(id);
  }

  /** Opens an entity of the current dataset. */
  async openEntity(name: string): Promise<void> {
    if (this.current) await this.browse(this.current);
    await this.search(name);
    await this.page.locator('table.entity-list').getByRole('button', { name, exact: true }).click();
    await this.page.getByTestId('entity-detail').waitFor();
  }

  get card(): Locator {
    return this.page.getByTestId('entity-detail').locator('article.bs-card');
  }

  /** Opens the editor on the current entity, sets its summary and saves. */
  async editSummary(summary: string): Promise<void> {
    await this.page.getByTestId('entity-detail').getByRole('button', { name: 'Edit' }).click();
    await this.page.getByLabel('Summary').fill(summary);
    await this.page.getByRole('button', { name: 'Save changes' }).click();
    await this.page.getByTestId('edit-status').waitFor();
  }

  rowOf(id: string): Locator {
    return this.page.locator(`table.entity-list tbody tr[data-id="${id}"]`);
  }

  // Subscriptions

  async subscribe(url: string): Promise<void> {
    await this.page.getByLabel('Dataset URL to follow').fill(url);
    await this.page.getByRole('button', { name: 'Subscribe' }).click();
  }

  get subscriptionStatus(): Locator {
    return this.page.getByTestId('sub-status');
  }

  get subscriptionVersion(): Locator {
    return this.page.getByTestId('sub-version');
  }

  async checkNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Check now' }).click();
  }
}
