import { generateDatasetText } from '../fixtures/datasets/generate';
import { OPTIONS } from '../e2e/pages/selectors';
import { expect, test } from './fixtures';
import { FirefoxOptions } from './pages/options';

test.describe('editing entities on the options page, in Firefox', () => {
  test.use({ ownBrowser: true });

  test('views an entity as its card, edits it through a form that validates as you type, and marks it edited', async ({ firefox }) => {
    const options = await FirefoxOptions.open(firefox);
    await options.importFile('gazette.json', generateDatasetText({ count: 12 }));
    await expect.poll(() => options.count()).toBe('12');

    const page = options.page;
    // The card of the imported dataset's entity (the Entities section set to that dataset).
    await options.openEntity('Ka Vexra');

    await page.locator(`${OPTIONS.entityDetail} ::-p-aria(Edit[role="button"])`).click();
    const name = page.locator('::-p-aria(Name[role="textbox"])');
    // Emptied as a reader would: select the name, then delete it.
    await name.click();
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.$eval('#err-name', (el) => el.textContent)).toContain('must not be empty');
    expect(await page.$eval('::-p-aria(Name[role="textbox"])', (el) => el.getAttribute('aria-invalid'))).toBe('true');
    await name.fill('Ka Vexra');
    await page.locator('::-p-aria(Summary)').fill('Ka Vexra chairs the Test Union, according to this local edit.');
    await expect.poll(() => page.$eval('[data-testid="form-status"]', (el) => el.textContent)).toBe('No problems: ready to save.');
    await page.locator('::-p-aria(Save changes[role="button"])').click();

    await expect.poll(() => page.$eval('[data-testid="edit-status"]', (el) => el.textContent).catch(() => '')).toContain('edited locally');
    expect(await page.$eval(`${OPTIONS.entityDetail} article.bs-card`, (el) => el.textContent)).toContain('according to this local edit');
    await expect.poll(() => page.$eval(OPTIONS.entityRow('person-0'), (el) => el.textContent)).toContain('edited');
    // The edit counts in the imported dataset, and in no other.
    await expect.poll(() => options.editCount()).toBe('1 edited, 0 added, 0 deleted');
    expect(await options.use('backstory-bundled').editCount()).toBe('None');
  });
});
