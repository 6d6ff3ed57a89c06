// Problems with the user's input: each has a stable code and a place, and they travel together
// so that one run reports every problem it found.
import { safeText } from './terminal-text.js';

type Severity = 'error' | 'warning';

export const ERROR_CODES = {
  USAGE: 'the command line is wrong (unknown option, bad value)',
  FILE_NOT_FOUND: 'an input file or bundled id does not exist',
  BAD_GLOB: 'a glob pattern on the command line has a range that runs backwards (`[z-a]`) or braces that expand to more than 1,024 patterns',
  FILE_UNREADABLE: 'an input exists but cannot be read (a directory, no permission)',
  OUTPUT_FAILED: 'the output file could not be written (a directory, a folder in its path that is a file, no permission, a full disk)',
  OUTPUT_IS_INPUT: 'an output (-o) is a file the same run reads (`evaluate rec.yaml -o rec.yaml`)',
  NOT_UTF8: 'an input is not UTF-8 text',
  FILE_TOO_LARGE: 'an input is larger than the input size limit (SUMMIT_SCORE_MAX_INPUT_MB)',
  YAML_SYNTAX: 'the file is not well-formed YAML or JSON (tabs, duplicate keys, unknown tags and several documents included)',
  EMPTY_FILE: 'an input file is empty',
  TOO_DEEP: 'lists and mappings nest deeper than 128 levels',
  TOO_MANY_VALUES: 'a YAML input holds more than 20,000 values (list items, keys and their values): larger inputs are read as JSON',
  ALIAS_LIMIT: 'YAML aliases expand to more than 100 copies (a "billion laughs")',
  FORBIDDEN_KEY: '`__proto__`, `constructor` or `prototype` used as a key',
  BAD_NUMBER: 'a number is not finite (.nan, .inf, or too large to represent)',
  NOT_A_MAPPING: 'the document is not a YAML mapping / JSON object',
  UNKNOWN_KEY: 'a key the format does not have (often a typo: see the hint)',
  MISSING_KEY: 'a required key is missing',
  WRONG_TYPE: 'a value has the wrong type (a list where a mapping belongs, a number for a string, ...)',
  NOT_ALLOWED: 'a value is not one of the allowed values',
  BAD_FORMAT: 'a value does not have the required form (ids, dates, urls)',
  OUT_OF_RANGE: 'a number is outside its range, or a list is empty',
  BAD_DATE: 'a date is not a real calendar date (2015-02-30)',
  DUPLICATE_ID: 'two criteria, levels, bands or events share an id or label',
  SELF_LINK: 'an event links to itself',
  UNKNOWN_LINK: 'an event links to an event id the record does not have',
  UNKNOWN_SOURCE: 'a matrix or record cites a source key the bibliography does not have',
  BAD_CONDITION: 'a condition mixes operators, or lacks the test or comparison it needs',
  EVENT_TEST_OUTSIDE_QUANTIFIER: 'a field, date, deadline or link test stands outside some/none/count',
  EXTENDS_PATH:
    "`extends` names an absolute path, a path outside the matrix's folder (symlinks resolved), something that is not a regular file, or a file from a matrix read on stdin",
  RECORD_PATH: "a golden test's `record:` names a path outside the tests file's folder (symlinks resolved) or something that is not a regular file",
  TESTS_PATH: "a matrix's `<matrix>.tests.yaml` is a link to a file outside the matrix's folder (symlinks resolved) or something that is not a regular file",
  EXTENDS_CYCLE: 'matrices extend each other in a circle',
  UNKNOWN_LEVEL: 'a gate or a test expectation names a level the criterion does not have',
  UNKNOWN_BAND: 'a gate or a test expectation names a verdict band the matrix does not have',
  LEVEL_ORDER: 'level scores rise from the top level down, or a default level is not last',
  BAND_ORDER: 'verdict bands are not from best to worst, or the last band does not start at 0',
  NO_WEIGHT: 'no criterion has a weight above 0, so no total can be formed',
  FLAT_SCALE: 'a weighted criterion whose levels all have the same score',
  SHADOWED_FIELD: 'a key under `fields` repeats an event property (id, type, date, title, actors)',
  NO_SOURCE: 'warning (an error with validate --require-sources): an event cites no source',
  UNSOURCED_EVIDENCE: 'with --require-sources: an event that earned a level cites no source',
  BAD_AS_OF: '--as-of is not a calendar date',
  UNREACHABLE_LEVEL: 'a level can never be reached: a level above it always matches first (the same condition, or a weaker one)',
  NO_DEFAULT_LEVEL: 'warning: the lowest level has a `when`, so a record that meets no level gets none',
  GATE_NO_EFFECT: 'warning: a gate can never fail (it requires the lowest level) or never matters (it is above the best band)',
  EARLY_DEADLINE: 'a deadline falls before the summit, or before the event that sets it',
  END_BEFORE_START: 'an endDate falls before its date',
  UNKNOWN_KIND: 'a file is neither a matrix (it has `criteria`), a record (`events`) nor a tests file (`tests`)',
  UNKNOWN_CRITERION: 'a test case expects a level of a criterion the matrix does not have',
  BAD_TEST: 'a test case names both or neither of `record` and `events`, or an impossible score range',
  NOT_IN_RECORDS: 'warning (validate --matrix): the matrix tests a field or event type that no record has',
  UNDECLARED_VALUE:
    'warning (validate --matrix, evaluate; an error with --strict): a record gives a declared field a value outside its declared values, or of another type, so a test of it is unknown',
  FIELD_NOT_STATED:
    'warning (validate --matrix, evaluate; an error with --strict): events a matrix reads a field on do not state it, and the matrix does not say what its absence means',
  EQUALS_LIST: '`equals:` is given a list for a field that holds single values (did you mean `in:`?)',
  UNDECLARED_TEST_VALUE: "a condition tests a value that its field's declaration does not list, so the test can never hold",
  UNDECLARED_FIELD: 'warning: a matrix with `fields:` reads a field it does not declare (often a typo: see the hint)',
  LEVEL_NEVER_HOLDS: "a level's condition can never hold under the declared fields: it asks one field for two values at once, or for a value of another type",
  TEST_FAILED: 'a golden test case of a matrix did not give what it expects',
  LOW_COVERAGE: 'the tests reach a smaller share of the levels than --min-coverage',
  CODERS_DISAGREE: 'warning (agree): coders give a unit different levels; the finding stands at a fact their records state differently',
  LOW_AGREEMENT: "agree --min-alpha: Krippendorff's alpha is below the threshold, or undefined",
  SAME_CODER_TWICE: "agree, merge: two files give the same coder's record of the same case",
  NOT_SAME_CASE: 'merge: the files are records of different cases (their ids differ)',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: ErrorCode;
  readonly message: string;
  /** What to do about it, when there is something better to say than the message. */
  readonly hint?: string;
  /** Absent for problems with the command line itself. */
  readonly file?: string;
  readonly line?: number;
  readonly col?: number;
  /** Where in the document, as `criteria[0].levels[1].when`. */
  readonly path?: string;
  /** Other places the problem involves, e.g. the records a matrix was checked against. */
  readonly related?: readonly RelatedLocation[];
}

