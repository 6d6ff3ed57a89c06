// CSV as R, pandas and Stata read it. Here the reader is csv-parse in strict mode (pandas and R
// themselves read the files back in test/format/csv-pandas-r.test.ts, where they are installed),
// and the rules those readers apply are checked directly: logicals spelt
// TRUE/FALSE, no `n/a` text in a level column, names that are identifiers.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/format/csv.js';
import { run } from '../helpers/fake-io.js';

const MATRICES = ['lewis-2015', 'critics-2015', 'summit-deliverables', 'g20-compliance'];
const RECORDS = ['us-china-2013-06', 'us-china-2015-09', 'uk-china-2015-10', 'us-china-2017-04', 'us-russia-2021-06', 'us-china-2023-11'];

const read = (text: string) => parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true, relax_column_count: false });

describe('CSV for R, pandas and Stata', () => {
  it.each(MATRICES)('%s: identifier column names, TRUE/FALSE logicals, no n/a in level columns, provenance', async (matrix) => {
    for (const format of ['csv', 'long']) {
      const { exitCode, stdout } = await run(['evaluate', ...RECORDS, '-m', matrix, '-f', format]);
      expect(exitCode).toBe(0);
      const rows = read(stdout);
      const columns = Object.keys(rows[0]!);
      for (const column of columns) expect(column).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          if (column === 'applicable' || column.endsWith('_applicable')) expect(['TRUE', 'FALSE', ''], `${column}=${value}`).toContain(value);
          expect(value, column).not.toMatch(/^(true|false|n\/a)$/);
        }
        expect(row['tool_version']).toMatch(/^\d+\.\d+\.\d+/);
        expect(row['matrix_sha256']).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });

  it('contributions add up to the printed total, to the cent, for every bundled case under every bundled matrix', async () => {
    let cases = 0;
    for (const matrix of MATRICES) {
      const rows = read((await run(['evaluate', ...RECORDS, '-m', matrix, '-f', 'long'])).stdout);
      for (const record of RECORDS) {
        const mine = rows.filter((row) => row['record'] === record);
        if (mine[0]!['score'] === '') continue;
        const cents = mine.reduce((sum, row) => sum + Math.round(Number(row['contribution'] || 0) * 100), 0);
        expect([matrix, record, cents]).toEqual([matrix, record, Math.round(Number(mine[0]!['score']) * 100)]);
        cases++;
      }
    }
    // Cases whose total the record leaves open have no contributions to add up (score is empty).
    expect(cases).toBeGreaterThan(15);
  });

  it("writes text a spreadsheet would run as a formula with a leading '", () => {
    const text = toCsv({
      columns: ['title', 'n'],
      rows: [
        ['=HYPERLINK("http://x")', -1],
        ['+1', 1],
        ['-a', 2],
        ['@SUM(A1)', 3],
        ['plain', 4],
      ],
    });
    const rows = read(text);
    expect(rows.map((row) => row['title'])).toEqual(['\'=HYPERLINK("http://x")', "'+1", "'-a", "'@SUM(A1)", 'plain']);
    // Numbers are numbers, not text: a negative number is left alone.
    expect(rows[0]!['n']).toBe('-1');
  });

  it('--bom starts CSV (and only CSV) with a UTF-8 byte order mark', async () => {
    expect((await run(['evaluate', '-f', 'csv', '--bom'])).stdout.startsWith('\uFEFFmatrix,')).toBe(true);
    expect((await run(['evaluate', '-f', 'csv'])).stdout.startsWith('matrix,')).toBe(true);
    expect((await run(['evaluate', '-f', 'json', '--bom'])).stdout.startsWith('{')).toBe(true);
  });
});
