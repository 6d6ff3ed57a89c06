// readTestCases (src/load/load-tests.ts), called directly on a tests file's text: what the schema
// cannot say about a golden case (one of record and events, a record that exists and may be
// read, real dates, ranges that are not empty) and, given the matrix, expectations that name its
// criteria, levels and bands. Each place is found in the text (line and column from 1).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { readTestCases } from '../../src/load/load-tests.js';
import { parseYamlDocument, type ParsedDocument } from '../../src/load/yaml-document.js';
import { loadMatrixText, matrixText } from '../helpers/matrix-text.js';

const MATRIX = () => loadMatrixText(matrixText({ levels: '      - {label: high, score: 1, when: {some: {type: x}}}\n      - {label: low, score: 0}' })).matrix;

let folder: string | undefined;
/** A folder holding the tests file's neighbours: a record, a folder, and a file outside below. */
function dir(): string {
  if (folder === undefined) {
    const root = mkdtempSync(join(tmpdir(), 'load-tests-'));
    folder = join(root, 'tests');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'r.yaml'), 'id: r\n');
    writeFileSync(join(root, 'outside.yaml'), 'id: o\n');
  }
  return folder;
}

function read(text: string, withMatrix = true, file = join(dir(), 'm.tests.yaml')) {
  const doc = parseYamlDocument(file, text) as ParsedDocument;
  return { ...readTestCases(doc, withMatrix ? MATRIX() : undefined), file };
}

/** Line and column of `fragment` on the first line holding `line`. */
function place(text: string, line: string, fragment = line): { line: number; col: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(line));
  expect(index).toBeGreaterThanOrEqual(0);
  return { line: index + 1, col: lines[index]!.indexOf(fragment) + 1 };
}

const only = (diagnostics: readonly Diagnostic[]) => diagnostics.map(({ code, path, message, hint }) => ({ code, path, message, ...(hint && { hint }) }));

