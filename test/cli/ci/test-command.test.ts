import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, here } from '../../ci/helpers.js';

const SMALL = here('matrices/small.yaml');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'summit-test-'));
  made.push(dir);
  return dir;
};
const FAILING = here('failing/failing.yaml');

interface TestJson {
  matrices: {
    file: string;
    id: string | null;
    testsFiles: string[];
    problems: { code: string; line: number }[];
    tests: {
      name: string;
      line: number;
      passed: boolean;
      problems: { code: string }[];
      mismatches: { what: string; expected: string; actual: string; line: number; details: string[] }[];
    }[];
    coverage: {
      reached: number;
      total: number;
      percent: number;
      belowMinimum: boolean;
      criteria: { id: string; reached: string[]; missing: string[] }[];
    } | null;
  }[];
  summary: { passed: number; failed: number; minCoverage: number | null };
}

async function testJson(...args: string[]): Promise<{ exitCode: number; report: TestJson }> {
  const run = await cli(['test', ...args, '--format', 'json']);
  return { exitCode: run.exitCode, report: JSON.parse(run.stdout) as TestJson };
}

describe('summit-score test', () => {
  it("runs a matrix's inline cases and those of its sibling tests file, with records by path", async () => {
    const run = await cli(['test', SMALL]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      [
        `${SMALL} (small) + ${here('matrices/small.tests.yaml')}: 4 tests`,
        '  PASS a meeting, no pledge',
        '  PASS the record beside the matrix, capped by the gate',
        '  PASS nothing agreed',
        '  PASS judged before the pledge was kept',
        '  coverage 5/5 levels (100%): talks 3/3; pledge 2/2',
        '4 passed, 0 failed',
        '',
      ].join('\n'),
    );
  });

  it('prints each failure as expected vs actual, with the engine explanation, and exits 1', async () => {
    const run = await cli(['test', FAILING]);
    expect(run.exitCode).toBe(1);
    const text = readFileSync(FAILING, 'utf8');
    const line = (fragment: string) => text.split('\n').findIndex((l) => l.includes(fragment)) + 1;
    expect(run.stdout).toContain(
      [
        `  FAIL expects a meeting the record does not have  ${FAILING}:${line('expects a meeting')}:5`,
        '      levels.talks: expected held, actual agreed',
        `        why not held (${FAILING}:${line('some:')}:11):`,
        '          expected: some event where type = meeting',
        '          actual:   none of the 3 events as of 2020-02-01',
        '      verdict: expected good, actual fair',
        '        score 75, band good',
        '        gate failed: talks at held or above for better than fair (it is agreed)',
      ].join('\n'),
    );
    expect(run.stdout).toContain('      levels.talks: expected agreed, actual held\n        held rests on: talk');
    expect(run.stdout).toContain('      score: expected 50, actual 100\n');
    expect(run.stdout).toContain('  PASS passes\n');
    expect(run.stdout.endsWith('\n1 passed, 3 failed\n')).toBe(true);
  });

  it('points each failed expectation at its line in JSON', async () => {
    const { report } = await testJson(FAILING);
    const [first] = report.matrices[0]!.tests;
    const text = readFileSync(FAILING, 'utf8').split('\n');
    expect(first!.mismatches.map((m) => [m.what, m.expected, m.actual, text[m.line - 1]!.trim()])).toEqual([
      ['levels.talks', 'held', 'agreed', 'talks: held'],
      ['verdict', 'good', 'fair', 'verdict: good'],
    ]);
    expect(report.summary).toEqual({ passed: 1, failed: 3, minCoverage: null });
  });

  it('measures level coverage and enforces --min-coverage', async () => {
    const { report } = await testJson(FAILING);
    expect(report.matrices[0]!.coverage).toMatchObject({
      reached: 3,
      total: 5,
      percent: 60,
      criteria: [
        { id: 'talks', reached: ['held', 'agreed'], missing: ['none'] },
        { id: 'pledge', reached: ['kept'], missing: ['open'] },
      ],
    });
    const passing = await cli(['test', SMALL, '--min-coverage', '100']);
    expect(passing.exitCode).toBe(0);
    const dir = tempDir();
    writeFileSync(
      join(dir, 'm.yaml'),
      readFileSync(SMALL, 'utf8').replace(
        /\ntests:[\s\S]*$/,
        '\ntests:\n  - name: one\n    date: 2020-01-01\n    events: [{id: a, date: 2020-01-01, type: meeting}]\n    expect: {verdict: good}\n',
      ),
    );
    const low = await cli(['test', join(dir, 'm.yaml'), '--min-coverage', '50']);
    expect(low.exitCode).toBe(1);
    expect(low.stdout).toContain('coverage 1/5 levels (20%)');
    expect(low.stdout).toContain('coverage 20% is below --min-coverage 50');
    expect(low.stdout.endsWith('1 passed, 0 failed\n')).toBe(true);
    expect((await cli(['test', join(dir, 'm.yaml'), '--min-coverage', '20'])).exitCode).toBe(0);
    expect((await cli(['test', SMALL, '--min-coverage', '101'])).exitCode).toBe(2);
  });

  it('reports a broken case (a record that does not exist) as a failure with its code', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm.yaml'), readFileSync(SMALL, 'utf8').replace('record: small-record.yaml', 'record: smal-record.yaml'));
    const { exitCode, report } = await testJson(join(dir, 'm.yaml'));
    expect(exitCode).toBe(1);
    expect(report.matrices[0]!.tests.map((t) => [t.passed, t.problems.map((p) => p.code)])).toEqual([
      [true, []],
      [false, ['FILE_NOT_FOUND']],
    ]);
  });

  it('exits 2 when a matrix cannot be loaded, and still runs the others', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.yaml'), readFileSync(SMALL, 'utf8').replace('weight: 1', 'wieght: 1'));
    const { exitCode, report } = await testJson(join(dir, 'broken.yaml'), SMALL);
    expect(exitCode).toBe(2);
    expect(report.matrices.map((m) => [m.id, m.problems.map((p) => p.code), m.tests.length])).toEqual([
      [null, ['UNKNOWN_KEY'], 0],
      ['small', [], 4],
    ]);
  });

  it('refuses a record named as a matrix, and an unknown bundled id with a suggestion', async () => {
    const record = await testJson(here('matrices/small-record.yaml'));
    expect(record.exitCode).toBe(2);
    expect(record.report.matrices[0]!.problems.map((p) => p.code)).toEqual(['UNKNOWN_KIND']);
    const typo = await cli(['test', 'lewis-2105']);
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toContain('error FILE_NOT_FOUND lewis-2105');
  });

  it('takes a folder: the matrices in it, without their tests files and records', async () => {
    const { report } = await testJson(here('matrices'));
    expect(report.matrices.map((m) => m.file)).toEqual([SMALL]);
  });

  it('says so when a matrix has no tests yet, without failing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm.yaml'), readFileSync(SMALL, 'utf8').replace(/\ntests:[\s\S]*$/, '\n'));
    const run = await cli(['test', join(dir, 'm.yaml')]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`  no tests: add \`tests:\` to the matrix, or a file ${join(dir, 'm.tests.yaml')} beside it`);
    expect(run.stdout.endsWith('0 passed, 0 failed\n')).toBe(true);
  });

  it('tests every bundled matrix with --bundled', async () => {
    const { report } = await testJson('--bundled');
    expect(report.matrices.map((m) => m.file)).toContain('bundled:lewis-2015');
  });

  describe('expectations for what the record leaves unknown', () => {
    // One criterion: `political` needs a meeting at a political level; the record's meeting does
    // not state its level, so the cell lies in held..political and the score in [50, 100].
    const matrix = (tests: string, extra = '') => `id: unknowns
title: Unknown levels
version: "1"
source:
  author: summit-score tests
${extra}fields:
  type:
    type: string
    values: {meeting: A session held.}
  level:
    type: string
    values: {leaders: Heads of state., ministerial: Ministers., working: Officials.}
    absent: unknown
criteria:
  - id: talks
    title: Talks held at a political level
    weight: 1
    levels:
      - label: political
        score: 2
        when: {some: {all: [{type: meeting}, {field: level, in: [leaders, ministerial]}]}}
      - label: held
        score: 1
        when: {some: {type: meeting}}
      - label: none
        score: 0
verdicts:
  - {label: good, min: 75}
  - {label: fair, min: 40}
  - {label: poor, min: 0}
tests:
${tests}`;
    const silentMeeting = `    date: 2020-01-01
    events:
      - {id: talk, date: 2020-01-01, type: meeting, actors: [A, B], sources: [{url: 'https://example.org/a'}]}
`;
    const write = (text: string): string => {
      const file = join(tempDir(), 'unknowns.yaml');
      writeFileSync(file, text);
      return file;
    };

    it('passes a level range, the set of verdicts and the score interval the record allows', async () => {
      const file = write(
        matrix(`  - name: level not recorded
${silentMeeting}    expect:
      levels: {talks: {low: held, high: political}}
      verdicts: [fair, good]
      scoreRange: {low: 50, high: 100}
      undetermined: false
`),
      );
      const { exitCode, report } = await testJson(file);
      expect(report.matrices[0]!.tests[0]!.mismatches).toEqual([]);
      expect(exitCode).toBe(0);
    });

    it('fails a determined expectation on an undetermined cell, naming the range it found', async () => {
      const file = write(
        matrix(`  - name: expects a settled level
${silentMeeting}    expect:
      levels: {talks: held}
      verdict: fair
      score: 50
`),
      );
      const { exitCode, report } = await testJson(file);
      expect(exitCode).toBe(1);
      const found = report.matrices[0]!.tests[0]!.mismatches.map(({ what, expected, actual }) => ({ what, expected, actual }));
      expect(found).toEqual([
        { what: 'levels.talks', expected: 'held', actual: 'held..political' },
        { what: 'verdict', expected: 'fair', actual: 'good or fair' },
        { what: 'score', expected: '50', actual: '50–100' },
      ]);
    });

    it('checks the missing-data rule: all of the weight unknown withholds the verdict', async () => {
      const file = write(
        matrix(
          `  - name: too much unknown
${silentMeeting}    expect:
      undetermined: true
      verdicts: [good]
`,
          'missingData: {maxUnknownShare: 0.2}\n',
        ),
      );
      const { exitCode, report } = await testJson(file);
      expect(exitCode).toBe(1);
      const found = report.matrices[0]!.tests[0]!.mismatches.map(({ what, actual }) => ({ what, actual }));
      expect(found).toEqual([{ what: 'verdicts', actual: '(undetermined)' }]);
    });

    it('refuses a range whose ends are not levels of the criterion, or are upside down', async () => {
      const file = write(
        matrix(`  - name: a misspelt end
${silentMeeting}    expect:
      levels: {talks: {low: held, high: politcal}}
  - name: upside down
${silentMeeting}    expect:
      levels: {talks: {low: political, high: held}}
`),
      );
      const { exitCode, report } = await testJson(file);
      expect(exitCode).toBe(1);
      expect(report.matrices[0]!.tests.map((t) => t.problems.map((p) => p.code))).toEqual([['UNKNOWN_LEVEL'], ['BAD_TEST']]);
      const run = await cli(['test', file]);
      expect(run.stdout + run.stderr).toContain('did you mean `political`');
    });
  });
});
