// Limits that must hold whatever the environment says, inputs that are not files, and dates
// before the year 100: each case here failed before its fix.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dayNumber, formatDay } from '../../../src/engine/dates.js';
import { run } from '../../helpers/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'summit-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const posix = process.platform !== 'win32';

describe('SUMMIT_SCORE_MAX_INPUT_MB', () => {
  it.each(['Infinity', '-Infinity', '-1', '0', 'NaN', 'lots', '1e400'])('%s is refused with USAGE, before any input is read', async (value) => {
    const result = await run(['evaluate'], { env: { SUMMIT_SCORE_MAX_INPUT_MB: value } });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error USAGE SUMMIT_SCORE_MAX_INPUT_MB=.* is not a positive number of MiB/);
  });

  it('a positive number or nothing is accepted', async () => {
    expect((await run(['evaluate'], { env: { SUMMIT_SCORE_MAX_INPUT_MB: '0.5' } })).exitCode).toBe(0);
    expect((await run(['evaluate'], { env: { SUMMIT_SCORE_MAX_INPUT_MB: '' } })).exitCode).toBe(0);
  });
});

describe('inputs that are not files', () => {
  it.skipIf(!posix || !existsSync('/dev/zero'))('/dev/zero as NDJSON: one endless line ends the reading, with FILE_TOO_LARGE', async () => {
    const result = await run(['evaluate', '/dev/zero', '--input-format', 'ndjson', '-m', 'lewis-2015', '-f', 'ndjson'], {
      env: { SUMMIT_SCORE_MAX_INPUT_MB: '1' },
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error FILE_TOO_LARGE /dev/zero:1:1 line 1 has no end within 8 MiB: the rest of the input is not read');
  });

  it.skipIf(!posix)('stdin that is a directory is FILE_UNREADABLE, as YAML and as NDJSON', () => {
    for (const format of ['yaml', 'ndjson']) {
      const child = spawnSync('/bin/sh', ['-c', `"${process.execPath}" bin/summit-score.js evaluate - -m lewis-2015 --input-format ${format} < "${dir}"`], {
        encoding: 'utf8',
      });
      expect(child.status, format).toBe(2);
      expect(child.stderr, format).toBe('error FILE_UNREADABLE <stdin>:1:1 is a directory, not a file\n');
    }
  });

  it.skipIf(!posix)('stderr on a closed pipe keeps exit code 2', async () => {
    const child = spawn(process.execPath, ['bin/summit-score.js', 'evaluate', join(dir, 'missing.yaml'), '-m', 'lewis-2015'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
  });
});

describe('years 0000-0099 are themselves', () => {
  // 719468 days from 0000-03-01 to 1970-01-01 (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
  it('0000-03-01 is day -719468, and 0000-02-29 the day before it (ISO 8601 year 0 is a leap year)', () => {
    expect(dayNumber('0000-03-01')).toBe(-719468);
    expect(dayNumber('0000-02-29')).toBe(-719469);
    expect(dayNumber('0100-02-29')).toBeUndefined(); // 100 is not a leap year
    expect(dayNumber('0004-02-29')).toBeDefined();
  });

  it('sort in calendar order across 0099/0100 and 0000/0001, and print back as they were', () => {
    expect(dayNumber('0100-01-01')! - dayNumber('0099-12-31')!).toBe(1);
    expect(dayNumber('0001-01-01')! - dayNumber('0000-12-31')!).toBe(1);
    expect(dayNumber('0099-12')).toBe(dayNumber('0099-12-31'));
    for (const text of ['0000-01-01', '0000-02-29', '0042-07-15', '0099-12-31', '1900-01-01']) expect(formatDay(dayNumber(text)!)).toBe(text);
  });
});

describe('years 0000-0099 in every date a run reads', () => {
  // A summit on 0000-02-29 (year 0 is a leap year), a deadline on 0100-01-01 met that day, and
  // conditions before and after dates on either side of the 0099/0100 turn.
  const matrix = join(dir, 'ancient-matrix.yaml');
  const record = join(dir, 'ancient-record.yaml');
  writeFileSync(
    matrix,
    `id: ancient
title: Ancient
version: "1"
source: {author: Tests}
criteria:
  - id: early
    title: Early
    weight: 1
    levels:
      - {label: early, score: 1, when: {some: {all: [{type: meeting}, {before: 0100-01-01}, {after: 0000-02-28}]}}}
      - {label: none, score: 0}
  - id: kept
    title: Kept
    weight: 1
    levels:
      - {label: kept, score: 1, when: {some: {deadline: met}}}
      - {label: open, score: 0}
verdicts: [{label: good, min: 50}, {label: poor, min: 0}]
`,
  );
  const RECORD = `id: ancient
title: Ancient
date: 0000-02-29
endDate: 0000-03-01
parties: [US]
events:
  - {id: e1, date: 0000-02-29, type: meeting, actors: [US]}
  - {id: e2, date: 0099-12-31, type: statement, actors: [US], fields: {deadline: 0100-01-01}}
  - {id: e3, date: 0100-01-01, type: statement, actors: [US], links: {fulfils: e2}}
`;
  writeFileSync(record, RECORD);
  const csvColumn = (csv: string, name: string) => {
    const [head, ...rows] = csv
      .trimEnd()
      .split('\n')
      .map((line) => line.split(','));
    return rows.map((row) => row[head!.indexOf(name)]);
  };

  it('are read, compared and printed as themselves: the record, its events, a deadline, before/after and --as-of', async () => {
    const result = await run(['evaluate', record, '-m', matrix, '--as-of', '0100-01-02', '-f', 'json']);
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { results: { asOf: string; record: { date: string }; criteria: { level: { label: string } }[] }[] };
    const [scored] = report.results;
    expect([scored!.asOf, scored!.record.date]).toEqual(['0100-01-02', '0000-02-29']);
    expect(scored!.criteria.map((c) => c.level.label)).toEqual(['early', 'kept']);
  });

  it('timeline --step counts across 0099/0100 by the day, and by the month into a leap day of year 0', async () => {
    const days = await run(['timeline', record, '-m', matrix, '--from', '0099-12-30', '--to', '0100-01-02', '--step', 'P1D', '-f', 'csv']);
    expect(days.stderr).toBe('');
    expect(csvColumn(days.stdout, 'date')).toEqual(['0099-12-30', '0099-12-31', '0100-01-01', '0100-01-02']);
    const months = await run(['timeline', record, '-m', matrix, '--from', '0000-01-31', '--to', '0000-04-30', '--step', 'P1M', '-f', 'csv']);
    expect(csvColumn(months.stdout, 'date')).toEqual(['0000-01-31', '0000-02-29', '0000-03-31', '0000-04-30']);
    const years = await run(['timeline', record, '-m', matrix, '--from', '0000-02-29', '--to', '0004-02-29', '--step', 'P1Y', '-f', 'csv']);
    expect(csvColumn(years.stdout, 'date')).toEqual(['0000-02-29', '0001-02-28', '0002-02-28', '0003-02-28', '0004-02-29']);
  });

  it.each([
    ['the record date', (text: string) => text.replace('date: 0000-02-29\n', 'date: 0100-02-29\n'), 3, 7],
    ['the end date', (text: string) => text.replace('endDate: 0000-03-01', 'endDate: 0100-02-29'), 4, 10],
    ['an event date', (text: string) => text.replace('{id: e1, date: 0000-02-29', '{id: e1, date: 0100-02-29'), 7, 20],
    ['a deadline', (text: string) => text.replace('deadline: 0100-01-01', 'deadline: 0100-02-29'), 8, 82],
  ])('0100-02-29 (100 is no leap year) in %s is BAD_DATE at its place', async (_, edit, line, col) => {
    const path = join(dir, `bad-${line}.yaml`);
    writeFileSync(path, edit(RECORD));
    const result = await run(['evaluate', path, '-m', matrix]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n').filter((text) => text.startsWith('error'))).toEqual([
      `error BAD_DATE ${path}:${line}:${col} 0100-02-29 is not a calendar date`,
    ]);
  });

  it('0100-02-29 in a condition, --as-of and --from is refused too', async () => {
    const bad = join(dir, 'bad-matrix.yaml');
    writeFileSync(bad, readFileSync(matrix, 'utf8').replace('before: 0100-01-01', 'before: 0100-02-29'));
    expect((await run(['evaluate', record, '-m', bad])).stderr).toMatch(new RegExp(`^error BAD_DATE ${bad}:10:80 0100-02-29 is not a calendar date\\n$`));
    expect((await run(['evaluate', record, '-m', matrix, '--as-of', '0100-02-29'])).stderr).toMatch(
      /^error BAD_AS_OF --as-of 0100-02-29 is not a calendar date/,
    );
    expect((await run(['timeline', record, '-m', matrix, '--from', '0100-02-29', '--step', 'P1Y'])).stderr).toMatch(
      /^error USAGE --from 0100-02-29 is not a calendar date/,
    );
  });
});
