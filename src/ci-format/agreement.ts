// `summit-score agree -f sarif|github|junit`: each disagreement becomes findings at the lines of
// the coders' files where the facts behind it differ, so a pull request shows them in place.

import type { Diagnostic, RelatedLocation } from '../diagnostics.js';
import type { CiCase, CiReport, CiSuite } from './types.js';
import { CI_TOOL } from '../package-info.js';
import type { AgreementUnit } from '../engine/agreement.js';
import type { FieldValue } from '../engine/types.js';
import { fileOf, passesMinAlpha, type AgreementReport } from '../format/agreement.js';
import { unknownCodingText } from '../format/agreement-text.js';
import { statisticsLines } from '../format/agreement-text.js';

function shown(value: FieldValue | undefined): string {
  if (value === undefined) return 'not stated';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function levels(unit: AgreementUnit): string {
  return unit.codings
    .map(
      (c) => `${c.coder} ${!c.coded ? 'did not code it' : !c.known ? unknownCodingText(c) : !c.applicable ? 'not applicable' : (c.level?.label ?? 'no level')}`,
    )
    .join(', ');
}

function unitFindings(report: AgreementReport, unit: AgreementUnit): Diagnostic[] {
  const name = `${unit.id}${unit.party === null ? '' : ` [${unit.party}]`}`;
  const findings: Diagnostic[] = [];
  // The facts that decide the disagreement, when the trial found some; else every difference.
  const decisive = unit.differences.filter((d) => d.decisive);
  for (const difference of decisive.length > 0 ? decisive : unit.differences) {
    const fact = difference.fact === 'event' ? `event ${difference.event}` : `${difference.event} ${difference.fact}`;
    const places = difference.values.map((v) => ({
      value: v,
      file: fileOf(report, v.coder, unit.case)?.file,
      line: v.location?.line ?? 1,
      col: v.location?.col ?? 1,
    }));
    for (const here of places) {
      if (here.file === undefined) continue;
      const others = places.filter((p) => p !== here);
      const related: RelatedLocation[] = others.flatMap((p) =>
        p.file === undefined ? [] : [{ file: p.file, line: p.line, col: p.col, message: `${p.value.coder}: ${shown(p.value.value)}` }],
      );
      findings.push({
        severity: 'warning',
        code: 'CODERS_DISAGREE',
        file: here.file,
        line: here.line,
        col: here.col,
        message: `${name}: ${levels(unit)}; ${fact} is ${shown(here.value.value)} for ${here.value.coder}, ${others.map((p) => `${shown(p.value.value)} for ${p.value.coder}`).join(', ')}`,
        ...(related.length > 0 && { related }),
      });
    }
  }
  if (findings.length === 0) {
    // No differing fact was found: the finding goes at the top of each coder's file.
    for (const coding of unit.codings) {
      const file = fileOf(report, coding.coder, unit.case)?.file;
      if (file !== undefined) findings.push({ severity: 'warning', code: 'CODERS_DISAGREE', file, line: 1, col: 1, message: `${name}: ${levels(unit)}` });
    }
  }
  return findings;
}

export function agreementCiReport(report: AgreementReport): CiReport {
  const { agreement } = report;
  const suites: CiSuite[] = agreement.cases.map((caseId) => ({
    name: caseId,
    classname: caseId,
    cases: agreement.units
      .filter((unit) => unit.case === caseId)
      .map((unit): CiCase => {
        const findings = unit.agree ? [] : unitFindings(report, unit);
        // A disagreement's case is placed at its first finding: the first coder's deciding fact.
        const at = findings.find((finding) => finding.file !== undefined);
        return {
          name: `${unit.id}${unit.party === null ? '' : ` [${unit.party}]`}`,
          ...(at && { file: at.file, line: at.line ?? 1 }),
          findings,
        };
      }),
  }));
  if (report.minAlpha !== null) {
    const passed = passesMinAlpha(report);
    suites.push({
      name: 'agreement',
      classname: 'agreement',
      cases: [
        {
          name: `alpha at least ${report.minAlpha}`,
          findings: passed ? [] : [{ severity: 'error', code: 'LOW_AGREEMENT', message: `alpha is below --min-alpha ${report.minAlpha}` }],
          details: agreement.overall.flatMap(statisticsLines).join('\n'),
        },
      ],
    });
  }
  const agreeing = agreement.units.filter((unit) => unit.agree).length;
  const alpha = report.minAlpha === null ? '' : `; alpha ${passesMinAlpha(report) ? 'at or above' : 'below'} --min-alpha ${report.minAlpha}`;
  const summary = `the coders agree on ${agreeing} of ${agreement.units.length} ${agreement.units.length === 1 ? 'unit' : 'units'}${alpha}.`;
  return { tool: { ...report.tool, repository: CI_TOOL.repository }, command: 'agree', summary, suites };
}
