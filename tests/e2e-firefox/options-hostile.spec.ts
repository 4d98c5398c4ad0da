import { corpus, text } from '../fixtures/datasets/hostile';
import { OPTIONS } from '../e2e/pages/selectors';
import { expect, test } from './fixtures';
import { FirefoxOptions } from './pages/options';

test.describe('hostile datasets on the options page, in Firefox', () => {
  test.use({ ownBrowser: true });

  test('each is refused with its JSON path, and the loaded data stays as it was', async ({ firefox }) => {
    const options = await FirefoxOptions.open(firefox);
    await options.chooseFile('base.json', text);
    await expect.poll(() => options.reviewShown(), { timeout: 30_000 }).toBe(true);
    await options.apply();
    await expect.poll(() => options.count()).toBe('8');
    const before = { title: await options.title(), version: await options.version(), count: await options.count() };

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
    expect({ title: await options.title(), version: await options.version(), count: await options.count() }).toEqual(before);
  });
});