describe('readTestCases: the case itself', () => {
  it('reads a case from a record file, at its place, with its as-of date and where each expectation stands', () => {
    const text = 'tests:\n  - name: a\n    record: r.yaml\n    asOf: 2016-01-01\n    expect:\n      levels: {c: high}\n';
    const { cases, diagnostics, file } = read(text);
    expect(diagnostics).toEqual([]);
    expect(cases).toHaveLength(1);
    const [one] = cases;
    expect(one).toMatchObject({
      name: 'a',
      location: { file, ...place(text, 'name: a', 'name') },
      source: { kind: 'file', path: join(dir(), 'r.yaml') },
      asOf: '2016-01-01',
      expect: { levels: { c: 'high' } },
      problems: [],
    });
    expect(one?.expectLocation(['levels', 'c'])).toEqual({ file, ...place(text, 'levels:', 'high') });
    expect(read('tests:\n  - name: b\n    record: r.yaml\n    expect: {}\n').cases[0]).not.toHaveProperty('asOf');
  });

  it('takes a bundled record id before a file', () => {
    expect(read('tests:\n  - name: a\n    record: us-china-2015-09\n    expect: {}\n').cases[0]?.source).toEqual({
      kind: 'file',
      path: 'bundled:us-china-2015-09',
    });
  });

  it('reports a name given twice, at the second, and a date that is not in the calendar', () => {
    const text = 'tests:\n  - name: a\n    record: r.yaml\n    expect: {}\n  - name: a\n    record: r.yaml\n    asOf: 2015-02-30\n    expect: {}\n';
    const { cases, diagnostics, file } = read(text);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'DUPLICATE_ID',
        file,
        // `  - name: ` is 10 characters.
        line: 5,
        col: 11,
        path: 'tests[1].name',
        message: 'test name `a` appears twice (first at tests[0])',
        hint: 'give every test its own name',
      },
      { severity: 'error', code: 'BAD_DATE', file, ...place(text, '2015-02-30'), path: 'tests[1].asOf', message: '2015-02-30 is not a calendar date' },
    ]);
    expect(cases[0]?.source).toBeDefined();
    // A broken case has no record to run.
    expect(cases[1]).not.toHaveProperty('source');
    expect(cases[1]?.problems).toHaveLength(2);
  });

  it('reports a score range and an interval that hold nothing', () => {
    const text = 'tests:\n  - name: a\n    record: r.yaml\n    expect:\n      score: {min: 5, max: 2}\n      scoreRange: {low: 3, high: 1}\n';
    expect(only(read(text).diagnostics)).toEqual([
      {
        code: 'BAD_TEST',
        path: 'tests[0].expect.score',
        message: 'the score range 5..2 is empty',
        hint: 'min is the lowest score that passes, max the highest',
      },
      {
        code: 'BAD_TEST',
        path: 'tests[0].expect.scoreRange',
        message: 'the interval [3, 1] is empty',
        hint: 'low is the lowest score the record allows, high the highest',
      },
    ]);
    const fine = 'tests:\n  - name: a\n    record: r.yaml\n    expect:\n      score: {min: 2, max: 2}\n      scoreRange: {low: 1, high: 1}\n';
    expect(read(fine).diagnostics).toEqual([]);
    for (const score of ['{min: 5}', '{max: 2}', '3']) expect(read(fine.replace('{min: 2, max: 2}', score)).diagnostics).toEqual([]);
  });

  it('reports a case with both a record and events, or neither, and keys that go with events', () => {
    const both = 'tests:\n  - name: a\n    record: r.yaml\n    date: 2015-09-25\n    events: []\n    expect: {}\n';
    const { diagnostics, file } = read(both);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'BAD_TEST',
        file,
        ...place(both, 'events:', 'events'),
        path: 'tests[0].events',
        message: 'a test takes `record:` (a file or bundled id) or inline `events:`, not both',
        hint: 'keep one',
      },
    ]);
    const extra = 'tests:\n  - name: a\n    record: r.yaml\n    date: 2015-09-25\n    parties: [US]\n    expect: {}\n';
    expect(read(extra).diagnostics.map(({ code, line, col, path, message, hint }) => ({ code, line, col, path, message, hint }))).toEqual(
      (['date', 'parties'] as const).map((key) => ({
        code: 'BAD_TEST',
        ...place(extra, `${key}:`, key),
        path: `tests[0].${key}`,
        message: `\`${key}\` goes with inline \`events:\`; the record file has its own`,
        hint: 'remove it, or replace `record:` with `events:`',
      })),
    );
    expect(only(read('tests:\n  - name: n\n    expect: {}\n').diagnostics)).toEqual([
      {
        code: 'BAD_TEST',
        path: 'tests[0]',
        message: 'test `n` names no record',
        hint: 'add `record:` (a file or bundled id) or inline `events:` with a `date:`',
      },
    ]);
  });

  it('reports a record that is missing, outside the folder, or not a file', () => {
    const record = (name: string, file?: string) => only(read(`tests:\n  - name: a\n    record: ${name}\n    expect: {}\n`, true, file).diagnostics);
    expect(record('none.yaml')).toEqual([
      {
        code: 'FILE_NOT_FOUND',
        path: 'tests[0].record',
        message: 'no record file `none.yaml` beside this file, and no bundled record with that id',
        hint: 'give a path relative to this file, or a bundled record id',
      },
    ]);
    expect(record('us-china-2015-9')[0]?.hint).toBe('did you mean `us-china-2015-09`?');
    const refused = (name: string, why: string) => ({
      code: 'RECORD_PATH',
      path: 'tests[0].record',
      message: `record \`${name}\` ${why}`,
      hint: 'name a bundled record id, or a record file in the same folder or below it',
    });
    expect(record('../outside.yaml')).toEqual([refused('../outside.yaml', "is outside the tests file's folder")]);
    expect(record('sub')).toEqual([refused('sub', 'is not a regular file')]);
    expect(record('r.yaml', '<stdin>')).toEqual([refused('r.yaml', "is outside the tests file's folder")]);
  });
});

describe('readTestCases: inline events', () => {
  const EVENTS = 'events:\n      - {id: e1, date: 2015-09-25, type: x, actors: [US, CN]}\n      - {id: e2, date: 2015-09-26, type: y, actors: [CN, RU]}';

  it('builds the record from the events, its parties from their actors unless it names them', () => {
    const text = `tests:\n  - name: inline\n    date: 2015-09-25\n    ${EVENTS}\n    expect: {}\n`;
    const { cases, diagnostics } = read(text);
    expect(diagnostics).toEqual([]);
    const source = cases[0]?.source;
    expect(source?.kind).toBe('inline');
    const record = source?.kind === 'inline' ? source.record : undefined;
    expect(record).toMatchObject({ id: 'test', title: 'inline', date: '2015-09-25', parties: ['US', 'CN', 'RU'] });
    expect(record?.events.map((e) => e.id)).toEqual(['e1', 'e2']);
    const named = read(text.replace('date: 2015-09-25\n    events', 'date: 2015-09-25\n    parties: [US]\n    events')).cases[0]?.source;
    expect(named?.kind === 'inline' && named.record.parties).toEqual(['US']);
  });

  it('reports events without a date, and the record problems of the events, at their places', () => {
    const text = `tests:\n  - name: nodate\n    ${EVENTS}\n    expect: {}\n`;
    expect(only(read(text).diagnostics)).toEqual([
      { code: 'MISSING_KEY', path: 'tests[0]', message: 'test `nodate` has inline events but no `date:`, the summit date they are judged from' },
    ]);
    const early = `tests:\n  - name: early\n    date: 2015-09-25\n    events:\n      - {id: e1, date: 2015-10-01, type: x, fields: {deadline: 2014-01-01}}\n    expect: {}\n`;
    const { cases, diagnostics } = read(early);
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([['EARLY_DEADLINE', 'tests[0].events[0].fields.deadline']]);
    expect(cases[0]).not.toHaveProperty('source');
    const badDate = `tests:\n  - name: bad\n    date: 2015-09-25\n    events:\n      - {id: e1, date: 2015-02-30, type: x}\n    expect: {}\n`;
    expect(read(badDate).diagnostics.map((d) => [d.code, d.path])).toEqual([['BAD_DATE', 'tests[0].events[0].date']]);
  });
});

