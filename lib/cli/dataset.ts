import { readFileSync } from 'node:fs';
import { datasetJsonSchemaText } from '../dataset/json-schema';
import { datasetStats } from '../dataset/stats';
import { formatProblem, validateDatasetText, type ValidationResult } from '../dataset/validate';

const USAGE = `Usage: npm run dataset -- <command>

Commands:
  validate FILE   check a dataset; exit 0 when valid, else print every problem as PATH: message
  stats FILE      counts by kind, aliases, facts, quotes, sources
  schema          print the JSON Schema of the dataset format`;

function load(file: string | undefined): ValidationResult {
  if (!file) {
    console.error(USAGE);
    process.exit(2);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${file}: cannot read: ${(error as Error).message}`);
    process.exit(1);
  }
  return validateDatasetText(text);
}

function main(argv: string[]): number {
  const [command, file] = argv;
  switch (command) {
    case 'schema':
      process.stdout.write(datasetJsonSchemaText());
      return 0;
    case 'validate': {
      const result = load(file);
      if (!result.ok) {
        for (const problem of result.problems) console.log(formatProblem(problem));
        console.error(`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
        return 1;
      }
      const s = datasetStats(result.dataset);
      console.log(
        `${file}: valid — "${result.dataset.title}" ${result.dataset.version}, ${s.entities} entities, ${s.aliases} aliases, ${s.sources} sources`,
      );
      return 0;
    }
    case 'stats': {
      const result = load(file);
      if (!result.ok) {
        for (const problem of result.problems) console.log(formatProblem(problem));
        return 1;
      }
      const s = datasetStats(result.dataset);
      const rows: Array<[string, number]> = [
        ['entities', s.entities],
        ...Object.entries(s.byKind).map(([kind, n]) => [`  ${kind}`, n] as [string, number]),
        ['aliases', s.aliases],
        ['relations', s.relations],
        ['facts', s.facts],
        ['quotes', s.quotes],
        ['timeline items', s.timeline],
        ['sources', s.sources],
      ];
      for (const [label, n] of rows) console.log(`${label.padEnd(16)} ${n}`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
