import { locateWordBefore, openCard, openCardFaces } from '../support/page-probes';
import { FACE_CARDS, unwarmedFaces } from '../support/card-faces';
import {
  axeViolations,
  clickInCard,
  expect,
  fixturePage,
  inCard,
  pointOf,
  runLookUpCommand,
  selectText,
  test,
  waitForCard,
  waitForNoCard,
} from './fixtures';

const URL = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';

test.describe('the card, in Firefox', () => {
  test('opens on hover after the dwell, named for the entity, and closes when the pointer leaves', async ({ openArticle }) => {
    const page = await openArticle(URL);
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.evaluate(() => {
      const w = window as unknown as { firstMove?: number };
      document.addEventListener('pointermove', (event) => (w.firstMove ??= event.timeStamp), { once: true });
    });
    await page.mouse.move(at.x, at.y);
    const card = await waitForCard(page, 'Antony Blinken');
    const waited = await page.evaluate(() => {
      const mark = performance.getEntriesByName('backstory:card')[0]!;
      return mark.startTime - (window as unknown as { firstMove: number }).firstMove;
    });
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(card.text).toContain('Person');
    expect(card.text).toContain('Secretary of State');
    await page.mouse.move(5, 5);
    await waitForNoCard(page);
  });

  test('says why a bare surname is marked: the page also names the person in full', async ({ openArticle }) => {
    const page = await openArticle(URL);
    // The bare "Netanyahu" later in the paragraph, not the full name before it.
    const at = await page.evaluate(locateWordBefore, { selector: '#p2', word: 'Netanyahu', followedBy: ' has' });
    await page.mouse.move(at.x, at.y);
    await waitForCard(page, 'Benjamin Netanyahu');
    expect((await inCard(page, '.bs-why'))?.text).toBe(
      'Marked for “Netanyahu”, which alone could mean others: the page also names Benjamin Netanyahu.',
    );
  });

  test('each fact names its source in a compact line, with the full provenance a click away', async ({ openArticle }) => {
    const page = await openArticle(URL);
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.mouse.move(at.x, at.y);
    await waitForCard(page, 'Antony Blinken');
    expect((await inCard(page, '.bs-prov > summary'))?.text).toMatch(/^\S.* · (\d{1,2} )?[A-Z][a-z]{2} \d{4}$/);
    expect(await inCard(page, '.bs-prov-full')).toMatchObject({ visible: false });
    await clickInCard(page, '.bs-prov > summary');
    await expect
      .poll(() => inCard(page, '.bs-prov-full'))
      .toMatchObject({ visible: true, text: expect.stringContaining('from the dataset “') });
  });

  test('shows the right card for an organisation, a place and an event', async ({ openArticle }) => {
    const page = await openArticle(URL);
    const idf = await pointOf(page, '#p3', 'IDF');
    await page.mouse.move(idf.x, idf.y);
    expect((await waitForCard(page, 'Israel Defense Forces')).text).toContain('Organisation');
    await page.mouse.move(5, 5);
    await waitForNoCard(page);
    const rafah = await pointOf(page, '#p4', 'Rafah');
    await page.mouse.move(rafah.x, rafah.y);
    await waitForCard(page, 'Rafah');
    await page.mouse.move(5, 5);
    await waitForNoCard(page);
    const attack = await pointOf(page, '#p5', 'October 7 attack');
    await page.mouse.move(attack.x, attack.y);
    const event = await waitForCard(page, 'October 7 attack');
    expect(event.text).toContain('Event');
    expect(event.text).toContain('2023');
  });

  test('stays open while the pointer moves into it, and Esc closes it', async ({ openArticle }) => {
    const page = await openArticle(URL);
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.mouse.move(at.x, at.y);
    await waitForCard(page, 'Antony Blinken');
    const box = await page.evaluate(() => {
      const rect = document.querySelector('backstory-card')!.shadowRoot!.querySelector('[role="dialog"]')!.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + 20 };
    });
    await page.mouse.move(box.x, box.y, { steps: 4 });
    // Longer than the close delay: the card must still be there.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await page.evaluate(openCard))?.name).toBe('Antony Blinken');
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
  });

  test('the look-up opens the card for the selection with focus; Esc closes it and focus returns', async ({ firefox, openArticle }) => {
    const page = await openArticle(URL);
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'reader-focus';
      button.textContent = 'focus me';
      document.querySelector('main')!.append(button);
      button.focus();
    });
    await selectText(page, '#p3', 'IDF');
    await runLookUpCommand(firefox, page);
    const card = await waitForCard(page, 'Israel Defense Forces');
    expect(card.focused).toBe(true);
    for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BACKSTORY-CARD');
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reader-focus');
  });

  test('an article from November 2023 labels facts from 2024 as later', async ({ openArticle }) => {
    const page = await openArticle('https://www.cnn.com/2023/11/05/politics/early-talks/index.html', fixturePage('article-2023.html'));
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.mouse.move(at.x, at.y);
    const card = await waitForCard(page, 'Antony Blinken');
    expect(card.text).toContain('As of this article (5 Nov 2023)');
    const later = await page.evaluate(() => document.querySelector('backstory-card')!.shadowRoot!.querySelector('.bs-later')?.textContent);
    expect(later).toBe('later');
  });

  test('every face an open card shows is one its warm-up shapes', async ({ openArticle }) => {
    const faces = new Set<string>();
    for (const { url, page: html, selector, text, name } of FACE_CARDS) {
      const page = await openArticle(url, fixturePage(html));
      const point = await pointOf(page, selector, text);
      await page.mouse.move(point.x, point.y);
      await waitForCard(page, name);
      for (const face of await page.evaluate(openCardFaces)) faces.add(face);
    }
    expect(faces.size).toBeGreaterThanOrEqual(6);
    expect(unwarmedFaces(faces)).toEqual([]);
  });

  test('axe finds no accessibility violations in the open card', async ({ openArticle }) => {
    const page = await openArticle(URL);
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.mouse.move(at.x, at.y);
    await waitForCard(page, 'Antony Blinken');
    const violations = await axeViolations(page, [['backstory-card', '[role="dialog"]']]);
    expect(violations).toEqual([]);
  });
});
