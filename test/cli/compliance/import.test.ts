import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord } from '../../../src/engine/index.js';
import { readScore } from '../../../src/load/import-grid.js';
import { run } from '../../helpers/fake-io.js';
import { matrixFrom, recordFrom } from '../../helpers/build.js';

const CSV = 'examples/compliance-grid.csv';
const MAPPING = 'examples/compliance-grid.mapping.yaml';
const matrix = compileMatrix(matrixFrom(readFileSync('matrices/g20-compliance.yaml', 'utf8')));

const texts = (text: string) => {
  const grid = evaluateRecord(matrix, recordFrom(text)).grid!;
  return { cells: grid.cells.map((row) => row.map((cell) => cell.text)), members: grid.members.map((m) => m.name), overall: grid.overall.range?.text };
};

describe('summit-score import grid', () => {
  it('reads each cell as the reports print it', () => {
    expect(['+1', '1', '0', '-1', '\u22121', 'n/a', 'NA', '', 'not assessed', 'x', '+'].map(readScore)).toEqual([
      1,
      1,
      0,
      -1,
      -1,
      'not-applicable',
      'not-applicable',
      'not-assessed',
      'not-assessed',
      undefined,
      undefined,
    ]);
  });

  it('turns a wide grid into a record of assessments that scores cell for cell as the spreadsheet says', async () => {
    const { stdout, exitCode } = await run(['import', 'grid', CSV, '--mapping', MAPPING]);
    expect(exitCode).toBe(0);
    // The spreadsheet, read independently: its rows without the header, and the summary column left out.
    const sheet = readFileSync(CSV, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').slice(1, 5));
    const expected = sheet.map((row) => row.map((cell) => (cell === '' ? 'not assessed' : cell)));
    expect(texts(stdout)).toEqual({ cells: expected, members: ['United States', 'Canada', 'Türkiye', 'Saudi Arabia'], overall: '+0.20 to +0.33' });
    expect(stdout).toContain('partyNames:\n  US: United States');
  });

  it('gives the same record from the long layout, one row per cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grid-'));
    const lines = readFileSync(CSV, 'utf8').trim().split('\n');
    const members = lines[0]!.split(',').slice(1, 5);
    const long = [
      'commitment,member,score',
      ...lines.slice(1).flatMap((line) =>
        line
          .split(',')
          .slice(1, 5)
          .map((score, i) => `${line.split(',')[0]},${members[i]},${score}`),
      ),
    ];
    writeFileSync(join(dir, 'long.csv'), `${long.join('\n')}\n`);
    const wide = await run(['import', 'grid', CSV, '--mapping', MAPPING]);
    const longRun = await run(['import', 'grid', join(dir, 'long.csv'), '--mapping', MAPPING]);
    expect(longRun.exitCode).toBe(0);
    expect(texts(longRun.stdout)).toEqual(texts(wide.stdout));
  });

  it('reports every cell it cannot read at file:line:col, exits 2 and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grid-'));
    const file = join(dir, 'bad.csv');
    const output = join(dir, 'out.yaml');
    writeFileSync(file, 'Commitment,United States,Canada\nCommitment A,+1,yes\n"Commitment\nB",full,0\n');
    const { exitCode, stderr } = await run(['import', 'grid', file, '--mapping', MAPPING, '-o', output]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain(`error NOT_ALLOWED ${file}:2:17 cell \`yes\` is not a score`);
    expect(stderr).toContain(`error NOT_ALLOWED ${file}:4:4 cell \`full\` is not a score`);
    expect(existsSync(output)).toBe(false);
  });

  it('asks for a mapping of a header that is not a party id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grid-'));
    const file = join(dir, 'unmapped.csv');
    writeFileSync(file, 'Commitment,United States,South Africa\nCommitment A,+1,0\n');
    const { exitCode, stderr } = await run(['import', 'grid', file, '--mapping', MAPPING]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain(`error BAD_FORMAT ${file}:1:26 member \`South Africa\` is not a party id`);
  });
});
