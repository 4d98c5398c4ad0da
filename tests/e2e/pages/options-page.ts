import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { OPTIONS, type DiffKind } from './selectors';

/** The options page, where the data is managed. */
export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const options = new OptionsPage(page);
    await options.title.waitFor();
    return options;
  }

  get title(): Locator {
    return this.page.locator(OPTIONS.title);
  }

  get version(): Locator {
    return this.page.locator(OPTIONS.version);
  }

  get count(): Locator {
    return this.page.locator(OPTIONS.count);
  }

  get editCount(): Locator {
    return this.page.locator(OPTIONS.editCount);
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
    await this.page.getByRole('button', { name: 'Apply import' }).click();
    await this.importDone.waitFor({ timeout: 30_000 });
  }

  /** Imports a file all the way: choose, review, apply. */
  async importFile(name: string, text: string | Buffer): Promise<void> {
    await this.chooseFile(name, text);
    await this.review.waitFor({ timeout: 30_000 });
    await this.apply();
  }

  // Export and reset

  /** Clicks an export button and returns the downloaded file's name and text. */
  async export(what: 'full' | 'edits'): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: what === 'full' ? 'Export the full dataset' : 'Export only my edits' }).click();
    const file = await download;
    const path = await file.path();
    return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  async reset(keepEdits?: boolean): Promise<void> {
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

  async openEntity(name: string): Promise<void> {
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
