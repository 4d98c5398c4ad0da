import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const URL = 'https://edition.cnn.com/2024/03/21/middleeast/demo-article/index.html';

/** Evaluates an expression inside Backstory's content-script world on `page`, as the content script would. */
async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Backstory');
  if (!world) throw new Error(`No Backstory content-script world among: ${contexts.map((c) => c.name).join(', ')}`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    contextId: world.id,
    expression,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

test.describe('messages', () => {
  test("a content script can read what a card shows, but nothing only Backstory's pages may ask", async ({ openArticle }) => {
    const page = await openArticle(URL);
    const read = await inContentScript(
      page,
      `chrome.runtime.sendMessage({ backstory: 1, name: 'getEntities', payload: { ids: ['backstory-bundled/hamas'] } })`,
    );
    // Ids cross to pages scoped by dataset ("datasetId/entityId").
    expect(read).toMatchObject({ ok: true, result: { entities: [{ id: 'backstory-bundled/hamas' }] } });
    for (const [name, payload] of [
      ['resetToBundled', { keepEdits: false }],
      ['exportData', { dataset: 'backstory-bundled', what: 'edits' }],
      ['removeDataset', { dataset: 'backstory-bundled' }],
      ['exportBackup', {}],
      ['search', { query: 'ham' }],
    ] as const) {
      const refused = await inContentScript(
        page,
        `chrome.runtime.sendMessage({ backstory: 1, name: '${name}', payload: ${JSON.stringify(payload)} })`,
      );
      expect(refused, name).toEqual({ ok: false, error: expect.stringContaining("only accepted from Backstory's own pages") });
    }
  });

  test('invalid payloads and unknown messages are refused', async ({ openArticle }) => {
    const page = await openArticle(URL);
    const bad = await inContentScript(page, `chrome.runtime.sendMessage({ backstory: 1, name: 'getEntities', payload: { ids: 'all' } })`);
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('Invalid payload') });
    const unknown = await inContentScript(page, `chrome.runtime.sendMessage({ backstory: 1, name: 'dropDatabase', payload: {} })`);
    expect(unknown).toMatchObject({ ok: false, error: expect.stringContaining('Unknown message') });
  });
});
