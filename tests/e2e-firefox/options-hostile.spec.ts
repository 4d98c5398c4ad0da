import { corpus, mutate, text } from '../fixtures/datasets/hostile';
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

// A refused file changes nothing: the shared Firefox will do.
test.describe('the problems of a refused dataset, in Firefox', () => {
  test('every problem is listed and navigable: count, next, previous, focus', async ({ firefox }) => {
    const options = await FirefoxOptions.open(firefox);
    const page = options.page;
    const several = mutate((d) => {
      d.entities[0]!.summary = 'Hello <img src=x onerror=alert(1)>';
      d.entities[1]!.url = 'javascript:void(0)';
      d.entities[2]!.aliases[0]!.text = 'Q';
    });
    await options.chooseFile('several.json', several);
    const problems = () => options.texts(OPTIONS.problem);
    await expect.poll(async () => (await problems()).length, { timeout: 20_000 }).toBe(3);
    expect(await options.text(OPTIONS.problemPosition)).toBe('1 of 3');
    expect((await problems())[0]).toContain('entity “person-0”');
    /** Which problem holds the focus (its position in the list), or what else does. */
    const focused = () =>
      page.evaluate((selector) => {
        const index = [...document.querySelectorAll(selector)].indexOf(document.activeElement!);
        return index >= 0 ? `problem ${index}` : (document.activeElement?.textContent ?? '').trim();
      }, OPTIONS.problem);
    await options.clickButton('Next problem');
    await expect.poll(() => options.text(OPTIONS.problemPosition)).toBe('2 of 3');
    await expect.poll(focused).toBe('problem 1');
    expect((await problems())[1]).toContain('$.entities[1].url');
    // From the keyboard: the buttons sit just before the list.
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Next problem');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect(await focused()).toBe('Previous problem');
    await page.keyboard.press('Enter');
    await expect.poll(() => options.text(OPTIONS.problemPosition)).toBe('1 of 3');
    await expect.poll(focused).toBe('problem 0');
    expect(await page.$eval('::-p-aria(Previous problem[role="button"])', (el) => (el as HTMLButtonElement).disabled)).toBe(true);
  });
});
