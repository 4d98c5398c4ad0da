/**
 * What the page objects look for, in plain CSS selectors, so the Chromium page objects (Playwright)
 * and the Firefox ones (Puppeteer) find the same things the same way.
 */
const testId = (id: string) => `[data-testid="${id}"]`;

export const POPUP = {
  castItem: '.cast-item',
  castName: '.cast-name',
  castCount: '.cast-count',
  castPeople: 'section[aria-labelledby="cast-person"] .cast-name',
  siteToggle: '.site-toggle',
  search: 'input[role="combobox"]',
  result: '[role="option"]',
  resultName: '.result-name',
  entry: (name: string) => `section.entry[aria-label="Entry: ${name}"]`,
  storageAlert: '.storage-unavailable[role="alert"]',
} as const;

export type DiffKind = 'added' | 'changed' | 'removed' | 'conflicts' | 'unchanged';

export const OPTIONS = {
  title: testId('dataset-title'),
  version: testId('dataset-version'),
  count: testId('dataset-count'),
  editCount: testId('edit-count'),
  entityRows: 'table.entity-list tbody tr',
  importFile: testId('import-file'),
  dropZone: testId('drop-zone'),
  review: 'section.review',
  diff: (kind: DiffKind) => testId(`diff-${kind}`),
  problem: testId('problem'),
  problemPosition: testId('problem-position'),
  importDone: testId('import-done'),
  storageAlert: '.storage-unavailable[role="alert"]',
} as const;
