import type { Diagnostic } from '../diagnostics.js';
import { dayNumber } from '../engine/dates.js';
import type { CaseRecord, Matrix, SourceLocation } from '../engine/types.js';
import { didYouMean } from '../suggest.js';
import { bundledFile, bundledIds } from './bundled.js';
import { confinedFile, type ConfinedFile } from './confined-file.js';
import { DiagnosticSink } from './load-document.js';
import { recordFromData } from './load-record.js';
import type * as MatrixSchema from './schema-types/matrix.js';
import type * as TestsSchema from './schema-types/tests.js';
import { lintRecord } from './lint-record.js';
import type { DataPath, ParsedDocument } from './yaml-document.js';
import { itemAt } from '../checked-index.js';

/** In `expect.levels`, the criterion does not apply to the record. */
export const NOT_APPLICABLE = 'n/a';

type ScoreExpectation = number | { readonly min?: number; readonly max?: number };

/** A level label (or n/a), or the range an undetermined cell lies in. */
export type LevelExpectation = string | { readonly low: string; readonly high: string };

export interface Expectation {
  readonly levels?: Readonly<Record<string, LevelExpectation>>;
  readonly verdict?: string;
  readonly verdicts?: readonly string[];
  readonly undetermined?: boolean;
  readonly score?: ScoreExpectation;
  readonly scoreRange?: { readonly low: number; readonly high: number };
}

/** One golden case, ready to run unless it has errors of its own. */
export interface TestCase {
  readonly name: string;
  readonly location: SourceLocation;
  /** The record to score: built from inline events, or a file to load. Undefined when the case is broken. */
  readonly source?: { readonly kind: 'inline'; readonly record: CaseRecord } | { readonly kind: 'file'; readonly path: string };
  readonly asOf?: string;
  readonly expect: Expectation;
  /** Where a part of `expect` stands (`['levels', 'negotiation']`), for pointing at a failed expectation. */
  readonly expectLocation: (path: readonly string[]) => SourceLocation;
  /** Problems of the case itself (its own position in the file); any error means it cannot pass. */
  readonly problems: readonly Diagnostic[];
}

/**
 * Reads the `tests:` of a schema-checked matrix or tests file. Checks what the schema cannot: one
 * of `record` and `events`, a record that exists, real dates, and, given the matrix, expectations
 * that name its criteria, levels and bands.
 */
export function readTestCases(doc: ParsedDocument, matrix: Matrix | undefined): { cases: TestCase[]; diagnostics: Diagnostic[] } {
  const raws = (doc.data as MatrixSchema.MatrixDocument | TestsSchema.TestsDocument).tests ?? [];
  const names = new Map<string, number>();
  const cases = raws.map((raw, i): TestCase => {
    const sink = new DiagnosticSink(doc);
    const at = (...rest: (string | number)[]): DataPath => ['tests', i, ...rest];
    const earlier = names.get(raw.name);
    if (earlier === undefined) names.set(raw.name, i);
    else sink.error('DUPLICATE_ID', at('name'), `test name \`${raw.name}\` appears twice (first at tests[${earlier}])`, 'give every test its own name');
    if (raw.asOf !== undefined && dayNumber(raw.asOf) === undefined) sink.error('BAD_DATE', at('asOf'), `${raw.asOf} is not a calendar date`);
    if (matrix) checkExpectation(sink, raw.expect, matrix, at);
    const scoreBounds = raw.expect.score;
    if (typeof scoreBounds === 'object' && scoreBounds.min !== undefined && scoreBounds.max !== undefined && scoreBounds.min > scoreBounds.max) {
      sink.error(
        'BAD_TEST',
        at('expect', 'score'),
        `the score range ${scoreBounds.min}..${scoreBounds.max} is empty`,
        'min is the lowest score that passes, max the highest',
      );
    }
    const { scoreRange } = raw.expect;
    if (scoreRange && scoreRange.low > scoreRange.high) {
      sink.error(
        'BAD_TEST',
        at('expect', 'scoreRange'),
        `the interval [${scoreRange.low}, ${scoreRange.high}] is empty`,
        'low is the lowest score the record allows, high the highest',
      );
    }

    let source: TestCase['source'];
    if (raw.record !== undefined && raw.events !== undefined) {
      sink.error('BAD_TEST', at('events'), 'a test takes `record:` (a file or bundled id) or inline `events:`, not both', 'keep one', true);
    } else if (raw.record !== undefined) {
      for (const key of ['date', 'parties'] as const) {
        if (raw[key] !== undefined)
          sink.error(
            'BAD_TEST',
            at(key),
            `\`${key}\` goes with inline \`events:\`; the record file has its own`,
            'remove it, or replace `record:` with `events:`',
            true,
          );
      }
      const found = resolveTestRecord(raw.record, doc.file);
      if (found.kind === 'file') source = { kind: 'file', path: found.path };
      else if (found.kind === 'missing') {
        const hint = didYouMean(raw.record, bundledIds('record')) ?? 'give a path relative to this file, or a bundled record id';
        sink.error('FILE_NOT_FOUND', at('record'), `no record file \`${raw.record}\` beside this file, and no bundled record with that id`, hint);
      } else {
        const why = found.kind === 'outside' ? "is outside the tests file's folder" : 'is not a regular file';
        sink.error('RECORD_PATH', at('record'), `record \`${raw.record}\` ${why}`, 'name a bundled record id, or a record file in the same folder or below it');
      }
    } else if (raw.events !== undefined) {
      if (raw.date === undefined) {
        sink.error('MISSING_KEY', at(), `test \`${raw.name}\` has inline events but no \`date:\`, the summit date they are judged from`);
      } else {
        const parties = raw.parties ?? [...new Set(raw.events.flatMap((event) => event.actors ?? []))];
        const data = { id: 'test', title: raw.name, date: raw.date, parties, events: raw.events };
        // Inline events name no bibliography, so no file is read for them: a limit of 0 would refuse one.
        const built = recordFromData(doc, data, { at: at(), requireSources: false, maxBytes: 0 });
        const lint = built.value ? lintRecord(doc, data, at()) : [];
        sink.diagnostics.push(...built.diagnostics, ...lint);
        if (built.value && lint.every((d) => d.severity !== 'error')) source = { kind: 'inline', record: built.value };
      }
    } else {
      sink.error('BAD_TEST', at(), `test \`${raw.name}\` names no record`, 'add `record:` (a file or bundled id) or inline `events:` with a `date:`');
    }

    const broken = sink.diagnostics.some((d) => d.severity === 'error');
    return {
      name: raw.name,
      location: { file: doc.file, ...doc.locate(at()) },
      ...(!broken && source && { source }),
      ...(raw.asOf !== undefined && { asOf: raw.asOf }),
      expect: raw.expect,
      expectLocation: (path) => ({ file: doc.file, ...doc.locate(at('expect', ...path)) }),
      problems: sink.diagnostics,
    };
  });
  return { cases, diagnostics: cases.flatMap((c) => c.problems) };
}

