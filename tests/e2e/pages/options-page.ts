import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The options page, where the data is managed. */
export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return new OptionsPage(page);
  }

  get title(): Locator {
    return this.page.getByTestId('dataset-title');
  }

  get version(): Locator {
    return this.page.getByTestId('dataset-version');
  }

  get count(): Locator {
    return this.page.getByTestId('dataset-count');
  }

  get entityRows(): Locator {
    return this.page.locator('tbody tr');
  }
}
