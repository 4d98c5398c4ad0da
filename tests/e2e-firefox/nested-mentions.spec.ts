import {
  castCounts,
  clickInCard,
  expect,
  fixturePage,
  highlightedTexts,
  inCard,
  pointOf,
  runLookUpCommand,
  selectText,
  test,
  waitForCard,
  waitForNoCard,
} from './fixtures';

const URL = 'https://edition.cnn.com/2024/03/21/middleeast/nested-names/index.html';

test.describe('names inside longer names, in Firefox', () => {
  test('are marked in their own highlight, over the longer name, and counted in the cast', async ({ openArticle }) => {
    const page = await openArticle(URL, fixturePage('nested.html'));
    const marked = async (name: string) => ((await highlightedTexts(page))[name] ?? []).sort();
    await expect.poll(() => marked('backstory-event')).toEqual(['Israel-Hamas war', 'Rafah offensive']);
    expect(await marked('backstory-nested-place')).toEqual(['Israel', 'Rafah']);
    expect(await marked('backstory-nested-organization')).toEqual(['Hamas']);
    expect(await marked('backstory-place')).toEqual(['Israel']);
    expect(await marked('backstory-organization')).toEqual(['Hamas']);
    const priorities = await page.evaluate(() => ({
      outer: CSS.highlights.get('backstory-event')!.priority,
      nested: CSS.highlights.get('backstory-nested-place')!.priority,
    }));
    expect(priorities.nested).toBeGreaterThan(priorities.outer);
    await expect
      .poll(async () => (await castCounts(page)).counts)
      .toEqual(
        Object.fromEntries(
          Object.entries({ hamas: 2, israel: 2, rafah: 1, 'rafah-offensive': 1, 'israel-hamas-war': 1 }).map(([id, n]) => [
            `backstory-bundled/${id}`,
            n,
          ]),
        ),
      );
  });

  test('the pointer on the inner name opens its card; elsewhere on the longer name, the longer one', async ({ openArticle }) => {
    const page = await openArticle(URL, fixturePage('nested.html'));
    const inner = await pointOf(page, '#n2', 'Rafah');
    await page.mouse.move(inner.x, inner.y);
    await waitForCard(page, 'Rafah');
    // The inner card says why it is there and links to the longer name it sits in.
    expect((await inCard(page, '.bs-why'))?.text).toContain('Marked for its name, “Rafah”. Part of Rafah offensive.');
    expect(await clickInCard(page, '.bs-why button')).toBe('Rafah offensive');
    await waitForCard(page, 'Rafah offensive');
    await expect.poll(() => inCard(page, 'button[aria-label="Back to the previous card"]')).toMatchObject({ visible: true });

    await page.mouse.move(5, 5);
    await waitForNoCard(page);
    const outer = await pointOf(page, '#n2', 'offensive');
    await page.mouse.move(outer.x, outer.y);
    await waitForCard(page, 'Rafah offensive');

    await page.mouse.move(5, 5);
    await waitForNoCard(page);
    const war = await pointOf(page, '#n3', 'war');
    await page.mouse.move(war.x, war.y);
    await waitForCard(page, 'Israel-Hamas war');
  });

  test('the look-up command takes the innermost name at the caret', async ({ firefox, openArticle }) => {
    const page = await openArticle(URL, fixturePage('nested.html'));
    await selectText(page, '#n3', 'Hamas');
    await runLookUpCommand(firefox, page);
    await waitForCard(page, 'Hamas');
  });
});
