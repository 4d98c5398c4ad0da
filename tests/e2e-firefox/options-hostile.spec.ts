import { corpus, text } from '../fixtures/datasets/hostile';
import { OPTIONS } from '../e2e/pages/selectors';
import { expect, test } from './fixtures';
import { FirefoxOptions } from './pages/options';

test.describe('hostile datasets on the options page, in Firefox', () => {
  test.use({ ownBrowser: true });

  test('each is refused with its JSON path, and the loaded data stays as it was', async ({ firefox }) => {
    const options = await FirefoxOptions.open(firefox);
    await options.importFile('base.json', text);
    await expect.poll(() => options.count()).toBe('8');
    await options.openEntity('Ka Vexra');
    await options.editSummary('A local edit that must survive every refused import.');
    await expect.poll(() => options.editCount()).toBe('1 edited, 0 added, 0 deleted');
    const library = await options.libraryIds();
    expect(library).toEqual(['backstory-bundled', 'test-gazette']);
    const before = { ...(await options.summary()), edits: await options.editCount() };

    for (const [name, body, problemPath] of corpus) {
      await options.chooseFile(name, body);
      const alerts = () => options.page.$$eval('[role="alert"]', (els) => els.map((el) => el.textContent ?? '').join('\n'));
      await expect.poll(alerts, { message: name, timeout: 20_000 }).toContain(`${name} cannot be imported; nothing was changed.`);
      const problems = await options.page.$$eval(OPTIONS.problem, (els) => els.map((el) => el.textContent ?? ''));
      expect(
        problems.some((problem) => problem.includes(problemPath)),
        `${name}: ${problems.join(' | ')}`,
      ).toBe(true);
    }
    // No file added a dataset or changed the one they share an id with.
    expect(await options.libraryIds()).toEqual(library);
    expect({ ...(await options.summary()), edits: await options.editCount() }).toEqual(before);
  });
});
