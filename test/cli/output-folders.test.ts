import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../helpers/fake-io.js';

// -o creates the folders its path names (a CI step writes reports/…/out.sarif into a fresh checkout),
// and a run that fails leaves no folder of its own behind.

describe('-o into folders that do not exist yet', () => {
  it('creates them and writes the output there, as stdout would have it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-folders-'));
    const file = join(dir, 'reports', '2015', 'scores.json');
    const { exitCode, stdout } = await run(['evaluate', '-f', 'json', '-o', file]);
    expect(exitCode).toBe(0);
    expect(stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe((await run(['evaluate', '-f', 'json'])).stdout);
  });

  it('creates them for a streamed (NDJSON) run too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-folders-'));
    const input = join(dir, 'records.ndjson');
    writeFileSync(input, `${JSON.stringify(parse(readFileSync('fixtures/us-china-2015-09.yaml', 'utf8')))}\n`);
    const file = join(dir, 'out', 'scores.ndjson');
    const { exitCode } = await run(['evaluate', input, '-m', 'lewis-2015', '-f', 'ndjson', '-o', file]);
    expect(exitCode).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!)).toMatchObject({ record: { id: 'us-china-2015-09' } });
  });

  it('names a folder in the path that is a file, and makes no folder when the run fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-folders-'));
    writeFileSync(join(dir, 'plain'), 'a file');
    const { exitCode, stderr } = await run(['evaluate', '-f', 'json', '-o', join(dir, 'new', 'a.json'), '-f', 'csv', '-o', join(dir, 'plain', 'b.csv')]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain(`error OUTPUT_FAILED ${join(dir, 'plain', 'b.csv')}`);
    expect(stderr).toContain('a folder in its path is a file (ENOTDIR)');
    expect(existsSync(join(dir, 'new'))).toBe(false);
  });
});

describe('-o creates its folders for every command that has it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'summit-folders-every-'));
  const evaluation = join(dir, 'a.json');
  const RUNS: Record<string, string[]> = {
    validate: ['validate', 'matrices', '-f', 'sarif'],
    test: ['test', 'lewis-2015', '-f', 'junit'],
    compare: ['compare', 'us-china-2015-09', 'us-china-2013-06', '-m', 'lewis-2015', '-f', 'csv'],
    timeline: ['timeline', 'us-china-2015-09', '-m', 'lewis-2015', '-f', 'json'],
    sensitivity: ['sensitivity', 'us-china-2015-09', '-m', 'lewis-2015', '--samples', '0', '-f', 'markdown'],
    diff: ['diff', evaluation, evaluation, '-f', 'json'],
    codebook: ['codebook', '-m', 'lewis-2015'],
    sources: ['sources', '-m', 'lewis-2015', '-f', 'bibtex'],
    agree: ['agree', '-m', 'lewis-2015', 'fixtures/coders/a', 'fixtures/coders/b', '--samples', '50', '-f', 'json'],
    merge: ['merge', 'fixtures/coders/a', 'fixtures/coders/b'],
    'import grid': ['import', 'grid', 'examples/compliance-grid.csv', '--mapping', 'examples/compliance-grid.mapping.yaml'],
  };
  it.each(Object.entries(RUNS))('%s -o reports/NEW/out writes there what it prints', async (name, argv) => {
    if (!existsSync(evaluation)) expect((await run(['evaluate', 'us-china-2015-09', '-m', 'lewis-2015', '-f', 'json', '-o', evaluation])).exitCode).toBe(0);
    const printed = await run(argv);
    expect(printed.exitCode, printed.stderr).toBe(0);
    const file = join(dir, 'reports', name.replace(' ', '-'), 'out');
    const written = await run([...argv, '-o', file]);
    expect([written.exitCode, written.stdout]).toEqual([0, '']);
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
  });
  it.each(
    Object.entries({
      evaluate: ['evaluate', '-f', 'json'],
      'evaluate -f ndjson': ['evaluate', 'us-china-2015-09', '-m', 'lewis-2015', '-f', 'ndjson'],
      ...RUNS,
    }),
  )("%s -o '' is a usage error, not the working folder", async (_, argv) => {
    const { exitCode, stdout, stderr } = await run([...argv, '-o', '']);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('error USAGE -o names no file (give -o a file name, or leave it out to write to stdout)\n');
  });
});
