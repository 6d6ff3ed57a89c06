import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import { ERROR_CODES, type Diagnostic, type ErrorCode } from '../diagnostics.js';
import { findingsOf, type CiFormatter, type CiReport } from './types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The anchor of a code's row in docs/error-codes.md (`<a name="unknown_key">`). */
export function codeAnchor(code: ErrorCode): string {
  return code.toLowerCase();
}

/** UNKNOWN_KEY as UnknownKey: SARIF's rule name, an identifier GitHub shows beside the id. */
function ruleName(code: ErrorCode): string {
  return code
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** The sentence ERROR_CODES has for a code, as a sentence: capital first, full stop last. */
function sentence(code: ErrorCode): string {
  const meaning = ERROR_CODES[code];
  return `${meaning.charAt(0).toUpperCase()}${meaning.slice(1)}.`;
}

/**
 * A rule as GitHub code scanning shows it: its description, help in text and Markdown, and, when
 * the package names its GitHub repository, a link to the code's row in docs/error-codes.md there.
 */
function rule(code: ErrorCode, level: Diagnostic['severity'], report: CiReport): ReportingDescriptor {
  const { repository, name } = report.tool;
  // HEAD: the default branch, whatever it is called; the page and its anchors keep their names.
  const helpUri = repository && `${repository}/blob/HEAD/docs/error-codes.md#${codeAnchor(code)}`;
  const full = `${sentence(code)} ${name} reports it at the file, line and column where it is found, with a hint of what to do when it has one.`;
  return {
    id: code,
    name: ruleName(code),
    shortDescription: { text: sentence(code) },
    fullDescription: { text: full },
    help: {
      text: `${code}: ${sentence(code)} The result's message says what was found and, in parentheses, what to do. Every code is listed in docs/error-codes.md.`,
      markdown: `**\`${code}\`**: ${mdEscape(sentence(code))}\n\nThe result's message says what was found and, in parentheses, what to do. Every code is listed in ${helpUri ? `[docs/error-codes.md](${helpUri})` : 'docs/error-codes.md'}.`,
    },
    ...(helpUri && { helpUri }),
    defaultConfiguration: { level },
  };
}

// The meanings quote YAML and commands in backticks already; only what Markdown would read as markup elsewhere is escaped.
function mdEscape(text: string): string {
  return text.replace(/([\\*_[\]<>|])/g, (match, char: string, offset: number) => (insideBackticks(text, offset) ? match : `\\${char}`));
}

function insideBackticks(text: string, offset: number): boolean {
  return (text.slice(0, offset).match(/`/g)?.length ?? 0) % 2 === 1;
}

/**
 * SARIF 2.1.0, one run: a rule per code that occurs (described from ERROR_CODES), a result per
 * finding with its region. Columns count UTF-16 code units, as the YAML positions do. The run's
 * automationDetails.id (`summit-score/validate/`) is the category GitHub keeps each command's
 * uploads apart by, so validate's results never close test's.
 */
export const formatSarif: CiFormatter = (report) => {
  const findings = findingsOf(report);
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  const rules = codes.map((code) => rule(code, findings.find((f) => f.code === code)!.severity, report));
  const results: Result[] = findings.map((finding) => ({
    ruleId: finding.code,
    ruleIndex: codes.indexOf(finding.code),
    level: finding.severity,
    message: { text: finding.hint ? `${finding.message} (${finding.hint})` : finding.message },
    ...(finding.file !== undefined && { locations: [location(finding)] }),
    ...(finding.related &&
      finding.related.length > 0 && {
        relatedLocations: finding.related.map((place, id) => ({ id, ...location(place), message: { text: place.message } })),
      }),
  }));
  const { name, version, repository } = report.tool;
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name, version, semanticVersion: version, ...(repository && { informationUri: repository }), rules } },
        automationDetails: { id: `${name}/${report.command}/` },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function location(place: Pick<Diagnostic, 'file' | 'line' | 'col'>): Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: fileUri(place.file!) },
      region: { startLine: place.line ?? 1, startColumn: place.col ?? 1 },
    },
  };
}

/** A URI for a path as the user named it: relative stays relative (to the run's folder), absolute becomes file://. */
function fileUri(file: string): string {
  const uri = file
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return uri.startsWith('/') ? `file://${uri}` : uri;
}
