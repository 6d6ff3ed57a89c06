import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, here } from '../../ci/helpers.js';

interface Diagnostic {
  severity: string;
  code: string;
  file: string | null;
  line: number | null;
  col: number | null;
  message: string;
  hint: string | null;
  related: { file: string; line: number; col: number; message: string }[];
}
interface Report {
  files: { file: string; kind: string | null; skipped: boolean; errors: number; warnings: number; diagnostics: Diagnostic[] }[];
  summary: { errors: number; warnings: number; maxWarnings: number | null; ok: boolean };
}

async function validateJson(...args: string[]): Promise<{ exitCode: number; report: Report }> {
  const run = await cli(['validate', ...args, '--format', 'json']);
  return { exitCode: run.exitCode, report: JSON.parse(run.stdout) as Report };
}

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'summit-validate-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const SMALL = readFileSync(here('matrices/small.yaml'), 'utf8');
const RECORD = readFileSync(here('matrices/small-record.yaml'), 'utf8');
const lineOf = (text: string, fragment: string) => text.split('\n').findIndex((line) => line.includes(fragment)) + 1;

describe('summit-score validate', () => {
  it('passes clean matrices, records and tests files, telling their kind by content', async () => {
    const { exitCode, report } = await validateJson(here('matrices'));
    expect(exitCode).toBe(0);
    expect(report.files.map((f) => [f.file, f.kind])).toEqual([
      [here('matrices/small-record.yaml'), 'record'],
      [here('matrices/small.tests.yaml'), 'tests'],
      [here('matrices/small.yaml'), 'matrix'],
    ]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, maxWarnings: null, ok: true });
  });

  it('reports every problem of every file in one run, and carries on after a broken file', async () => {
    const dir = tempDir({
      'a.yaml': SMALL.replace('weight: 1', 'wieght: 1').replace('requires: held', 'requires: hled'),
      'b.yaml': RECORD.replace('date: 2020-02-01', 'date: 2020-02-30'),
      'c.yaml': SMALL,
      'd.json': JSON.stringify({ name: 'not ours' }),
      'small-record.yaml': RECORD,
    });
    const { exitCode, report } = await validateJson(dir);
    expect(exitCode).toBe(1);
    const byFile = Object.fromEntries(report.files.map((f) => [f.file.slice(dir.length + 1), f.diagnostics.map((d) => d.code)]));
    // a.yaml: the schema problem hides the semantic one until it is fixed; never a cascade.
    expect(byFile).toEqual({ 'a.yaml': ['UNKNOWN_KEY'], 'b.yaml': ['BAD_DATE'], 'c.yaml': [], 'd.json': [], 'small-record.yaml': [] });
    expect(report.files.find((f) => f.file.endsWith('d.json'))).toMatchObject({ skipped: true, kind: null });
  });

  it('checks each line of an NDJSON file as a record, at its line number', async () => {
    const { parse } = await import('yaml');
    const record = (date: string) => JSON.stringify({ ...parse(RECORD), date });
    const dir = tempDir({ 'records.ndjson': `${record('2020-02-01')}\n\n${record('2020-02-30')}\n` });
    const { exitCode, report } = await validateJson(dir);
    expect(exitCode).toBe(1);
    expect(report.files).toMatchObject([{ kind: 'record', diagnostics: [{ code: 'BAD_DATE', line: 3 }] }]);
  });

  it('prints one line per problem with severity, code, file:line:col and hint, then a summary', async () => {
    const dir = tempDir({ 'm.yaml': SMALL.replace('requires: held', 'requires: hled') });
    const run = await cli(['validate', join(dir, 'm.yaml')]);
    const file = join(dir, 'm.yaml');
    expect(run.stdout).toBe(
      `error UNKNOWN_LEVEL ${file}:${lineOf(SMALL, 'requires: held')}:19 talks has no level \`hled\` (did you mean \`held\`?)\n` +
        `error FILE_NOT_FOUND ${file}:${lineOf(SMALL, 'record: small-record.yaml')}:13 no record file \`small-record.yaml\` beside this file, and no ` +
        `bundled record with that id (give a path relative to this file, or a bundled record id)\n` +
        'Checked 1 file (1 matrix): 2 errors, 0 warnings.\n',
    );
    expect(run.exitCode).toBe(1);
  });

  it('reads stdin for -', async () => {
    const run = await cli(['validate', '-', '--format', 'json'], SMALL.replace('weight: 1', 'weight: -1'));
    const report = JSON.parse(run.stdout) as Report;
    expect(report.files[0]).toMatchObject({ file: '<stdin>', kind: 'matrix' });
    expect(report.files[0]!.diagnostics.map((d) => [d.code, d.line])).toEqual([['OUT_OF_RANGE', lineOf(SMALL, 'weight: 1')]]);
  });

  it('expands globs the shell left alone', async () => {
    const { report } = await validateJson('test/corpus/matrices/yaml-*.yaml');
    expect(report.files.map((f) => f.file)).toEqual([
      'test/corpus/matrices/yaml-bad-indent.yaml',
      'test/corpus/matrices/yaml-colon-in-title.yaml',
      'test/corpus/matrices/yaml-duplicate-key.yaml',
      'test/corpus/matrices/yaml-tab-indent.yaml',
      'test/corpus/matrices/yaml-unclosed-list.yaml',
    ]);
    const { report: braces } = await validateJson('test/ci/**/small*.{yaml,yml}');
    expect(braces.files.map((f) => f.file)).toEqual([here('matrices/small-record.yaml'), here('matrices/small.tests.yaml'), here('matrices/small.yaml')]);
  });

  it('refuses a file named on the command line whose kind it cannot tell', async () => {
    const dir = tempDir({ 'x.yaml': 'name: something else\n' });
    const { exitCode, report } = await validateJson(join(dir, 'x.yaml'));
    expect(exitCode).toBe(1);
    expect(report.files[0]!.diagnostics).toMatchObject([{ code: 'UNKNOWN_KIND', line: 1, col: 1 }]);
  });

  it('reads a file that extends a matrix as a matrix, though it changes no criterion', async () => {
    const dir = tempDir({
      'retitled.yaml': 'extends: lewis-2015\nid: lewis-retitled\nversion: "2.0-r"\ntitle: Retitled\n',
      'self.yaml': 'extends: .\nid: x\n',
    });
    const { exitCode, report } = await validateJson(join(dir, 'retitled.yaml'), join(dir, 'self.yaml'));
    expect(report.files.map((f) => f.kind)).toEqual(['matrix', 'matrix']);
    expect(report.files[0]!.diagnostics).toEqual([]);
    expect(report.files[1]!.diagnostics.map((d) => d.code)).not.toContain('UNKNOWN_KIND');
    expect(exitCode).toBe(1);
  });

  it('tells the kind from the editor modeline when the keys do not', async () => {
    const dir = tempDir({ 'x.yaml': '# yaml-language-server: $schema=../schema/matrix.schema.json\nid: x\n' });
    const { report } = await validateJson(join(dir, 'x.yaml'));
    expect(report.files[0]!.kind).toBe('matrix');
    expect(report.files[0]!.diagnostics.map((d) => d.code)).toEqual(['MISSING_KEY', 'MISSING_KEY', 'MISSING_KEY', 'MISSING_KEY', 'MISSING_KEY']);
  });

  it.each([
    [[], 'USAGE'],
    [['no/such/file.yaml'], 'FILE_NOT_FOUND'],
    [['test/ci/*.nothing'], 'FILE_NOT_FOUND'],
    [['-', '-'], 'USAGE'],
  ])('exits 2 when it cannot run: %j', async (args, code) => {
    const run = await cli(['validate', ...args]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`error ${code}`);
    expect(run.stdout).toBe('');
  });

  it('exits 2 for a folder with no matrix or record in it', async () => {
    const dir = tempDir({ 'package.json': '{"name": "x"}' });
    expect((await cli(['validate', dir])).exitCode).toBe(2);
  });

  it('allows warnings unless --max-warnings is exceeded', async () => {
    const file = 'test/corpus/matrices/gate-above-best-band.yaml';
    expect((await cli(['validate', file])).exitCode).toBe(0);
    expect((await cli(['validate', file, '--max-warnings', '1'])).exitCode).toBe(0);
    const strict = await cli(['validate', file, '--max-warnings', '0']);
    expect(strict.exitCode).toBe(1);
    expect(strict.stdout).toContain('Too many warnings: 1, more than --max-warnings 0.');
    expect((await cli(['validate', file, '--max-warnings', 'some'])).exitCode).toBe(2);
  });

  it('checks a matrix that extends another as merged with it', async () => {
    const dir = tempDir({
      'variant.yaml': 'id: variant\nextends: lewis-2015\ncriteria:\n  - id: negotiation\n    weight: 2\n',
      'typo.yaml': 'id: typo\nextends: lewis-2015\ncriteria:\n  - id: negotiation\n    wieght: 2\n',
    });
    const { report } = await validateJson(dir);
    expect(report.files.map((f) => [f.file.slice(dir.length + 1), f.diagnostics.map((d) => `${d.code} ${d.line}:${d.col}`)])).toEqual([
      ['typo.yaml', ['UNKNOWN_KEY 5:5']],
      ['variant.yaml', []],
    ]);
  });

  it('checks a tests file against the matrix beside it', async () => {
    const tests = readFileSync(here('matrices/small.tests.yaml'), 'utf8').replace('talks: none', 'talk: none');
    const dir = tempDir({ 'small.yaml': SMALL, 'small.tests.yaml': tests, 'small-record.yaml': RECORD });
    const { report } = await validateJson(join(dir, 'small.tests.yaml'));
    expect(report.files[0]!.diagnostics).toMatchObject([
      { code: 'UNKNOWN_CRITERION', line: lineOf(tests, 'talk: none'), col: 9, hint: 'did you mean `talks`?' },
    ]);
    copyFileSync(join(dir, 'small.tests.yaml'), join(dir, 'orphan.tests.yaml'));
    const orphan = await validateJson(join(dir, 'orphan.tests.yaml'));
    expect(orphan.report.files[0]!.diagnostics.map((d) => d.code)).toEqual(['FILE_NOT_FOUND']);
  });

  it('checks the records of a run for deadlines and ends that come too early', async () => {
    const record = RECORD.replace('deadline: 2020-03-01', 'deadline: 2019-12').replace(
      '    date: 2020-02-01\n',
      '    date: 2020-02-01\n    endDate: 2020-01\n',
    );
    const dir = tempDir({ 'r.yaml': record });
    const { report } = await validateJson(dir);
    expect(report.files[0]!.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['EARLY_DEADLINE', lineOf(record, 'deadline: 2019-12')],
      ['END_BEFORE_START', lineOf(record, 'endDate: 2020-01')],
    ]);
    // A month-only date may be any day of its month: 2020-01 could end after 2020-01-15.
    const vague = RECORD.replace('deadline: 2020-03-01', 'deadline: 2020-01');
    expect((await validateJson(tempDir({ 'r.yaml': vague }))).report.summary.errors).toBe(0);
  });
});

