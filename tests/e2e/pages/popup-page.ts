import type { BrowserContext, Locator, Page } from '@playwright/test';
import { POPUP } from './selectors';

/** The toolbar popup, opened as a page. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  /** Opens the popup in a tab of its own, about the tab `forTab` (as if opened from that tab's toolbar). */
  static async open(context: BrowserContext, extensionId: string, forTab?: number): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html${forTab ? `?tab=${forTab}` : ''}`);
    return new PopupPage(page);
  }

  /** The tab id of a page, asked from the service worker while that page is in front. */
  static async tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const worker = page.context().serviceWorkers()[0]!;
    return worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  }

  get castItems(): Locator {
    return this.page.locator(POPUP.castItem);
  }

  get siteToggle(): Locator {
    return this.page.locator(POPUP.siteToggle);
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
