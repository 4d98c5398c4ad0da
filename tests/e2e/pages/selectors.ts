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

const libraryItem = testId('library-item');

export const OPTIONS = {
  /** Every dataset of the library; the title, version and counts below are found inside one. */
  libraryItem,
  /** One dataset of the library, by id. */
  dataset: (id: string) => `${libraryItem}[data-id="${id}"]`,
  /** A dataset's on/off switch (inside its library item), with `aria-checked`. */
  datasetSwitch: '[role="switch"]',
  dataMessage: testId('data-message'),
  title: testId('dataset-title'),
  version: testId('dataset-version'),
  count: testId('dataset-count'),
  editCount: testId('edit-count'),
  /** The Entities section's choice of dataset. */
  entityDataset: '#entity-dataset',
  entityRows: 'table.entity-list tbody tr',
  entityRow: (id: string) => `table.entity-list tbody tr[data-id="${id}"]`,
  entityDetail: testId('entity-detail'),
  importFile: testId('import-file'),
  dropZone: testId('drop-zone'),
  review: 'section.review',
  /** What the import under review does ("Adds a new dataset…", "Updates …"), with the dataset's id in `data-id`. */
  importTarget: testId('import-target'),
  diff: (kind: DiffKind) => testId(`diff-${kind}`),
  problem: testId('problem'),
  problemPosition: testId('problem-position'),
  importDone: testId('import-done'),
  storageAlert: '.storage-unavailable[role="alert"]',
} as const;
