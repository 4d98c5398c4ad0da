export const SCAN_USAGE = `Usage: npm run scan -- [--json] [--dataset FILE] PAGE

Runs Backstory's mention engine over PAGE (an .html file, or a .txt file whose every line is
article text) and prints the mentions it links.

Options:
  --json          print one JSON object {"file", "mentions": [{"text", "start", "end", "entityId", "name", "kind"}]};
                  a name inside a longer linked name also has "nested": true and "outer" (that name's entityId)
  --dataset FILE  the dataset to use (default: data/backstory.json)
  -h, --help      show this help`;

export const DEFAULT_DATASET = 'data/backstory.json';

export interface ScanOptions {
  json: boolean;
  dataset: string;
  page: string;
}

export type ParsedArgs = { kind: 'scan'; options: ScanOptions } | { kind: 'help' } | { kind: 'usage-error'; message: string };

/** Reads the command line; anything it does not understand is a usage error, never a guess. */
export function parseScanArgs(argv: readonly string[], defaultDataset = DEFAULT_DATASET): ParsedArgs {
  let json = false;
  let dataset = defaultDataset;
  const pages: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--json') {
      json = true;
    } else if (arg === '--dataset' || arg.startsWith('--dataset=')) {
      const value = arg === '--dataset' ? argv[++i] : arg.slice('--dataset='.length);
      if (!value) return { kind: 'usage-error', message: '--dataset needs a file name' };
      dataset = value;
    } else if (arg === '--') {
      pages.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { kind: 'usage-error', message: `unknown option ${arg}` };
    } else {
      pages.push(arg);
    }
  }
  if (pages.length !== 1) return { kind: 'usage-error', message: pages.length ? 'give exactly one PAGE' : 'missing PAGE' };
  return { kind: 'scan', options: { json, dataset, page: pages[0]! } };
}
