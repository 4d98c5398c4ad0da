import { expect, test } from './fixtures';
import { PopupPage } from './pages/popup-page';

test.describe('the toolbar popup', () => {
  test('finds an entity by a prefix of its name and shows its summary', async ({ context, extensionId }) => {
    const popup = await PopupPage.open(context, extensionId);
    await popup.search.fill('Blink');
    await expect(popup.results.first()).toContainText('Antony Blinken');
    await popup.search.press('Enter');
    await expect(popup.entry('Antony Blinken')).toContainText('Secretary of State');
  });

  test('finds an entity by an alias, ignoring case and accents', async ({ context, extensionId }) => {
    const popup = await PopupPage.open(context, extensionId);
    await popup.search.fill('khan yunis');
    await expect(popup.results.first()).toContainText('Khan Younis');
    await popup.search.fill('ANTÓNIO');
    await expect(popup.results.first()).toContainText('Guterres');
  });
});
