import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { POPUP, OPTIONS } from '../e2e/pages/selectors';
import { launchFirefoxWithExtension, openExtensionPage } from '../support/firefox';
import { axeViolations, expect, test } from './fixtures';

/**
 * Storage the browser refuses. The pref dom.indexedDB.enabled=false does not reach extensions, and
 * permanent private browsing keeps a temporary add-on out of private windows, so the test breaks
 * storage the way a damaged profile does: a plain file where the profile's storage folder belongs.
 * IndexedDB (and storage.local, which Firefox keeps in it) then fail to open.
 */
test.describe('storage that the browser refuses, in Firefox', () => {
  test('the popup and the options page say so plainly, as an alert, and what to do', async () => {
    const firefox = await launchFirefoxWithExtension({ prepareProfile: (dir) => writeFileSync(path.join(dir, 'storage'), '') });
    try {
      const popup = await openExtensionPage(firefox.browser, 'popup.html');
      const popupAlert = await popup.waitForSelector(POPUP.storageAlert, { timeout: 20_000 });
      const popupText = await popupAlert!.evaluate((el) => el.textContent ?? '');
      expect(popupText).toContain('Backstory cannot store its data');
      expect(popupText).toContain('restart the browser');
      // Named by its heading, for assistive technology (Puppeteer's ARIA query reads Firefox's accessibility tree).
      expect(await popup.$('::-p-aria(Backstory cannot store its data[role="alert"])')).not.toBeNull();
      expect(await axeViolations(popup, [[POPUP.storageAlert]])).toEqual([]);

      const options = await openExtensionPage(firefox.browser, 'options.html');
      const optionsAlert = await options.waitForSelector(OPTIONS.storageAlert, { timeout: 20_000 });
      expect(await optionsAlert!.evaluate((el) => el.textContent ?? '')).toContain('The browser said:');
      await expect.poll(() => options.evaluate(() => document.body.innerText)).not.toContain('Loading…');
    } finally {
      await firefox.close();
    }
  });
});
