import { openCard } from '../support/page-probes';
import { castCounts, expect, inCard, pointOf, test, waitForCard, waitForNoCard } from './fixtures';

/** A news app that changes article without loading a page: the first story has its date in its address. */
const FIRST = 'https://edition.cnn.com/2024/03/21/middleeast/first-story/index.html';
const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News app</title></head><body>
<main><article id="story"><h1>Talks resume</h1>
<p id="a">Benjamin Netanyahu said Hamas had not answered the proposal.</p></article></main>
<script>
  window.nextStory = () => {
    history.pushState({}, '', '/2015/03/18/world/older-story/index.html');
    document.getElementById('story').innerHTML =
      '<h1>An older story</h1><p id="a">Antony Blinken met officials; Hamas did not comment.</p>';
  };
</script></body></html>`;

test('a page that moves to another article without loading follows it: its date, cast and marks, in Firefox', async ({ openArticle }) => {
  const page = await openArticle(FIRST, HTML);
  await expect
    .poll(async () => Object.keys((await castCounts(page)).counts).sort())
    .toEqual(['backstory-bundled/benjamin-netanyahu', 'backstory-bundled/hamas']);
  let at = await pointOf(page, '#a', 'Netanyahu');
  await page.mouse.move(at.x, at.y);
  expect((await waitForCard(page, 'Benjamin Netanyahu')).text).toContain('As of this article (21 Mar 2024)');
  await page.mouse.move(5, 5);
  await waitForNoCard(page);

  await page.evaluate(() => (window as unknown as { nextStory(): void }).nextStory());
  await expect
    .poll(async () => Object.keys((await castCounts(page)).counts).sort())
    .toEqual(['backstory-bundled/antony-blinken', 'backstory-bundled/hamas']);
  // The new address dates the new article (the page is checked for a new address once a second):
  // the card of a mark now reads as of 2015.
  // A card opened just before the new session starts goes with the old one: each try hovers afresh.
  const asOf = async () => {
    await page.mouse.move(5, 5);
    at = await pointOf(page, '#a', 'Blinken');
    await page.mouse.move(at.x, at.y);
    const card = await expect
      .poll(async () => (await page.evaluate(openCard))?.name, { timeout: 3_000 })
      .toBe('Antony Blinken')
      .then(() => true)
      .catch(() => false);
    return card ? ((await inCard(page, '.bs-asof'))?.text ?? '') : '';
  };
  await expect.poll(asOf, { timeout: 15_000, intervals: [500] }).toContain('As of this article (18 Mar 2015)');
});
