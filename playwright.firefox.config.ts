import { defineConfig } from '@playwright/test';

/**
 * The Firefox end-to-end suite (`npm run test:e2e:firefox`): Playwright Test runs it, each test
 * drives its own Firefox through Puppeteer over WebDriver BiDi, with the built .output/firefox-mv2.
 */
export default defineConfig({
  testDir: 'tests/e2e-firefox',
  testMatch: '**/*.spec.ts',
  // One browser at a time, as in the Chromium suite.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'tests/e2e-firefox/.report' }]] : 'list',
  outputDir: 'tests/e2e-firefox/.results',
});
