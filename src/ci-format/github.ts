import type { Diagnostic } from '../diagnostics.js';
import { mdTable, mdText } from '../format/markdown-text.js';
import { safeText } from '../terminal-text.js';
import { findingsOf, type CiFormatter, type CiReport, type CiSuite } from './types.js';

/**
 * GitHub Actions workflow commands: a `::group::` per suite (a file, a matrix) that has findings,
 * folding its annotations in the log, an annotation per finding
 * (`::error file=F,line=L,col=C,title=CODE::message`), which GitHub shows on the pull request's
 * diff at that line, then the report's summary line.
 */
export const formatGithub: CiFormatter = (report) => {
  const lines: string[] = [];
  for (const suite of report.suites) {
    const findings = suiteFindings(suite);
    if (findings.length === 0) continue;
    lines.push(`::group::${safeText(data(suite.name))}\n`, ...findings.map(annotation), '::endgroup::\n');
  }
  lines.push(`${safeText(data(summaryLine(report)))}\n`);
  return lines.join('');
};

function suiteFindings(suite: CiSuite): Diagnostic[] {
  return suite.cases.flatMap((c) => c.findings);
}

/** `summit-score validate: 2 errors, 1 warning. Checked 3 files (3 matrices): ...` */
function summaryLine(report: CiReport): string {
  return `${report.tool.name} ${report.command}: ${report.summary}`;
}

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

/** How many findings the step summary lists before it says how many more there are. */
const LISTED = 50;

/**
 * The Markdown a run appends to $GITHUB_STEP_SUMMARY (the job's summary page): the summary line,
 * a table of the suites with findings, and the first findings with their places.
 */
export function formatStepSummary(report: CiReport): string {
  const count = (findings: readonly Diagnostic[], severity: Diagnostic['severity']) => findings.filter((f) => f.severity === severity).length;
  const suites = report.suites.map((suite) => [suite, suiteFindings(suite)] as const).filter(([, findings]) => findings.length > 0);
  const blocks = [`### ${mdText(`${report.tool.name} ${report.command}`)}`, mdText(report.summary)];
  if (suites.length > 0) {
    const kind = report.command === 'validate' ? 'file' : report.command === 'test' ? 'matrix' : 'case';
    blocks.push(
      mdTable(
        [kind, 'errors', 'warnings'],
        suites.map(([suite, findings]) => [mdText(suite.name), String(count(findings, 'error')), String(count(findings, 'warning'))]),
        [1, 2],
      ),
    );
    const findings = findingsOf(report);
    const items = findings.slice(0, LISTED).map((f) => {
      const place = f.file === undefined ? '' : ` ${mdText(`${f.file}:${f.line ?? 1}:${f.col ?? 1}`)}`;
      return `- ${f.severity} **${f.code}**${place}: ${mdText(f.message)}${f.hint ? ` (${mdText(f.hint)})` : ''}`;
    });
    if (findings.length > LISTED) items.push(`- and ${findings.length - LISTED} more`);
    blocks.push(items.join('\n'));
  }
  return `${blocks.join('\n\n')}\n\n`;
}
