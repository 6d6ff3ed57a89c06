// The terminal table and Markdown print the same rows (src/format/criterion-rows.ts): read back
// from the text each prints, a record's rows agree cell by cell on every bundled matrix and record,
// now and as of an earlier date.
import { describe, expect, it } from 'vitest';
import { expectSameRows } from '../helpers/criterion-rows.js';
import { run } from '../helpers/fake-io.js';

const BUNDLED = ['lewis-2015', 'lewis-2015-v1', 'critics-2015', 'summit-deliverables', 'summit-deliverables-v1'];
const RECORDS = [
  'us-china-2013-06',
  'us-china-2015-09',
  'us-china-2017-04',
  'us-china-2021-11',
  'us-china-2023-11',
  'uk-china-2015-10',
  'us-dprk-2018-06',
  'us-russia-2021-06',
];

describe('the table and Markdown rows of evaluate', () => {
  it.each(BUNDLED)('agree on every bundled record under %s, now and as of an earlier date', async (matrix) => {
    for (const asOf of [[], ['--as-of', '2016-01-01']]) {
      const args = ['--width', '1000', 'evaluate', ...RECORDS, '-m', matrix, ...asOf];
      const table = await run([...args, '-f', 'table']);
      const markdown = await run([...args, '-f', 'markdown']);
      expect(table.exitCode, table.stderr).toBe(0);
      expect(markdown.exitCode, markdown.stderr).toBe(0);
      // Every record prints its rows: a table that read back empty would agree with anything.
      expect(expectSameRows(table.stdout, markdown.stdout)).toBeGreaterThanOrEqual(RECORDS.length);
    }
  });
});
