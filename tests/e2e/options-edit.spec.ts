import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { generateDatasetText } from '../fixtures/datasets/generate';

const v1 = generateDatasetText({ count: 12 });

async function withGazette(context: Parameters<typeof OptionsPage.open>[0], extensionId: string): Promise<OptionsPage> {
  const options = await OptionsPage.open(context, extensionId);
  await options.importFile('gazette.json', v1);
  await expect(options.count).toHaveText('12');
  return options;
}

test.describe('editing entities on the options page', () => {
  test('views an entity as its card, edits it through a form that validates as you type, and marks it edited', async ({
    context,
    extensionId,
  }) => {
    const options = await withGazette(context, extensionId);
    await options.openEntity('Ka Vexra');
    await expect(options.card.getByRole('heading', { name: 'Ka Vexra' })).toBeVisible();

    await options.page.getByTestId('entity-detail').getByRole('button', { name: 'Edit' }).click();
    const name = options.page.getByLabel('Name', { exact: true });
    await name.fill('');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(options.page.locator('#err-name')).toContainText('must not be empty');
    await name.fill('Ka <b>Vexra</b>');
    await expect(options.page.locator('#err-name')).toContainText('plain text');
    await name.fill('Ka Vexra');
    const details = options.page.getByLabel(/Other fields \(JSON\)/);
    await details.fill('{ "roles": [{ "title": "" }] }');
    await expect(options.page.locator('#err-details')).toContainText('$.roles[0].title');
    await details.fill('{ "roles": [{ "title": "Chair of the Test Union" }] }');
    await options.page.getByRole('textbox', { name: 'Alias 2', exact: true }).fill('Kavex');
    await options.page.getByLabel('Summary').fill('Ka Vexra chairs the Test Union, according to this local edit.');
    await expect(options.page.getByTestId('form-status')).toHaveText('No problems: ready to save.');
    await options.page.getByRole('button', { name: 'Save changes' }).click();

    await expect(options.page.getByTestId('edit-status')).toContainText('edited locally');
    await expect(options.card).toContainText('according to this local edit');
    await expect(options.rowOf('person-0')).toContainText('edited');
    await expect(options.editCount).toHaveText('1 edited, 0 added, 0 deleted');
  });

  test('a change the rest of the data does not allow is refused with the path', async ({ context, extensionId }) => {
    const options = await withGazette(context, extensionId);
    await options.openEntity('Mi Vale');
    await options.page.getByTestId('entity-detail').getByRole('button', { name: 'Delete' }).click();
    await options.page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    // The summit happens at this place: deleting it would leave the event pointing nowhere.
    await expect(options.page.getByRole('alert')).toContainText('nothing was changed');
    await expect(options.problems.first()).toContainText('$.place');
    await expect(options.count).toHaveText('12');
  });

  test('adds an entity, deletes one, and reverts both', async ({ context, extensionId }) => {
    const options = await withGazette(context, extensionId);
    await options.page.getByRole('button', { name: 'Add an entity' }).click();
    await options.page.getByLabel('Kind').selectOption('organization');
    await options.page.getByLabel(/^Id/).fill('test-guild');
    await options.page.getByLabel('Name', { exact: true }).fill('The Test Guild');
    await options.page.getByLabel('Summary').fill('A guild made up for this test.');
    await options.page.getByRole('textbox', { name: 'Alias 1', exact: true }).fill('Test Guild');
    await options.page.getByRole('button', { name: 'Add entity' }).click();
    await expect(options.page.getByTestId('edit-status')).toContainText('added locally');
    await expect(options.count).toHaveText('13');

    await options.openEntity('Lo Union');
    await options.page.getByTestId('entity-detail').getByRole('button', { name: 'Delete' }).click();
    const dialog = options.page.getByRole('dialog', { name: 'Delete “Lo Union”?' });
    await expect(dialog.getByRole('button', { name: 'Delete' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(options.count).toHaveText('12');

    await options.page.getByRole('combobox', { name: 'Show', exact: true }).selectOption('edited');
    await options.search('');
    await expect(options.entityRows).toHaveCount(2);
    await options.page.locator('table.entity-list').getByRole('button', { name: 'Lo Union' }).click();
    await options.page.getByRole('button', { name: 'Revert to the imported version' }).click();
    await options.page.locator('table.entity-list').getByRole('button', { name: 'The Test Guild' }).click();
    await options.page.getByRole('button', { name: 'Revert (remove my entity)' }).click();
    await expect(options.count).toHaveText('12');
    await expect(options.editCount).toHaveText('None');
  });

  test('an edit survives a new version that does not touch it', async ({ context, extensionId }) => {
    const options = await withGazette(context, extensionId);
    await options.openEntity('Ka Vexra');
    await options.editSummary('My correction survives updates.');
    await options.chooseFile('gazette-1.1.0.json', generateDatasetText({ count: 14, version: '1.1.0', changed: [1] }));
    await expect(options.diff('conflicts')).toHaveText('0');
    await expect(options.diff('changed')).toHaveText('1');
    await expect(options.review).toContainText('Your edits kept as they are: 1');
    await options.apply();
    await expect(options.version).toHaveText('1.1.0');
    await options.openEntity('Ka Vexra');
    await expect(options.card).toContainText('My correction survives updates.');
    await expect(options.page.getByTestId('edit-status')).toContainText('edited locally');
  });

  for (const choice of ['Keep mine', 'Take theirs'] as const) {
    test(`a conflict with a local edit is shown in the diff and resolved: ${choice.toLowerCase()}`, async ({ context, extensionId }) => {
      const options = await withGazette(context, extensionId);
      await options.openEntity('Ka Vexra');
      await options.editSummary('My version of Ka Vexra.');
      await options.chooseFile(
        'gazette-2.0.0.json',
        generateDatasetText({ count: 12, version: '2.0.0', changed: [0], summaryTag: ' Theirs' }),
      );
      await expect(options.diff('conflicts')).toHaveText('1');
      const conflict = options.conflict('person-0');
      await expect(conflict).toContainText('the import changes it, you edited it');
      await expect(conflict).toContainText('Differs in: summary');
      // Apply without a choice is refused and says why.
      await options.page.getByRole('button', { name: 'Apply import' }).click();
      await expect(options.page.getByRole('alert')).toContainText('Choose "keep mine" or "take theirs" for 1 conflict');
      await conflict.getByLabel(choice).check();
      await options.apply();
      await options.openEntity('Ka Vexra');
      if (choice === 'Keep mine') {
        await expect(options.card).toContainText('My version of Ka Vexra.');
        await expect(options.page.getByTestId('edit-status')).toBeVisible();
      } else {
        await expect(options.card).toContainText('Revised Theirs.');
        await expect(options.page.getByTestId('edit-status')).toBeHidden();
      }
    });
  }
});
