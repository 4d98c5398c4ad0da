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

  test('finds an entity despite a typo, and the keyboard chooses among results', async ({ context, extensionId }) => {
    const popup = await PopupPage.open(context, extensionId);
    await popup.search.fill('netanyhau');
    await expect(popup.results.first()).toContainText('Benjamin Netanyahu');
    await popup.search.fill('gaza');
    await expect(popup.results.nth(1)).toBeVisible();
    await popup.search.press('ArrowDown');
    await expect(popup.results.nth(1)).toHaveAttribute('aria-selected', 'true');
    const second = (await popup.results.nth(1).locator('.result-name').textContent())!;
    await popup.search.press('Enter');
    await expect(popup.entry(second)).toBeVisible();
  });
});
