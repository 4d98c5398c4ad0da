import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The toolbar popup, opened as a page. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return new PopupPage(page);
  }

  get search(): Locator {
    return this.page.getByRole('combobox');
  }

  get results(): Locator {
    return this.page.getByRole('option');
  }

  entry(name: string): Locator {
    return this.page.getByRole('region', { name: `Entry: ${name}` });
  }
}
