import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The text of a page written for the tests (tests/fixtures/pages). */
export function fixturePage(name: string): string {
  return readFileSync(path.resolve('tests/fixtures/pages', name), 'utf8');
}
