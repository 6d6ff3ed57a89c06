// lintRecord (src/load/lint-record.ts): the order mistakes a record may carry and still load, each
// at the place of its value in the text (line and column counted from 1, found in the text), with
// month-only dates read as any day of their month.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { lintRecord } from '../../src/load/lint-record.js';
import { parseYamlDocument, type ParsedDocument } from '../../src/load/yaml-document.js';
import type * as RecordSchema from '../../src/load/schema-types/record.js';

function lint(text: string, at: (string | number)[] = []): Diagnostic[] {
  const doc = parseYamlDocument('r.yaml', text) as ParsedDocument;
  let data = doc.data as Record<string, unknown>;
  for (const step of at) data = data[step] as Record<string, unknown>;
  return lintRecord(doc, data as unknown as RecordSchema.RecordDocument, at);
}

/** Line and column (from 1) of `fragment` on the first line holding it. */
function place(text: string, fragment: string): { line: number; col: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(fragment));
  expect(index).toBeGreaterThanOrEqual(0);
  return { line: index + 1, col: lines[index]!.indexOf(fragment) + 1 };
}

const record = (head: string, events: string) => `id: r\n${head}events:\n${events}`;

describe('lintRecord', () => {
  it('finds nothing in a record in order', () => {
    const text = record(
      'date: 2015-09-25\nendDate: 2015-09-25\n',
      '  - id: a\n    date: 2015-09-25\n    endDate: 2015-09-26\n    fields: {deadline: 2015-09-25}\n',
    );
    expect(lint(text)).toEqual([]);
  });

  it('reports a summit that ends before it starts, at its endDate', () => {
    const text = record('date: 2015-09-25\nendDate: 2015-09-24\n', '  - id: a\n    date: 2015-09-25\n');
    expect(lint(text)).toEqual([
      {
        severity: 'error',
        code: 'END_BEFORE_START',
        file: 'r.yaml',
        ...place(text, '2015-09-24'),
        path: 'endDate',
        message: 'the summit ends (2015-09-24) before it starts (2015-09-25)',
      },
    ]);
  });

  it('reports an event that ends before it starts', () => {
    const text = record('date: 2015-09-01\n', '  - id: a\n    date: 2015-09-10\n    endDate: 2015-09-09\n');
    expect(lint(text)).toEqual([
      {
        severity: 'error',
        code: 'END_BEFORE_START',
        file: 'r.yaml',
        ...place(text, '2015-09-09'),
        path: 'events[0].endDate',
        message: 'event a ends (2015-09-09) before it starts (2015-09-10)',
      },
    ]);
  });

  it('reads a month as any of its days: only an order that holds for every day is wrong', () => {
    // 2015-09 may be 30 September, after 2015-09-29; it cannot be after 2015-10-01.
    expect(lint(record('date: 2015-09-29\nendDate: 2015-09\n', '  - id: a\n    date: 2015-09\n    endDate: 2015-09-01\n'))).toEqual([]);
    // An end on the first day a month may start on is no mistake; all of August before
    // September is one.
    expect(lint(record('date: 2015-09\nendDate: 2015-09-01\n', '  - id: a\n    date: 2015-09\n    endDate: 2015-08\n'))).toMatchObject([
      { code: 'END_BEFORE_START', path: 'events[0].endDate', message: 'event a ends (2015-08) before it starts (2015-09)' },
    ]);
    expect(lint(record('date: 2015-10-01\nendDate: 2015-09\n', '  - id: a\n    date: 2015-10-01\n'))).toMatchObject([
      { code: 'END_BEFORE_START', path: 'endDate' },
    ]);
    // A date that is no calendar date orders nothing (the loader reports it as BAD_DATE).
    expect(lint(record('date: 2015-09-31\nendDate: 2015-09-01\n', '  - id: a\n    date: 2015-09-02\n    endDate: 2015-02-30\n'))).toEqual([]);
  });

  it('reports a deadline before the summit, and one before its event', () => {
    const text = record(
      'date: 2015-09-25\n',
      [
        '  - id: early',
        '    date: 2015-10-01',
        '    fields: {deadline: 2014-12-31}',
        '  - id: before',
        '    date: 2015-10-01',
        '    fields:',
        '      deadline: 2015-09-30',
        '  - id: fine',
        '    date: 2015-10-01',
        '    fields: {deadline: 2015-10-01}',
        '  - id: month',
        '    date: 2015-10-15',
        '    fields: {deadline: 2015-10}',
        '  - id: summit-month',
        '    date: 2015-09-25',
        '    fields: {deadline: 2015-09}',
        '',
      ].join('\n'),
    );
    expect(lint(text)).toEqual([
      {
        severity: 'error',
        code: 'EARLY_DEADLINE',
        file: 'r.yaml',
        ...place(text, '2014-12-31'),
        path: 'events[0].fields.deadline',
        message: 'event early has deadline 2014-12-31, before the summit (2015-09-25)',
        hint: 'check the year: a deadline set at or after the summit falls after it',
      },
      {
        severity: 'error',
        code: 'EARLY_DEADLINE',
        file: 'r.yaml',
        ...place(text, '2015-09-30'),
        path: 'events[1].fields.deadline',
        message: 'event before has deadline 2015-09-30, before the event itself (2015-10-01)',
        hint: 'check the year, or the event date',
      },
    ]);
  });

  it('passes over a deadline that is not a date string', () => {
    const text = record(
      'date: 2015-09-25\n',
      '  - id: a\n    date: 2015-10-01\n    fields: {deadline: 2015-02-30}\n  - id: b\n    date: 2015-10-01\n    fields: {deadline: 5}\n  - id: c\n    date: 2015-10-01\n',
    );
    expect(lint(text)).toEqual([]);
  });

  it('places its paths at the top of the document when given no place', () => {
    const text = record('date: 2015-09-25\nendDate: 2015-09-20\n', '  - id: a\n    date: 2015-09-25\n');
    const doc = parseYamlDocument('r.yaml', text) as ParsedDocument;
    expect(lintRecord(doc, doc.data as RecordSchema.RecordDocument).map((d) => d.path)).toEqual(['endDate']);
  });

  it('places its paths under the record it is given', () => {
    const text =
      'wrapper:\n  id: r\n  date: 2015-09-25\n  endDate: 2015-09-20\n  events:\n    - id: a\n      date: 2015-09-25\n      fields: {deadline: 2015-01-01}\n';
    expect(lint(text, ['wrapper'])).toEqual([
      expect.objectContaining({ code: 'END_BEFORE_START', path: 'wrapper.endDate', ...place(text, '2015-09-20') }),
      expect.objectContaining({ code: 'EARLY_DEADLINE', path: 'wrapper.events[0].fields.deadline', ...place(text, '2015-01-01') }),
    ]);
  });
});
