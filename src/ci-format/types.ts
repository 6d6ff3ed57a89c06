import type { Diagnostic } from '../diagnostics.js';

/**
 * What validate and test hand to the CI formats: suites (a file, a matrix) of cases (a problem,
 * a golden test), each case failed when it has an error. JUnit shows the suites and cases;
 * SARIF and GitHub annotations show the findings.
 */
export interface CiReport {
  /** `repository`: the tool's repository on GitHub, where SARIF links the help of each code. */
  readonly tool: { readonly name: string; readonly version: string; readonly repository?: string | undefined };
  /** The command, `validate`, `test`, `agree`: names the JUnit run and the SARIF run's category. */
  readonly command: string;
  /** One line for people, as the text format ends: `Checked 3 files (3 matrices): 2 errors, 1 warning.` */
  readonly summary: string;
  readonly suites: readonly CiSuite[];
}

export interface CiSuite {
  readonly name: string;
  /**
   * JUnit's classname for the suite's cases: stable across edits (a matrix id, a file without its
   * extension, which Jenkins would read as the class), so a CI server keeps each case's history.
   */
  readonly classname: string;
  readonly cases: readonly CiCase[];
}

export interface CiCase {
  /** Stable across edits that do not touch the case: never a line number. */
  readonly name: string;
  /** The file the case is about. */
  readonly file?: string;
  readonly line?: number;
  /** Problems: an error fails the case, a warning is shown with it. None: the case passed. */
  readonly findings: readonly Diagnostic[];
  /** More text for people (JUnit failure body): expected vs actual, the engine's explanation. */
  readonly details?: string;
}

export type CiFormatter = (report: CiReport) => string;

export function findingsOf(report: CiReport): Diagnostic[] {
  return report.suites.flatMap((suite) => suite.cases.flatMap((c) => c.findings));
}

/** A path as a JUnit classname: without its extension (`matrices/lewis-2015`), which Jenkins would read as the class. */
export function pathClassname(file: string): string {
  return file.replace(/\.(ya?ml|json|ndjson|jsonl)$/i, '');
}

/**
 * Each name made unique within its suite, in order: the second `UNKNOWN_KEY criteria[0].x` is
 * `UNKNOWN_KEY criteria[0].x (2)`, so a CI server never merges two cases into one.
 */
export function uniqueNames<T extends { readonly name: string }>(cases: readonly T[]): T[] {
  const seen = new Map<string, number>();
  return cases.map((item) => {
    const count = (seen.get(item.name) ?? 0) + 1;
    seen.set(item.name, count);
    return count === 1 ? item : { ...item, name: `${item.name} (${count})` };
  });
}

/** Text on one line: a CI server shows a message attribute in one row, and cuts it at a line break. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
