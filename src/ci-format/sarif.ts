import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import { ERROR_CODES, type Diagnostic } from '../diagnostics.js';
import { findingsOf, type CiFormatter } from './types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * SARIF 2.1.0, one run: a rule per code that occurs (described from ERROR_CODES), a result per
 * finding with its region. Columns count UTF-16 code units, as the YAML positions do.
 */
export const formatSarif: CiFormatter = (report) => {
  const findings = findingsOf(report);
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  const rules: ReportingDescriptor[] = codes.map((code) => ({
    id: code,
    shortDescription: { text: ERROR_CODES[code] },
    defaultConfiguration: { level: findings.find((f) => f.code === code)!.severity },
  }));
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
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, rules } },
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
