import { describe, expect, it } from 'vitest';
import { codeAnchor } from '../../src/ci-format/sarif.js';
import { ERROR_CODES, type ErrorCode } from '../../src/diagnostics.js';
import { pageWith, pathWith } from '../helpers/docs.js';

/** The "Error codes" table as it must read: one row per code, in ERROR_CODES order, each with the anchor SARIF links to. */
function errorCodesTable(): string {
  const rows = Object.entries(ERROR_CODES).map(
    ([code, meaning]) => `| <a name="${codeAnchor(code as ErrorCode)}"></a>\`${code}\` | ${meaning.replace(/\|/g, '\\|')} |`,
  );
  return ['| code | meaning |', '| --- | --- |', ...rows].join('\n');
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start === -1) return '';
  const next = markdown.indexOf('\n## ', start + heading.length + 2);
  return markdown.slice(start, next === -1 ? undefined : next);
}

describe('the documentation of CI', () => {
  it('documents every error code, exactly as ERROR_CODES says (paste the expected table to fix)', () => {
    const table = section(pageWith('## Error codes'), '## Error codes')
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .join('\n');
    expect(table).toBe(errorCodesTable());
  });

  it('has a section for each CI command and format, in docs/ci.md', () => {
    for (const heading of [
      '## summit-score validate',
      '## summit-score test',
      '## summit-score schema',
      '## CI report formats',
      '### Exit codes of validate and test',
    ]) {
      expect(pathWith(heading), heading).toBe('docs/ci.md');
    }
  });
});
