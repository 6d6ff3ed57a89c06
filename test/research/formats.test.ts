import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairOutputs, type OutputToken } from '../../src/commands/output-options.js';
import { toCsv } from '../../src/format/csv.js';
import { mdText } from '../../src/format/markdown.js';
import { bar, sparkline } from '../../src/format/charts.js';
import { InputError } from '../../src/diagnostics.js';
import { run } from '../helpers/fake-io.js';
import { readCsv } from './helpers.js';

const SIX = ['us-china-2015-09', 'us-china-2013-06', 'us-china-2017-04', 'uk-china-2015-10', 'us-russia-2021-06', 'us-china-2023-11'];

const NUMBER_COLUMNS = ['level_score', 'points', 'max_points', 'weight', 'contribution', 'score', 'rank'];
const BOOLEAN_COLUMNS = ['applicable', 'tied', 'changed'];
const TEXT_COLUMNS = ['matrix', 'record', 'criterion', 'level', 'verdict', 'party', 'subject'];

/** Every cell of a long CSV has the type its column promises, once read back by csv-parse. */
function expectTyped(rows: Record<string, unknown>[]): void {
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    for (const [column, value] of Object.entries(row)) {
      if (NUMBER_COLUMNS.includes(column)) expect(value === '' || typeof value === 'number', `${column}=${String(value)}`).toBe(true);
      if (BOOLEAN_COLUMNS.includes(column)) expect(['TRUE', 'FALSE'], column).toContain(value);
      if (TEXT_COLUMNS.includes(column)) expect(typeof value, column).toBe('string');
    }
  }
}

describe('long (tidy) CSV', () => {
  it('reads back into csv-parse with the right types, and the contributions of a case add up to its total', async () => {
    const { stdout } = await run(['evaluate', '-m', 'lewis-2015', ...SIX, '-f', 'long']);
    const rows = readCsv(stdout);
    expectTyped(rows);
    expect(rows).toHaveLength(6 * 5);
    expect(rows[0]).toMatchObject({
      matrix: 'lewis-2015',
      record: 'us-china-2015-09',
      criterion: 'negotiation',
      subject: '',
      party: '',
      applicable: 'TRUE',
      level: 'lapsed',
      level_score: 1,
      points: 1,
      max_points: 2,
      weight: 4,
      contribution: 25,
      score: 75,
      verdict: 'gesture',
    });
    for (const record of SIX) {
      const own = rows.filter((row) => row['record'] === record);
      const sum = own.reduce((total, row) => total + (typeof row['contribution'] === 'number' ? row['contribution'] : 0), 0);
      expect(sum).toBeCloseTo(own[0]!['score'] as number, 1);
    }
  });

  it('gives per-party criteria one row per case x criterion x party, with shares that add up', async () => {
    const { stdout } = await run(['evaluate', 'us-china-2015-09', 'us-china-2017-04', '-m', 'g20-compliance', '-f', 'long']);
    const rows = readCsv(stdout);
    expectTyped(rows);
    expect(rows.every((row) => row['party'] === 'US' || row['party'] === 'CN')).toBe(true);
    const first = rows.filter((row) => row['record'] === 'us-china-2015-09');
    expect(first.map((row) => `${String(row['subject'])}/${String(row['party'])}=${String(row['level'])}`)).toContain('commit-first-dialogue/US=full');
    expect(first.reduce((total, row) => total + (row['contribution'] as number), 0)).toBeCloseTo(first[0]!['score'] as number, 1);
  });

  it.each([
    ['compare', ['compare', ...SIX, '-m', 'lewis-2015']],
    ['timeline', ['timeline', 'us-china-2015-09', '-m', 'summit-deliverables']],
    ['sensitivity', ['sensitivity', ...SIX, '-m', 'lewis-2015', '--samples', '50']],
  ])('reads back for %s too', async (_name, argv) => {
    const { stdout, exitCode } = await run([...argv, '-f', 'long']);
    expect(exitCode).toBe(0);
    const rows = readCsv(stdout);
    expectTyped(rows);
    // Every row has every column (csv-parse would throw on a ragged row).
    const columns = Object.keys(rows[0]!);
    for (const row of rows) expect(Object.keys(row)).toEqual(columns);
  });

  it('quotes text with commas, quotes and line breaks, and reads it back unchanged', () => {
    const text = toCsv({
      columns: ['a', 'b', 'c', 'd'],
      rows: [
        ['x, "y"\nz', 1.5, null, true],
        [' padded', -1, 0, false],
      ],
    });
    expect(text).toBe('a,b,c,d\n"x, ""y""\nz",1.5,,TRUE\n" padded",-1,0,FALSE\n');
    expect(readCsv(text)).toEqual([
      { a: 'x, "y"\nz', b: 1.5, c: '', d: 'TRUE' },
      { a: ' padded', b: -1, c: 0, d: 'FALSE' },
    ]);
  });
});

