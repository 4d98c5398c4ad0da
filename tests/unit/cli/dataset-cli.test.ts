import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function run(...args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'lib/cli/dataset.ts', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each case starts a Node process that compiles TypeScript on the fly: allow for a slow machine.
describe('npm run dataset', { timeout: 30_000 }, () => {
  it('validate: exit 0 and a one-line summary for the bundled dataset', () => {
    const result = run('validate', 'data/backstory.json');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/valid — .* \d+ entities/);
  });

  it('validate: exit 1 and every problem as PATH: message', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backstory-cli-'));
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, id: 'Bad Id', title: 'x' }));
    const result = run('validate', file);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).toMatch(/^\$[^:]*: .+/);
    expect(result.stdout).toContain('$.id: must be a lowercase slug');
  });

  it('schema: prints the JSON Schema', () => {
    const schema = JSON.parse(run('schema').stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['schemaVersion', 'entities', 'sources']));
  });

  it('stats: counts by kind', () => {
    const result = run('stats', 'data/backstory.json');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/person\s+\d+/);
    expect(result.stdout).toMatch(/quotes\s+\d+/);
  });

  it('an unknown command prints usage and exits 2', () => {
    expect(run('frobnicate').status).toBe(2);
  });
});
