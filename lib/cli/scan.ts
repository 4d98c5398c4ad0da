import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScanCommand } from '../scan/command';

// The scan tool's logic lives in lib/scan (pure and tested); this file only connects it to the process.

// `npm run` moves into the repo; INIT_CWD is where the user typed the command, so their paths count from there.
const userCwd = process.env.INIT_CWD ?? process.cwd();
// The bundled dataset is found from this file, wherever the command was typed.
const bundledDataset = fileURLToPath(new URL('../../data/backstory.json', import.meta.url));

process.exitCode = runScanCommand(
  process.argv.slice(2),
  {
    readFile: (path) => readFileSync(resolve(userCwd, path), 'utf8'),
    out: (text) => console.log(text),
    err: (text) => console.error(text),
  },
  bundledDataset,
);