describe('wide CSV, ndjson and Markdown', () => {
  it('evaluate -f csv has one row per record and a level and points column per criterion', async () => {
    const rows = readCsv((await run(['evaluate', '-m', 'lewis-2015', ...SIX, '-f', 'csv'])).stdout);
    expect(rows).toHaveLength(6);
    expect(rows[2]).toMatchObject({
      record: 'us-china-2017-04',
      score: 75,
      verdict: 'progress',
      negotiation: 'initiated',
      negotiation_points: 2,
      espionage_ip: 'absent',
      espionage_ip_applicable: 'TRUE',
    });
  });

  it.each([
    ['evaluate', ['evaluate', '-m', 'lewis-2015', ...SIX], 6, 'summit-score/evaluation-result@2'],
    ['compare', ['compare', ...SIX, '-m', 'lewis-2015'], 6, 'summit-score/compare-row@2'],
    ['timeline', ['timeline', 'us-china-2015-09', '-m', 'lewis-2015'], 18, 'summit-score/timeline-point@2'],
    ['sensitivity', ['sensitivity', ...SIX, '-m', 'lewis-2015', '--samples', '20'], 7, 'summit-score/sensitivity-case@1'],
  ])('%s -f ndjson prints one JSON document per line, each with its schema', async (_name, argv, lines, schema) => {
    const { stdout } = await run([...argv, '-f', 'ndjson']);
    const documents = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(documents).toHaveLength(lines);
    expect(documents[0].schema).toBe(schema);
  });

  it('escapes Markdown in text from the inputs', () => {
    expect(mdText('a | b <script> *x* -> y\nnext')).toBe('a \\| b \\<script> \\*x\\* -> y next');
  });

  it.each([
    ['evaluate', ['evaluate', '--as-of', '2015-09-25']],
    ['compare', ['compare', ...SIX, '-m', 'lewis-2015']],
    ['timeline', ['timeline', 'us-china-2015-09', '-m', 'lewis-2015']],
    ['sensitivity', ['sensitivity', 'us-china-2015-09', '-m', 'lewis-2015', '--samples', '20']],
  ])('%s -f markdown prints GitHub tables with a header row and an alignment row', async (_name, argv) => {
    const { stdout } = await run([...argv, '-f', 'markdown']);
    const table = stdout.split('\n').filter((line) => line.startsWith('|'));
    expect(table.length).toBeGreaterThan(2);
    expect(table.some((line) => /^\| (---:?|:?---)( \| (---:?))*/.test(line))).toBe(true);
    expect(stdout).not.toMatch(/\u001b\[/);
  });
});

describe('several outputs in one run', () => {
  const token = (kind: 'format' | 'output', value: string): OutputToken => ({ kind, value });

  it('pairs each -f with the -o that follows it', () => {
    expect(
      pairOutputs(
        [token('format', 'json'), token('output', 'a.json'), token('format', 'markdown'), token('output', 'a.md'), token('format', 'table')],
        'table',
      ),
    ).toEqual([{ format: 'json', file: 'a.json' }, { format: 'markdown', file: 'a.md' }, { format: 'table' }]);
    expect(pairOutputs([token('output', 'a.json'), token('format', 'json')], 'table')).toEqual([{ format: 'json', file: 'a.json' }]);
    expect(pairOutputs([token('output', 'report.txt')], 'table')).toEqual([{ format: 'table', file: 'report.txt' }]);
    expect(pairOutputs([], 'table')).toEqual([{ format: 'table' }]);
  });

  it('refuses two outputs on stdout, an -o without its -f, and one file twice', () => {
    expect(() => pairOutputs([token('format', 'json'), token('format', 'csv')], 'table')).toThrow(InputError);
    expect(() => pairOutputs([token('format', 'json'), token('output', 'a'), token('output', 'b')], 'table')).toThrow(/-o b has no -f of its own/);
    expect(() => pairOutputs([token('format', 'json'), token('output', 'a'), token('format', 'csv'), token('output', 'a')], 'table')).toThrow(
      /-o a is given twice/,
    );
  });

  it.each(['evaluate', 'compare', 'timeline', 'sensitivity'] as const)(
    '%s writes each format to its file, and the one without -o to stdout',
    async (command) => {
      const dir = mkdtempSync(join(tmpdir(), 'summit-outputs-'));
      const args = {
        evaluate: [],
        timeline: ['us-china-2015-09', '-m', 'lewis-2015'],
        compare: [...SIX, '-m', 'lewis-2015'],
        sensitivity: [...SIX, '-m', 'lewis-2015', '--samples', '10'],
      }[command];
      const outputs = ['-f', 'json', '-o', join(dir, 'out.json'), '-f', 'long', '-o', join(dir, 'out.csv'), '-f', 'markdown'];
      const { exitCode, stdout } = await run([command, ...args, ...outputs], { isTTY: true });
      expect(exitCode).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).schema).toMatch(/^summit-score\//);
      expect(readCsv(readFileSync(join(dir, 'out.csv'), 'utf8')).length).toBeGreaterThan(0);
      expect(stdout).toMatch(/^#/);
      expect(readFileSync(join(dir, 'out.json'), 'utf8')).not.toMatch(/\u001b\[/);
    },
  );

  it('writes nothing when the run fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-outputs-'));
    const { exitCode } = await run(['compare', 'no-such-record', '-m', 'lewis-2015', '-f', 'json', '-o', join(dir, 'out.json')]);
    expect(exitCode).toBe(2);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });

  it('keeps evaluate -o FILE working as before (the table, to the file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-outputs-'));
    writeFileSync(join(dir, 'old.txt'), 'old');
    const { stdout } = await run(['evaluate', '-o', join(dir, 'old.txt')]);
    expect(stdout).toBe('');
    expect(readFileSync(join(dir, 'old.txt'), 'utf8')).toMatch(/Verdict: gesture/);
  });
});

