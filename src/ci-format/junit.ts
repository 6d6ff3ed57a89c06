import { formatDiagnostic } from '../diagnostics.js';
import { oneLine, type CiCase, type CiFormatter } from './types.js';
import { itemAt } from '../checked-index.js';

/**
 * JUnit XML as CI servers read it (Jenkins, GitLab, the JUnit reporters of GitHub Actions), valid
 * against the common JUnit schema (Jenkins' junit-4.xsd, which has no `file` or `line` on a
 * testcase): a testsuite per suite, a testcase per case with its suite's classname, a <failure>
 * per failed case with a one-line message. Warnings do not fail a case; they go to its
 * <system-out>.
 */
export const formatJunit: CiFormatter = (report) => junit(report, false);

/**
 * The same JUnit with `file` and `line` on each testcase that has them (`-f junit-file-line`),
 * for readers that link a case to its file (GitLab's test report, pytest's xunit1 flavour): no
 * longer valid against junit-4.xsd, so it is opt-in.
 */
export const formatJunitFileLine: CiFormatter = (report) => junit(report, true);

function junit(report: Parameters<CiFormatter>[0], located: boolean): string {
  const count = (cases: readonly CiCase[]) => ({ tests: cases.length, failures: cases.filter(failed).length });
  const all = count(report.suites.flatMap((suite) => suite.cases));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(`${report.tool.name} ${report.command}`)}" tests="${all.tests}" failures="${all.failures}" errors="0">`,
  ];
  for (const suite of report.suites) {
    const totals = count(suite.cases);
    lines.push(`  <testsuite name="${attr(suite.name)}" tests="${totals.tests}" failures="${totals.failures}" errors="0" skipped="0">`);
    for (const testCase of suite.cases) {
      const place = located ? locationAttributes(testCase) : '';
      lines.push(`    <testcase name="${attr(testCase.name)}" classname="${attr(suite.classname)}"${place}>`);
      const errors = testCase.findings.filter((f) => f.severity === 'error');
      const warnings = testCase.findings.filter((f) => f.severity === 'warning');
      if (errors.length > 0) {
        const body = testCase.details || errors.map(formatDiagnostic).join('\n');
        lines.push(
          `      <failure type="${attr(itemAt(errors, 0).code)}" message="${attr(oneLine(errors.map((e) => e.message).join('; ')))}">${text(body)}</failure>`,
        );
      }
      if (warnings.length > 0) lines.push(`      <system-out>${text(warnings.map(formatDiagnostic).join('\n'))}</system-out>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function locationAttributes(testCase: CiCase): string {
  if (testCase.file === undefined) return '';
  return ` file="${attr(testCase.file)}"${testCase.line === undefined ? '' : ` line="${testCase.line}"`}`;
}

function failed(testCase: CiCase): boolean {
  return testCase.findings.some((f) => f.severity === 'error');
}

// XML 1.0 cannot carry most control characters at all, even escaped: they are shown as \uXXXX.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function text(value: string): string {
  return value
    .replace(NOT_XML, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
