import { click, fill, whenEnabled } from '../support/firefox';
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

    await click(page, `${OPTIONS.entityDetail} ::-p-aria(Edit[role="button"])`);
    const name = '::-p-aria(Name[role="textbox"])';
    // Emptied as a reader would: select the name, then delete it.
    await click(page, name);
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.$eval('#err-name', (el) => el.textContent)).toContain('must not be empty');
    expect(await page.$eval('::-p-aria(Name[role="textbox"])', (el) => el.getAttribute('aria-invalid'))).toBe('true');
    await fill(page, name, 'Ka Vexra');
    await fill(page, '::-p-aria(Summary[role="textbox"])', 'Ka Vexra chairs the Test Union, according to this local edit.');
    await expect.poll(() => page.$eval('[data-testid="form-status"]', (el) => el.textContent)).toBe('No problems: ready to save.');
    await click(page, '::-p-aria(Save changes[role="button"])');

    await expect.poll(() => page.$eval('[data-testid="edit-status"]', (el) => el.textContent).catch(() => '')).toContain('edited locally');
    expect(await page.$eval(`${OPTIONS.entityDetail} article.bs-card`, (el) => el.textContent)).toContain('according to this local edit');
    await expect.poll(() => page.$eval(OPTIONS.entityRow('person-0'), (el) => el.textContent)).toContain('edited');
    // The edit counts in the imported dataset, and in no other.
    await expect.poll(() => options.editCount()).toBe('1 edited, 0 added, 0 deleted');
    expect(await options.use('backstory-bundled').editCount()).toBe('None');
  });
});

const v1 = generateDatasetText({ count: 12 });
const CARD = `${OPTIONS.entityDetail} article.bs-card`;

/** The options page with the 12-entity gazette imported (the dataset the page object speaks of). */
async function withGazette(firefox: Parameters<typeof FirefoxOptions.open>[0]): Promise<FirefoxOptions> {
  const options = await FirefoxOptions.open(firefox);
  await options.importFile('gazette.json', v1);
  await expect.poll(() => options.count()).toBe('12');
  return options;
}

test.describe('more entity edits on the options page, in Firefox', () => {
  test.use({ ownBrowser: true });

  test('a change the rest of the data does not allow is refused with the path', async ({ firefox }) => {
    const options = await withGazette(firefox);
    await options.openEntity('Mi Vale');
    await click(options.page, `${OPTIONS.entityDetail} ::-p-aria(Delete[role="button"])`);
    await click(options.page, 'dialog[open] ::-p-aria(Delete[role="button"])');
    // The summit happens at this place: deleting it would leave the event pointing nowhere.
    await expect.poll(() => options.alerts()).toContain('nothing was changed');
    expect((await options.texts(OPTIONS.problem))[0]).toContain('$.place');
    expect(await options.count()).toBe('12');
  });

  test('adds an entity, deletes one, and reverts both', async ({ firefox }) => {
    const options = await withGazette(firefox);
    const page = options.page;
    await options.clickButton('Add an entity');
    await whenEnabled(page, '::-p-aria(Kind[role="combobox"])');
    await page.select('form.entity-form select', 'organization');
    await fill(page, 'form.entity-form input[name="id"]', 'test-guild');
    await fill(page, '::-p-aria(Name[role="textbox"])', 'The Test Guild');
    await fill(page, '::-p-aria(Summary[role="textbox"])', 'A guild made up for this test.');
    await fill(page, '::-p-aria(Alias 1[role="textbox"])', 'Test Guild');
    await options.clickButton('Add entity');
    await expect.poll(() => options.text('[data-testid="edit-status"]')).toContain('added locally');
    await expect.poll(() => options.count()).toBe('13');

    await options.openEntity('Lo Union');
    await click(page, `${OPTIONS.entityDetail} ::-p-aria(Delete[role="button"])`);
    await page.waitForSelector('dialog[open] ::-p-aria(Delete “Lo Union”?[role="dialog"])');
    // The dialog's own button has the focus (the one in the entity's view has the same name).
    await expect
      .poll(() => page.evaluate(() => (document.activeElement?.closest('dialog[open]') ? document.activeElement.textContent : null)))
      .toBe('Delete');
    await click(page, 'dialog[open] ::-p-aria(Delete[role="button"])');
    await expect.poll(() => options.count()).toBe('12');

    await page.select('#entity-filter', 'edited');
    await options.clear('::-p-aria(Search entities)');
    await expect.poll(() => page.$$eval(OPTIONS.entityRows, (rows) => rows.length)).toBe(2);
    await click(page, 'table.entity-list ::-p-aria(Lo Union[role="button"])');
    await options.clickButton('Revert to the imported version');
    await click(page, 'table.entity-list ::-p-aria(The Test Guild[role="button"])');
    await options.clickButton('Revert (remove my entity)');
    await expect.poll(() => options.count()).toBe('12');
    await expect.poll(() => options.editCount()).toBe('None');
  });

  test('an edit survives a new version that does not touch it', async ({ firefox }) => {
    const options = await withGazette(firefox);
    await options.openEntity('Ka Vexra');
    await options.editSummary('My correction survives updates.');
    await options.chooseFile('gazette-1.1.0.json', generateDatasetText({ count: 14, version: '1.1.0', changed: [1] }));
    await expect.poll(() => options.diff('conflicts'), { timeout: 30_000 }).toBe('0');
    expect(await options.diff('changed')).toBe('1');
    expect(await options.text(OPTIONS.review)).toContain('Your edits kept as they are: 1');
    await options.apply();
    await expect.poll(() => options.version()).toBe('1.1.0');
    await options.openEntity('Ka Vexra');
    await expect.poll(() => options.text(CARD)).toContain('My correction survives updates.');
    expect(await options.text('[data-testid="edit-status"]')).toContain('edited locally');
  });

  for (const choice of ['Keep mine', 'Take theirs'] as const) {
    test(`a conflict with a local edit is shown in the diff and resolved: ${choice.toLowerCase()}`, async ({ firefox }) => {
      const options = await withGazette(firefox);
      await options.openEntity('Ka Vexra');
      await options.editSummary('My version of Ka Vexra.');
      await options.chooseFile(
        'gazette-2.0.0.json',
        generateDatasetText({ count: 12, version: '2.0.0', changed: [0], summaryTag: ' Theirs' }),
      );
      await expect.poll(() => options.diff('conflicts'), { timeout: 30_000 }).toBe('1');
      const conflict = '[data-testid="conflict"][data-id="person-0"]';
      expect(await options.text(conflict)).toContain('the import changes it, you edited it');
      expect(await options.text(conflict)).toContain('Differs in: summary');
      // Apply without a choice is refused and says why.
      await options.clickButton('Apply import');
      await expect.poll(() => options.alerts()).toContain('Choose "keep mine" or "take theirs" for 1 conflict');
      await click(options.page, `${conflict} ::-p-aria(${choice}[role="radio"])`);
      await options.apply();
      await options.openEntity('Ka Vexra');
      const edited = () => options.page.$eval('[data-testid="edit-status"]', (el) => el.checkVisibility()).catch(() => false);
      if (choice === 'Keep mine') {
        await expect.poll(() => options.text(CARD)).toContain('My version of Ka Vexra.');
        expect(await edited()).toBe(true);
      } else {
        await expect.poll(() => options.text(CARD)).toContain('Revised Theirs.');
        expect(await edited()).toBe(false);
      }
    });
  }
});