describe('pictures and colour in the terminal', () => {
  it('draws bars in eighths and sparklines on a fixed 0-100 scale', () => {
    expect(bar(75, 100, 10)).toBe('███████▌');
    expect(bar(0, 100, 10)).toBe('');
    expect(bar(100, 100, 4)).toBe('████');
    expect(sparkline([0, 50, 100, null, 99])).toBe('▁▅█ █');
  });

  it.each([
    ['compare', ...SIX, '-m', 'lewis-2015'],
    ['timeline', 'us-china-2015-09', '-m', 'lewis-2015'],
    ['sensitivity', 'us-china-2015-09', '-m', 'lewis-2015', '--samples', '10'],
    ['diff'],
  ])('%s colours verdicts on a terminal, and not when piped or with NO_COLOR', async (...argv) => {
    if (argv[0] === 'diff') {
      const dir = mkdtempSync(join(tmpdir(), 'summit-colour-'));
      writeFileSync(join(dir, 'a.json'), (await run(['evaluate', '-f', 'json', '--as-of', '2015-09-25'])).stdout);
      writeFileSync(join(dir, 'b.json'), (await run(['evaluate', '-f', 'json'])).stdout);
      argv = ['diff', join(dir, 'a.json'), join(dir, 'b.json')];
    }
    expect((await run(argv, { isTTY: true })).stdout).toMatch(/\u001b\[/);
    expect((await run(argv, { isTTY: false })).stdout).not.toMatch(/\u001b\[/);
    expect((await run(argv, { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await run([...argv, '--no-color'], { isTTY: true })).stdout).not.toMatch(/\u001b\[/);
  });

  it('shows evaluate progress on stderr only when it is a terminal, and only for several records', async () => {
    expect((await run(['evaluate', '-m', 'lewis-2015', ...SIX, '-f', 'json'], { stderrIsTTY: true })).stderr).toMatch(/\rreading and scoring records 1\/12/);
    expect((await run(['evaluate', '-m', 'lewis-2015', ...SIX, '-f', 'json'])).stderr).not.toMatch(/reading and scoring/);
    expect((await run(['evaluate', '-f', 'json'], { stderrIsTTY: true })).stderr).toBe('');
  });

  it('shows control characters from the inputs instead of obeying them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summit-hostile-'));
    const record = readFileSync('fixtures/us-china-2013-06.yaml', 'utf8').replace(/^title: .*$/m, 'title: "Evil \\e[31mred\\e[0m"');
    writeFileSync(join(dir, 'evil.yaml'), record);
    for (const command of [
      ['compare', '-m', 'lewis-2015'],
      ['timeline', '-m', 'lewis-2015'],
      ['sensitivity', '-m', 'lewis-2015', '--samples', '5'],
    ]) {
      const { stdout } = await run([command[0]!, join(dir, 'evil.yaml'), ...command.slice(1)]);
      expect(stdout).not.toContain('\u001b[31m');
    }
  });
});
