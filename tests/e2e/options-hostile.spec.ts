import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { corpus, mutate, text } from '../fixtures/datasets/hostile';

test.describe('hostile datasets on the options page', () => {
  test('each is refused with its JSON path, and the data stays byte for byte the same', async ({ context, extensionId }) => {
    test.setTimeout(60_000);
    const options = await OptionsPage.open(context, extensionId);
    await options.importFile('base.json', text);
    await options.openEntity('Ka Vexra');
    await options.editSummary('A local edit that must survive every refused import.');
    const before = [await options.export('full'), await options.export('edits')];

    for (const [name, body, problemPath] of corpus) {
      await options.chooseFile(name, body);
      await expect(options.page.getByRole('alert').first(), name).toContainText(`${name} cannot be imported; nothing was changed.`);
      await expect(options.problems.filter({ hasText: problemPath }).first(), name).toBeVisible();
    }

    // 50 MB, from disk (as a user would pick it).
    const dir = mkdtempSync(path.join(tmpdir(), 'backstory-hostile-'));
    try {
      const big = path.join(dir, 'huge.json');
      writeFileSync(big, `{"title":"${'x'.repeat(50 * 1024 * 1024)}"}`);
      await options.page.getByTestId('import-file').setInputFiles(big);
      await expect(options.problems.first()).toContainText('the file is 50.0 MB; datasets over 32 MB are not accepted');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    expect([await options.export('full'), await options.export('edits')]).toEqual(before);
  });

  test('every problem is listed and navigable: count, next, previous, focus', async ({ context, extensionId }) => {
    const options = await OptionsPage.open(context, extensionId);
    const several = mutate((d) => {
      d.entities[0]!.summary = 'Hello <img src=x onerror=alert(1)>';
      d.entities[1]!.url = 'javascript:void(0)';
      d.entities[2]!.aliases[0]!.text = 'Q';
    });
    await options.chooseFile('several.json', several);
    await expect(options.problems).toHaveCount(3);
    await expect(options.problemPosition).toHaveText('1 of 3');
    await expect(options.problems.nth(0)).toContainText('entity “person-0”');
    await options.page.getByRole('button', { name: 'Next problem' }).click();
    await expect(options.problemPosition).toHaveText('2 of 3');
    await expect(options.problems.nth(1)).toBeFocused();
    await expect(options.problems.nth(1)).toContainText('$.entities[1].url');
    // From the keyboard: the buttons sit just before the list.
    await options.page.keyboard.press('Shift+Tab');
    await expect(options.page.getByRole('button', { name: 'Next problem' })).toBeFocused();
    await options.page.keyboard.press('Shift+Tab');
    await options.page.keyboard.press('Enter');
    await expect(options.problemPosition).toHaveText('1 of 3');
    await expect(options.problems.nth(0)).toBeFocused();
    await expect(options.page.getByRole('button', { name: 'Previous problem' })).toBeDisabled();
  });
});
