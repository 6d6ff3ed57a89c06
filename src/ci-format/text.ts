import type { ChalkInstance } from 'chalk';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { safeText } from '../terminal-text.js';

/**
 * A diagnostic for people, as `error CODE file:line:col message (hint)` (the form evaluate prints,
 * which terminals and editors turn into links), then a line per related place.
 */
export function diagnosticText(diagnostic: Diagnostic, chalk: ChalkInstance, indent = ''): string {
  const line = safeText(formatDiagnostic(diagnostic));
  const severity = diagnostic.severity === 'error' ? chalk.red(diagnostic.severity) : chalk.yellow(diagnostic.severity);
  const lines = [`${indent}${severity}${line.slice(diagnostic.severity.length)}`];
  for (const place of diagnostic.related ?? []) {
    lines.push(`${indent}  ${chalk.dim(safeText(`see ${place.file}:${place.line}:${place.col} ${place.message}`))}`);
  }
  return lines.join('\n');
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
