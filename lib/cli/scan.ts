import { readFileSync } from 'node:fs';
import { runScanCommand } from '../scan/command';

// The scan tool's logic lives in lib/scan (pure and tested); this file only connects it to the process.
process.exitCode = runScanCommand(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  out: (text) => console.log(text),
  err: (text) => console.error(text),
});
