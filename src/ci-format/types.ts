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
  readonly suites: readonly CiSuite[];
}

export interface CiSuite {
  readonly name: string;
  readonly cases: readonly CiCase[];
}

export interface CiCase {
  readonly name: string;
  /** The file the case is about (JUnit classname and file). */
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
