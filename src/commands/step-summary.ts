import { formatStepSummary } from '../ci-format/github.js';
import type { CiReport } from '../ci-format/types.js';
import type { Io } from '../io.js';
import { appendOutput } from '../write-output.js';

/**
 * `-f github` in GitHub Actions: the runner names the job summary's file in $GITHUB_STEP_SUMMARY,
 * and the run appends its Markdown summary there. Unset (anywhere else), nothing is written.
 */
export function appendStepSummary(io: Io, report: CiReport): void {
  const file = io.env['GITHUB_STEP_SUMMARY'];
  if (file) appendOutput(file, formatStepSummary(report));
}
