import type { Diagnostic } from '../diagnostics.js';
import { safeText } from '../terminal-text.js';
import { findingsOf, type CiFormatter } from './types.js';

/**
 * GitHub Actions workflow commands, one per finding: `::error file=F,line=L,col=C,title=CODE::message`.
 * GitHub shows them on the pull request's diff at that line.
 */
export const formatGithub: CiFormatter = (report) => findingsOf(report).map(annotation).join('');

function annotation(finding: Diagnostic): string {
  const properties = [
    ...(finding.file === undefined ? [] : [`file=${property(finding.file)}`, `line=${finding.line ?? 1}`, `col=${finding.col ?? 1}`]),
    `title=${property(finding.code)}`,
  ];
  const hint = finding.hint ? ` (${finding.hint})` : '';
  return `::${finding.severity} ${properties.join(',')}::${safeText(data(`${finding.message}${hint}`))}\n`;
}

// The escapes GitHub's runner undoes (actions/toolkit, core/src/command.ts): a line break in a
// message is one the annotation shows, not the end of the command. safeText then shows every
// other control as an escape, so one finding is one line of the log.
function data(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(value: string): string {
  return safeText(data(value)).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
