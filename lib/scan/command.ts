import { formatProblem, validateDatasetText } from '../dataset/validate';
import { createMatcher } from '../match/matcher';
import { compileSnapshot } from '../match/snapshot';
import { SCAN_USAGE, parseScanArgs, type ScanOptions } from './args';
import { formatJson, formatText } from './format';
import { readPage } from './page';
import { scanBlocks } from './scan';

/** What the command needs from the outside world, passed in so tests run it without a process. */
export interface ScanIo {
  /** Reads a UTF-8 file; throws when it cannot. */
  readFile(path: string): string;
  out(text: string): void;
  err(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** `npm run scan -- [--json] [--dataset FILE] PAGE`; returns the exit code. */
export function runScanCommand(argv: readonly string[], io: ScanIo, defaultDataset?: string): number {
  const parsed = parseScanArgs(argv, defaultDataset);
  if (parsed.kind === 'help') {
    io.out(SCAN_USAGE);
    return EXIT_OK;
  }
  if (parsed.kind === 'usage-error') {
    io.err(`scan: ${parsed.message}\n\n${SCAN_USAGE}`);
    return EXIT_USAGE;
  }
  return scan(parsed.options, io);
}

function scan(options: ScanOptions, io: ScanIo): number {
  const datasetText = read(options.dataset, 'dataset', io);
  if (datasetText === null) return EXIT_FAILURE;
  const validation = validateDatasetText(datasetText);
  if (!validation.ok) {
    for (const problem of validation.problems) io.err(formatProblem(problem));
    io.err(`${options.dataset}: not a valid dataset (${validation.problems.length} problem${validation.problems.length === 1 ? '' : 's'})`);
    return EXIT_FAILURE;
  }
  const pageText = read(options.page, 'page', io);
  if (pageText === null) return EXIT_FAILURE;

  const { dataset } = validation;
  const matcher = createMatcher(compileSnapshot(`${dataset.id}@${dataset.version}`, dataset.entities));
  let page;
  try {
    page = readPage(options.page, pageText);
  } catch (error) {
    io.err(`${options.page}: cannot parse the page: ${(error as Error).message}`);
    return EXIT_FAILURE;
  }
  const mentions = scanBlocks(matcher, page.blocks, page.pageDate ? { pageDate: page.pageDate } : {});
  const report = { file: options.page, mentions, pageDate: page.pageDate };
  io.out(options.json ? formatJson(report) : formatText(report));
  return EXIT_OK;
}

function read(path: string, what: string, io: ScanIo): string | null {
  try {
    return io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    io.err(`${path}: cannot read the ${what}: ${reason}`);
    return null;
  }
}