export interface RelatedLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** Thrown when input cannot be used; carries every problem found, not just the first. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
  }
}

/**
 * A diagnostic as one line of text. Messages quote the input (keys, values, file names), so the
 * quoted parts are escaped: whatever they hold, a diagnostic stays one line and sends no control.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? ` (${safeText(d.hint)})` : '';
  const place = d.file === undefined ? '' : ` ${safeText(d.file)}:${d.line ?? 1}:${d.col ?? 1}`;
  return `${d.severity} ${d.code}${place} ${safeText(d.message)}${hint}`;
}

/** The text every command prints on stderr for its diagnostics: one line each. */
export function diagnosticLines(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('');
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** An error about a whole file (line 1, column 1), or about the command line when `file` is undefined. */
export function inputError(code: ErrorCode, file: string | undefined, message: string, hint?: string): InputError {
  const place = file === undefined ? {} : { file, line: 1, col: 1 };
  return new InputError([{ severity: 'error', code, ...place, message, ...(hint && { hint }) }]);
}

/**
 * Runs loads one after another and keeps the diagnostics of every InputError instead of stopping
 * at the first, so one run reports the problems of all its inputs.
 */
export function collectProblems(): { readonly problems: Diagnostic[]; readonly attempt: <T>(load: () => T) => T | undefined } {
  const problems: Diagnostic[] = [];
  return {
    problems,
    attempt: (load) => {
      try {
        return load();
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push(...error.diagnostics);
        return undefined;
      }
    },
  };
}
