// The broken-input corpus: each file holds one mistake real authors make, and its first line says
// what validate must report for it: `# expect: CODE line:col`. Exactly that one diagnostic.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/diagnostics.js';
import { cli } from '../../ci/helpers.js';

const EXPECT = /^# expect: ([A-Z_]+) (\d+):(\d+)$/;

function corpus(folder: string): { file: string; code: string; line: number; col: number }[] {
  const dir = `test/corpus/${folder}`;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const file = `${dir}/${name}`;
      const match = EXPECT.exec(readFileSync(file, 'utf8').split('\n')[0]!);
      if (!match) throw new Error(`${file}: the first line must be \`# expect: CODE line:col\``);
      return { file, code: match[1]!, line: Number(match[2]), col: Number(match[3]) };
    });
}

interface JsonReport {
  files: { file: string; kind: string | null; diagnostics: { code: string; line: number; col: number; message: string; hint: string | null }[] }[];
}

describe.each(['matrices', 'records'])('the broken %s corpus', (folder) => {
  const cases = corpus(folder);

  it('holds enough cases, each naming a documented code', () => {
    expect(cases.length).toBeGreaterThanOrEqual(folder === 'matrices' ? 30 : 10);
    for (const { code } of cases) expect(Object.keys(ERROR_CODES)).toContain(code);
  });

  it.each(cases)('$file gives exactly $code at $line:$col', async ({ file, code, line, col }) => {
    const run = await cli(['validate', file, '--format', 'json']);
    const report = JSON.parse(run.stdout) as JsonReport;
    const found = report.files.flatMap((f) => f.diagnostics).map((d) => ({ code: d.code, line: d.line, col: d.col }));
    expect(found).toEqual([{ code, line, col }]);
  });

  it('reports every file of the folder in one run, each with its own problem', async () => {
    const run = await cli(['validate', `test/corpus/${folder}`, '--format', 'json']);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((f) => f.file).sort()).toEqual(cases.map((c) => c.file).sort());
    for (const f of report.files) expect(f.diagnostics).toHaveLength(1);
    expect(run.exitCode).toBe(1);
  });
});

describe('the matrix corpus covers', () => {
  it('most of the codes a matrix can earn', () => {
    const codes = new Set(corpus('matrices').map((c) => c.code));
    for (const code of [
      'YAML_SYNTAX',
      'UNKNOWN_KEY',
      'MISSING_KEY',
      'WRONG_TYPE',
      'NOT_ALLOWED',
      'BAD_FORMAT',
      'OUT_OF_RANGE',
      'BAD_DATE',
      'DUPLICATE_ID',
      'BAD_CONDITION',
      'EVENT_TEST_OUTSIDE_QUANTIFIER',
      'UNKNOWN_LEVEL',
      'UNKNOWN_BAND',
      'LEVEL_ORDER',
      'BAND_ORDER',
      'NO_WEIGHT',
      'FLAT_SCALE',
      'UNREACHABLE_LEVEL',
      'NO_DEFAULT_LEVEL',
      'GATE_NO_EFFECT',
      'UNKNOWN_CRITERION',
      'BAD_TEST',
    ]) {
      expect(codes, code).toContain(code);
    }
  });
});