function checkExpectation(sink: DiagnosticSink, expect: Expectation, matrix: Matrix, at: (...rest: (string | number)[]) => DataPath): void {
  const criterionIds = matrix.criteria.map((c) => c.id);
  for (const [key, expected] of Object.entries(expect.levels ?? {})) {
    // `criterion/event` names a forEach subject, `criterion@PARTY` one party's cell.
    const id = itemAt(key.split(/[/@]/), 0);
    const criterion = matrix.criteria.find((c) => c.id === id);
    if (!criterion) {
      sink.error(
        'UNKNOWN_CRITERION',
        at('expect', 'levels', key),
        `the matrix has no criterion \`${id}\``,
        didYouMean(id, criterionIds) ?? `criteria: ${criterionIds.join(', ')}`,
        true,
      );
      continue;
    }
    const labels = criterion.levels.map((level) => level.label);
    const ends: [string, string, DataPath][] =
      typeof expected === 'string'
        ? [[expected, NOT_APPLICABLE, at('expect', 'levels', key)]]
        : [
            [expected.low, NOT_APPLICABLE, at('expect', 'levels', key, 'low')],
            [expected.high, '', at('expect', 'levels', key, 'high')],
          ];
    for (const [label, alsoAllowed, path] of ends) {
      if (label !== alsoAllowed && !labels.includes(label)) {
        sink.error(
          'UNKNOWN_LEVEL',
          path,
          `${id} has no level \`${label}\``,
          didYouMean(label, labels) ?? `levels: ${[...labels, ...(alsoAllowed ? [alsoAllowed] : [])].join(', ')}`,
        );
      }
    }
    if (
      typeof expected !== 'string' &&
      labels.includes(expected.low) &&
      labels.includes(expected.high) &&
      labels.indexOf(expected.low) < labels.indexOf(expected.high)
    ) {
      sink.error(
        'BAD_TEST',
        at('expect', 'levels', key),
        `${id}: \`${expected.low}\` is above \`${expected.high}\` (levels are listed best first)`,
        'low is the level that surely holds, high the best that may',
      );
    }
  }
  const bands = matrix.verdicts.map((band) => band.label);
  const checkBand = (label: string, path: DataPath) => {
    if (!bands.includes(label)) sink.error('UNKNOWN_BAND', path, `no verdict band \`${label}\``, didYouMean(label, bands) ?? `bands: ${bands.join(', ')}`);
  };
  if (expect.verdict !== undefined) checkBand(expect.verdict, at('expect', 'verdict'));
  expect.verdicts?.forEach((label, i) => checkBand(label, at('expect', 'verdicts', i)));
}

/**
 * A test's `record:`: a bundled record id, else a regular file in the folder tree of the file
 * that names it (src/load/confined-file.ts: its record comes back in SARIF and annotations).
 */
function resolveTestRecord(reference: string, fromFile: string): ConfinedFile {
  const bundled = bundledFile('record', reference);
  if (bundled !== undefined) return { kind: 'file', path: bundled };
  if (fromFile === '<stdin>') return { kind: 'outside' };
  return confinedFile(reference, fromFile);
}