describe('summit-score validate --matrix', () => {
  it('warns about fields and event types the matrix tests that no record has, with both places', async () => {
    const record = RECORD.replace('type: mechanism', 'type: mechansim');
    const dir = tempDir({ 'r.yaml': record });
    const { exitCode, report } = await validateJson('--matrix', here('matrices/small.yaml'), dir);
    expect(exitCode).toBe(0);
    const matrix = report.files.find((f) => f.file === here('matrices/small.yaml'))!;
    expect(matrix.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'NOT_IN_RECORDS',
        line: lineOf(SMALL, 'type: meeting'),
        message: `the matrix tests event type \`meeting\`, which no event in ${join(dir, 'r.yaml')} has`,
      }),
      expect.objectContaining({
        code: 'NOT_IN_RECORDS',
        line: lineOf(SMALL, 'type: mechanism'),
        hint: `did you mean \`mechansim\`? (${join(dir, 'r.yaml')}:${lineOf(record, 'type: mechansim')}:11)`,
        related: [{ file: join(dir, 'r.yaml'), line: lineOf(record, 'type: mechansim'), col: 11, message: 'event type `mechansim`' }],
      }),
    ]);
    expect(matrix.diagnostics[0]!.related).toEqual([{ file: join(dir, 'r.yaml'), line: lineOf(record, 'events:'), col: 1, message: 'record small-record' }]);
  });

  it('is quiet when the records have everything the matrix reads, or the matrix says what their absence means', async () => {
    // small reads `deadline` on commitments; most bundled commitments have none.
    const declared = SMALL.replace('criteria:', 'fields:\n  deadline: {type: date, absent: false}\ncriteria:');
    const dir = tempDir({ 'small.yaml': declared });
    const { report } = await validateJson('--matrix', join(dir, 'small.yaml'), here('matrices/small-record.yaml'), 'fixtures');
    expect(report.summary.warnings).toBe(0);
    const silent = await validateJson('--matrix', here('matrices/small.yaml'), here('matrices/small-record.yaml'), 'fixtures');
    expect(new Set(silent.report.files.flatMap((f) => f.diagnostics.map((d) => d.code)))).toEqual(new Set(['FIELD_NOT_STATED']));
  });

  it('takes a bundled matrix id', async () => {
    const { report } = await validateJson('--matrix', 'lewis-2015', 'fixtures');
    expect(report.files[0]!.file).toBe('bundled:lewis-2015');
  });
});