describe('readTestCases: expectations against the matrix', () => {
  const expecting = (body: string, withMatrix = true) => {
    const text = `tests:\n  - name: a\n    record: r.yaml\n    expect:\n${body}\n`;
    return { text, ...read(text, withMatrix) };
  };

  it('takes the levels, n/a and the bands the matrix has, and a party or subject after the id', () => {
    const { diagnostics } = expecting(
      '      levels: {c: high, c@US: n/a, c/e1: {low: n/a, high: low}, "c@CN": {low: low, high: high}}\n      verdict: good\n      verdicts: [good, bad]',
    );
    expect(diagnostics).toEqual([]);
  });

  it('reports a criterion the matrix does not have, at its key, with the one meant or the list', () => {
    const { text, diagnostics, file } = expecting('      levels: {cc: high, zzzz@US: high}');
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'UNKNOWN_CRITERION',
        file,
        ...place(text, 'levels:', 'cc'),
        path: 'tests[0].expect.levels.cc',
        message: 'the matrix has no criterion `cc`',
        hint: 'did you mean `c`?',
      },
      {
        severity: 'error',
        code: 'UNKNOWN_CRITERION',
        file,
        ...place(text, 'levels:', 'zzzz'),
        path: 'tests[0].expect.levels.zzzz@US',
        message: 'the matrix has no criterion `zzzz`',
        hint: 'criteria: c',
      },
    ]);
  });

  it('reports a level the criterion does not have; n/a only as a level or the low end', () => {
    const { text, diagnostics, file } = expecting('      levels: {c: hig, c@US: zzzzzz, c@CN: {low: zzzzzz, high: n/a}}');
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'UNKNOWN_LEVEL',
        file,
        ...place(text, 'levels:', 'hig'),
        path: 'tests[0].expect.levels.c',
        message: 'c has no level `hig`',
        hint: 'did you mean `high`?',
      },
      {
        severity: 'error',
        code: 'UNKNOWN_LEVEL',
        file,
        ...place(text, 'levels:', 'zzzzzz'),
        path: 'tests[0].expect.levels.c@US',
        message: 'c has no level `zzzzzz`',
        hint: 'levels: high, low, n/a',
      },
      {
        severity: 'error',
        code: 'UNKNOWN_LEVEL',
        file,
        // The value after `low: `, 5 characters on from where `low: zzzzzz` starts.
        ...((at) => ({ ...at, col: at.col + 5 }))(place(text, 'low: zzzzzz')),
        path: 'tests[0].expect.levels.c@CN.low',
        message: 'c has no level `zzzzzz`',
        hint: 'levels: high, low, n/a',
      },
      {
        severity: 'error',
        code: 'UNKNOWN_LEVEL',
        file,
        ...place(text, 'high: n/a', 'n/a'),
        path: 'tests[0].expect.levels.c@CN.high',
        message: 'c has no level `n/a`',
        hint: 'levels: high, low',
      },
    ]);
  });

  it('reports a range whose low end is above its high end', () => {
    // One level at both ends is a range of one.
    expect(expecting('      levels: {c: {low: high, high: high}}').diagnostics).toEqual([]);
    const { diagnostics } = expecting('      levels: {c: {low: high, high: low}}');
    expect(only(diagnostics)).toEqual([
      {
        code: 'BAD_TEST',
        path: 'tests[0].expect.levels.c',
        message: 'c: `high` is above `low` (levels are listed best first)',
        hint: 'low is the level that surely holds, high the best that may',
      },
    ]);
  });

  it('reports a band the matrix does not have, in verdict and in verdicts', () => {
    const { diagnostics } = expecting('      verdict: goood\n      verdicts: [good, zzzzzz]');
    expect(only(diagnostics)).toEqual([
      { code: 'UNKNOWN_BAND', path: 'tests[0].expect.verdict', message: 'no verdict band `goood`', hint: 'did you mean `good`?' },
      { code: 'UNKNOWN_BAND', path: 'tests[0].expect.verdicts[1]', message: 'no verdict band `zzzzzz`', hint: 'bands: good, bad' },
    ]);
  });

  it('checks no expectation without the matrix, and reads no tests from a file without them', () => {
    expect(expecting('      levels: {cc: hig}\n      verdict: goood', false).diagnostics).toEqual([]);
    expect(read('id: m\n').cases).toEqual([]);
  });
});
