import { locateWordBefore } from '../support/page-probes';
import { expect, pointOf, test } from './fixtures';

const URL = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';

test.describe('the card', () => {
  test('opens on hover after the dwell, named for the entity, and closes when the pointer leaves', async ({ openArticle }) => {
    const page = await openArticle(URL);
    const dialog = page.getByRole('dialog');
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.evaluate(() => {
      const w = window as unknown as { firstMove?: number };
      document.addEventListener('pointermove', (event) => (w.firstMove ??= event.timeStamp), { once: true });
    });
    await page.mouse.move(at.x, at.y);
    await expect(page.getByRole('dialog', { name: 'Antony Blinken' })).toBeVisible();
    // The card opened only after the dwell (300 ms by default), timed inside the page.
    const waited = await page.evaluate(() => {
      const card = performance.getEntriesByName('backstory:card')[0]!;
      return card.startTime - (window as unknown as { firstMove: number }).firstMove;
    });
    expect(waited).toBeGreaterThanOrEqual(290);
    await expect(dialog).toContainText('Person');
    await expect(dialog).toContainText('Secretary of State');
    await expect(dialog.locator('.bs-why')).toHaveText('Marked for its name, “Antony Blinken”.');

    await page.mouse.move(5, 5);
    await expect(dialog).toHaveCount(0);
  });

  test('says why a bare surname is marked: the page also names the person in full', async ({ openArticle }) => {
    const page = await openArticle(URL);
    // The bare "Netanyahu" later in the paragraph, not the full name before it.
    const at = await page.evaluate(locateWordBefore, { selector: '#p2', word: 'Netanyahu', followedBy: ' has' });
    await page.mouse.move(at.x, at.y);
    const dialog = page.getByRole('dialog', { name: 'Benjamin Netanyahu' });
    await expect(dialog.locator('.bs-why')).toHaveText(
      'Marked for “Netanyahu”, which alone could mean others: the page also names Benjamin Netanyahu.',
    );
  });

  test('each fact names its source in a compact line, with the full provenance a click away', async ({ openArticle }) => {
    const page = await openArticle(URL);
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.mouse.move(at.x, at.y);
    const dialog = page.getByRole('dialog', { name: 'Antony Blinken' });
    const line = dialog.locator('.bs-prov > summary').first();
    await expect(line).toHaveText(/^\S.* · (\d{1,2} )?[A-Z][a-z]{2} \d{4}$/);
    await expect(dialog.locator('.bs-prov-full').first()).toBeHidden();
    await line.click();
    await expect(dialog.locator('.bs-prov-full').first()).toContainText('from the dataset “');
  });

  test('shows the right card for an organisation and a place', async ({ openArticle }) => {
    const page = await openArticle(URL);
    const idf = await pointOf(page, '#p3', 'IDF');
    await page.mouse.move(idf.x, idf.y);
    await expect(page.getByRole('dialog', { name: 'Israel Defense Forces' })).toBeVisible();
    await expect(page.getByRole('dialog')).toContainText('Organisation');

    await page.mouse.move(5, 5);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const rafah = await pointOf(page, '#p4', 'Rafah');
    await page.mouse.move(rafah.x, rafah.y);
    await expect(page.getByRole('dialog', { name: 'Rafah' })).toBeVisible();
  });

  test('shows the card of an event with its date', async ({ openArticle }) => {
    const page = await openArticle(URL);
    const at = await pointOf(page, '#p5', 'October 7 attack');
    await page.mouse.move(at.x, at.y);
    const dialog = page.getByRole('dialog', { name: 'October 7 attack' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Event');
    await expect(dialog).toContainText('2023');
  });

  test('stays open while the pointer moves into it, and Esc closes it', async ({ openArticle }) => {
    const page = await openArticle(URL);
    const at = await pointOf(page, '#p1', 'Blinken');
    await page.mouse.move(at.x, at.y);
    const dialog = page.getByRole('dialog', { name: 'Antony Blinken' });
    await expect(dialog).toBeVisible();
    const box = (await dialog.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 4 });
    await page.waitForTimeout(600);
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });
});