describe('summit-score validate --matrix: the vocabulary the matrix declares', () => {
  const RECORD_2015 = readFileSync('fixtures/us-china-2015-09.yaml', 'utf8');
  const check = async (record: string, ...options: string[]) => {
    const dir = tempDir({ 'r.yaml': record });
    const { exitCode, report } = await validateJson('--matrix', 'lewis-2015', join(dir, 'r.yaml'), ...options);
    return { exitCode, diagnostics: report.files.find((f) => f.file === join(dir, 'r.yaml'))!.diagnostics, file: join(dir, 'r.yaml') };
  };

  it("warns at the record's value when it is not among the declared values, with the one meant", async () => {
    const record = RECORD_2015.replace('subject: un-gge-2015-report', 'subject: un-gge-2015');
    const { exitCode, diagnostics, file } = await check(record);
    expect(exitCode).toBe(0);
    // Beside the level the record leaves unstated on dialogue-2 (a FIELD_NOT_STATED of its own).
    expect(diagnostics.filter((d) => d.code !== 'FIELD_NOT_STATED')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'UNDECLARED_VALUE',
        file,
        line: lineOf(record, 'subject: un-gge-2015'),
        col: 16,
        message: 'event endorse-un-gge-2015: `subject` "un-gge-2015" is not among the values matrix lewis-2015 declares, so a test of it is unknown',
        hint: 'did you mean `un-gge-2015-report`?',
      }),
    ]);
  });

  it('points at the list item, and at a value of the wrong type', async () => {
    const record = RECORD_2015.replace('topics: [ip-theft, espionage]', 'topics: [ip-theft, espionnage]').replace('openEnded: true', 'openEnded: "yes"');
    const diagnostics = (await check(record)).diagnostics.filter((d) => d.code !== 'FIELD_NOT_STATED');
    expect(diagnostics.map(({ code, line, col, hint }) => ({ code, line, col, hint }))).toEqual([
      { code: 'UNDECLARED_VALUE', line: lineOf(record, 'espionnage'), col: 26, hint: 'did you mean `espionage`?' },
      {
        code: 'UNDECLARED_VALUE',
        line: lineOf(record, 'openEnded: "yes"'),
        col: 18,
        hint: 'a test of it is unknown; see `summit-score codebook` for the field',
      },
    ]);
    expect(diagnostics[1]!.message).toBe('event senior-experts-group: `openEnded` is string "yes", but matrix lewis-2015 reads it as a boolean');
  });

  it('warns, at the first event that leaves it out, about a field the matrix reads there without saying what absence means', async () => {
    const record = RECORD_2015.replace(/\n {6}openEnded: true/g, '');
    const { diagnostics } = await check(record);
    expect(diagnostics.filter((d) => d.message.startsWith('`openEnded`'))).toEqual([
      expect.objectContaining({
        code: 'FIELD_NOT_STATED',
        line: lineOf(record, '- id: senior-experts-group') + 5,
        col: 5,
        message:
          '`openEnded` is not stated on any of the 3 mechanism events that matrix lewis-2015 reads it on (senior-experts-group, hl-dialogue, lecd): a test of it is unknown there',
      }),
    ]);
  });

  it('makes these problems errors with --strict (exit 1), and leaves other warnings warnings', async () => {
    const record = RECORD_2015.replace('subject: un-gge-2015-report', 'subject: un-gge-2015').replace(
      /\n {4}sources:\n {6}- url: https:\/\/www.whitehouse.gov[^\n]*\n/,
      '\n',
    );
    const strict = await check(record, '--strict');
    expect(strict.exitCode).toBe(1);
    expect(strict.diagnostics.map((d) => [d.severity, d.code])).toContainEqual(['error', 'UNDECLARED_VALUE']);
    expect(strict.diagnostics.filter((d) => d.code !== 'UNDECLARED_VALUE' && d.code !== 'FIELD_NOT_STATED').every((d) => d.severity === 'warning')).toBe(true);
    expect((await check(record)).exitCode).toBe(0);
  });

  it('finds nothing to say about the bundled case records under any bundled matrix but what they leave unstated', async () => {
    for (const matrix of ['lewis-2015', 'critics-2015', 'summit-deliverables', 'g20-compliance']) {
      // fixtures/coders/ holds two codings that disagree on purpose (one writes `un-gge-2015`): the case library is the top level.
      const { report } = await validateJson('--matrix', matrix, 'fixtures/*.yaml');
      const codes = report.files.flatMap((f) => f.diagnostics.map((d) => d.code));
      expect(
        codes.filter((code) => code !== 'FIELD_NOT_STATED' && code !== 'NOT_IN_RECORDS'),
        matrix,
      ).toEqual([]);
    }
  });
});
