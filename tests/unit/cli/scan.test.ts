import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDatasetText } from '../../../lib/dataset/validate';
import { createMatcher } from '../../../lib/match/matcher';
import { compileSnapshot } from '../../../lib/match/snapshot';
import { DEFAULT_DATASET, parseScanArgs } from '../../../lib/scan/args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, runScanCommand } from '../../../lib/scan/command';
import { pageFromHtml, pageFromText, readPage } from '../../../lib/scan/page';
import { extractedText, scanBlocks, type ScanMention } from '../../../lib/scan/scan';

const FIXTURES = 'tests/fixtures/scan';
const DATASET = `${FIXTURES}/dataset.json`;

/** Runs the command as the CLI would, reading real files, and captures what it prints. */
function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runScanCommand(argv, {
    readFile: (path) => readFileSync(path, 'utf8'),
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function scanJson(page: string): { file: string; mentions: ScanMention[] } {
  const result = run('--json', '--dataset', DATASET, page);
  expect(result.code).toBe(EXIT_OK);
  return JSON.parse(result.out) as { file: string; mentions: ScanMention[] };
}

const summary = (mentions: readonly ScanMention[]) => mentions.map((m) => `${m.text}→${m.entityId}`);

describe('scan of an HTML page', () => {
  const file = `${FIXTURES}/article.html`;
  const result = scanJson(file);

  it('prints one JSON object naming the file', () => {
    expect(result.file).toBe(file);
    expect(Object.keys(result)).toEqual(['file', 'mentions']);
  });

  it('lists the linked mentions of the article in document order, and nothing from its chrome', () => {
    expect(summary(result.mentions)).toEqual([
      'Washington, D.C.→washington-dc',
      'Gaza→gaza-strip',
      'Antony Blinken→antony-blinken',
      'Blinken→antony-blinken',
      'U.S.→united-states',
      'Israel→israel',
      'Al–Shifa Hospital→al-shifa-hospital',
      'Gaza City→gaza-city',
      'Hamas→hamas',
      'October 7→october-7-attack',
      'WHO→world-health-organization',
    ]);
  });

  it('gives each mention its text, offsets, id, name and kind', () => {
    expect(result.mentions[2]).toEqual({
      text: 'Antony Blinken',
      start: expect.any(Number),
      end: expect.any(Number),
      entityId: 'antony-blinken',
      name: 'Antony Blinken',
      kind: 'person',
    });
  });

  it('gives offsets into the extracted text (blocks joined by newlines)', () => {
    const text = extractedText(pageFromHtml(readFileSync(file, 'utf8')).blocks);
    for (const mention of result.mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
    const starts = result.mentions.map((mention) => mention.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("does not link a surname ('Austin') the page gives no context for", () => {
    expect(result.mentions.some((mention) => mention.text === 'Austin')).toBe(false);
  });
});

describe('scan gating by the page date', () => {
  it("does not link 'October 7' to the 2023 attack on a page dated 2015 (JSON-LD datePublished)", () => {
    const { mentions } = scanJson(`${FIXTURES}/dated-2015.html`);
    expect(summary(mentions)).toEqual(['Hamas→hamas', 'Israel→israel']);
  });

  it('reads the page date from the HTML', () => {
    expect(pageFromHtml(readFileSync(`${FIXTURES}/dated-2015.html`, 'utf8')).pageDate).toBe('2015-10-08');
    expect(pageFromHtml(readFileSync(`${FIXTURES}/article.html`, 'utf8')).pageDate).toBe('2024-02-10');
  });
});

describe('scan of a text file', () => {
  const file = `${FIXTURES}/article.txt`;
  const { mentions } = scanJson(file);

  it('treats every line as article text and links what the page gives context for', () => {
    expect(summary(mentions)).toEqual([
      'Lloyd Austin→lloyd-austin',
      'Austin→lloyd-austin',
      'United States→united-states',
      'Washington, DC→washington-dc',
      'WHO→world-health-organization',
      'Gaza→gaza-strip',
    ]);
  });

  it('gives offsets into the file’s own text', () => {
    const text = readFileSync(file, 'utf8');
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });
});

describe('the readable output', () => {
  const result = run('--dataset', DATASET, `${FIXTURES}/article.txt`);
  const lines = result.out.split('\n');

  it('starts with a summary line', () => {
    expect(result.code).toBe(EXIT_OK);
    expect(lines[0]).toBe(`${FIXTURES}/article.txt: 6 mentions of 5 entities, no publication date`);
  });

  it('prints one line per mention with its offset and entity', () => {
    expect(lines).toContain('  0  "Lloyd Austin" → Lloyd Austin (person, lloyd-austin)');
    expect(lines).toContain(' 50  "Austin" → Lloyd Austin (person, lloyd-austin)');
  });

  it('ends with a count per entity, most mentioned first', () => {
    const table = lines.slice(lines.indexOf('n  entity') + 1);
    expect(table[0]).toBe('2  Lloyd Austin (person, lloyd-austin)');
    expect(table).toHaveLength(5);
  });

  it('says so when a page has no mentions', () => {
    const empty = run('--dataset', DATASET, `${FIXTURES}/no-mentions.txt`);
    expect(empty.code).toBe(EXIT_OK);
    expect(empty.out).toBe(`${FIXTURES}/no-mentions.txt: 0 mentions of 0 entities, no publication date`);
  });
});

describe('errors', () => {
  it.each<[string, string[], number, RegExp]>([
    [
      'fails with exit 1 on a missing page',
      ['--dataset', DATASET, `${FIXTURES}/missing.html`],
      EXIT_FAILURE,
      /missing\.html: cannot read the page: no such file/,
    ],
    [
      'fails with exit 1 on a page that is a directory',
      ['--dataset', DATASET, FIXTURES],
      EXIT_FAILURE,
      /cannot read the page: is a directory/,
    ],
    [
      'fails with exit 1 on a missing dataset',
      ['--dataset', `${FIXTURES}/missing.json`, `${FIXTURES}/article.txt`],
      EXIT_FAILURE,
      /missing\.json: cannot read the dataset/,
    ],
    [
      'fails with exit 1 on an invalid dataset, printing its problems',
      ['--dataset', `${FIXTURES}/invalid-dataset.json`, `${FIXTURES}/article.txt`],
      EXIT_FAILURE,
      /aliases\[2\]\.text: must be at least two characters[\s\S]*not a valid dataset/,
    ],
    [
      'fails with exit 1 on a dataset that is not JSON',
      ['--dataset', `${FIXTURES}/article.txt`, `${FIXTURES}/article.txt`],
      EXIT_FAILURE,
      /not valid JSON/,
    ],
    ['fails with exit 2 without a page', ['--json'], EXIT_USAGE, /missing PAGE[\s\S]*Usage:/],
    ['fails with exit 2 on two pages', ['a.html', 'b.html'], EXIT_USAGE, /exactly one PAGE/],
    ['fails with exit 2 on an unknown option', ['--jsn', 'a.html'], EXIT_USAGE, /unknown option --jsn/],
    ['fails with exit 2 when --dataset has no file', ['a.html', '--dataset'], EXIT_USAGE, /--dataset needs a file name/],
  ])('%s', (_behaviour, argv, code, message) => {
    const result = run(...argv);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
    expect(result.out).toBe('');
  });

  it('prints its usage with --help and exits 0', () => {
    const result = run('--help');
    expect(result.code).toBe(EXIT_OK);
    expect(result.out).toMatch(/^Usage: npm run scan -- \[--json\] \[--dataset FILE\] PAGE/);
  });
});

describe('parseScanArgs', () => {
  it.each<[string, string[], object]>([
    ['takes a page alone, with the default dataset', ['page.html'], { json: false, dataset: DEFAULT_DATASET, page: 'page.html' }],
    ['takes --json before or after the page', ['page.html', '--json'], { json: true, dataset: DEFAULT_DATASET, page: 'page.html' }],
    ['takes --dataset FILE', ['--dataset', 'd.json', 'page.html'], { json: false, dataset: 'd.json', page: 'page.html' }],
    ['takes --dataset=FILE', ['--dataset=d.json', 'page.html'], { json: false, dataset: 'd.json', page: 'page.html' }],
    ['takes a page named like an option after --', ['--', '--odd.html'], { json: false, dataset: DEFAULT_DATASET, page: '--odd.html' }],
  ])('%s', (_behaviour, argv, options) => {
    expect(parseScanArgs(argv)).toEqual({ kind: 'scan', options });
  });
});

describe('reading pages', () => {
  it('reads a .txt file line by line, empty lines included', () => {
    expect(pageFromText('Hamas\r\n\r\nIsrael\n').blocks).toEqual(['Hamas', '', 'Israel', '']);
  });

  it('drops a byte-order mark', () => {
    expect(pageFromText('\ufeffHamas').blocks).toEqual(['Hamas']);
  });

  it('reads an HTML fragment without <html> or <body>', () => {
    expect(pageFromHtml('<p>Antony <a>Blinken</a></p><nav>Hamas</nav><p>Gaza</p>').blocks).toEqual(['Antony Blinken', 'Gaza']);
  });

  it('reads a file by its extension, or as text when it has no markup', () => {
    expect(readPage('notes.txt', '<p>not markup here</p>').blocks).toEqual(['<p>not markup here</p>']);
    expect(readPage('page.html', '<p>Hamas</p>').blocks).toEqual(['Hamas']);
    expect(readPage('notes.md', 'Hamas said\nIsrael said').blocks).toEqual(['Hamas said', 'Israel said']);
  });
});

describe('scanBlocks', () => {
  const validation = validateDatasetText(readFileSync(DATASET, 'utf8'));
  if (!validation.ok) throw new Error('fixture dataset invalid');
  const matcher = createMatcher(compileSnapshot('fixture', validation.dataset.entities));

  it('establishes the whole page before resolving, so context given later counts', () => {
    const mentions = scanBlocks(matcher, ['Blinken arrived.', 'Antony Blinken spoke.']);
    expect(summary(mentions)).toEqual(['Blinken→antony-blinken', 'Antony Blinken→antony-blinken']);
  });

  it('counts one newline between blocks in its offsets', () => {
    const blocks = ['Hamas', '', 'Israel'];
    const [, israel] = scanBlocks(matcher, blocks);
    expect(israel).toMatchObject({ text: 'Israel', start: 7, end: 13 });
    expect(extractedText(blocks).slice(7, 13)).toBe('Israel');
  });
});
