// What `summit-score agree` reports, and its JSON form (summit-score/agreement@1): the measured
// agreement plus the files it came from. The other formats (agreement-text.ts, agreement-ci.ts)
// read the same projection, so every format shows the same numbers.

import type { Agreement, AgreementStatistics, AgreementUnit, FactDifference, UnitCoding } from '../engine/agreement.js';

const AGREEMENT_SCHEMA_ID = 'summit-score/agreement@1';

/** One coder's record file of one case. */
export interface CodingFile {
  readonly coder: string;
  readonly case: string;
  /** The record's title and date, as this coder wrote them. */
  readonly title: string;
  readonly date: string;
  readonly file: string;
  readonly sha256: string;
}

export interface AgreementReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly matrix: { readonly id: string; readonly version: string; readonly title: string; readonly file: string; readonly sha256: string };
  readonly asOf: string | null;
  readonly files: readonly CodingFile[];
  readonly agreement: Agreement;
  /** --min-alpha: the run fails when an overall alpha is below it (or undefined). */
  readonly minAlpha: number | null;
}

export function round6(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6;
}

/** Whether every overall alpha reaches --min-alpha (always, without one). */
export function passesMinAlpha(report: AgreementReport): boolean {
  const threshold = report.minAlpha;
  // Judged on alpha as the JSON prints it (6 decimals), so the figure a user copies from it passes.
  return threshold === null || report.agreement.overall.every((s) => s.alpha !== null && round6(s.alpha)! >= threshold);
}

/** The file a coder's record of a case came from. */
export function fileOf(report: AgreementReport, coder: string, caseId: string): CodingFile | undefined {
  return report.files.find((f) => f.coder === coder && f.case === caseId);
}

function projectStatistics(s: AgreementStatistics) {
  return {
    metric: s.metric,
    units: s.units,
    pairableUnits: s.pairableUnits,
    agreeingUnits: s.agreeingUnits,
    percentAgreement: round6(s.percentAgreement),
    alpha: round6(s.alpha),
    interval: { low: round6(s.interval.low), high: round6(s.interval.high), level: s.interval.level, undefinedSamples: s.interval.undefinedSamples },
    cohen: s.cohen && { unweighted: round6(s.cohen.unweighted), linear: round6(s.cohen.linear), quadratic: round6(s.cohen.quadratic), units: s.cohen.units },
    fleiss: s.fleiss && { kappa: round6(s.fleiss.kappa), units: s.fleiss.units },
  };
}

function projectCoding(c: UnitCoding) {
  return {
    coder: c.coder,
    coded: c.coded,
    applicable: c.applicable,
    known: c.known,
    notAssessed: c.notAssessed,
    level: c.level && { label: c.level.label, score: c.level.score },
    levelRange: c.levelRange && { low: c.levelRange.low?.label ?? null, high: c.levelRange.high?.label ?? null },
    evidence: c.evidence.map((e) => ({
      event: e.event,
      date: e.date,
      ...(e.location && { line: e.location.line }),
      sources: e.sources.map((s) => ({
        ...(s.url !== undefined && { url: s.url }),
        ...(s.publisher !== undefined && { publisher: s.publisher }),
        verified: s.verified,
      })),
    })),
    explanation: c.explanation && {
      level: c.explanation.level?.label ?? null,
      expected: c.explanation.failure.expected,
      actual: c.explanation.failure.actual,
      event: c.explanation.failure.event ?? null,
    },
  };
}

function projectDifference(d: FactDifference, report: AgreementReport, caseId: string) {
  return {
    event: d.event,
    fact: d.fact,
    decisive: d.decisive,
    values: d.values.map((v) => ({
      coder: v.coder,
      stated: v.value !== undefined,
      value: v.value ?? null,
      file: fileOf(report, v.coder, caseId)?.file ?? null,
      line: v.location?.line ?? null,
    })),
  };
}

function projectUnit(u: AgreementUnit, report: AgreementReport) {
  return {
    case: u.case,
    id: u.id,
    criterion: u.criterion,
    party: u.party,
    metric: u.metric,
    agree: u.agree,
    codings: u.codings.map(projectCoding),
    differences: u.differences.map((d) => projectDifference(d, report, u.case)),
  };
}

function agreementJson(report: AgreementReport) {
  const { agreement } = report;
  const bootstrap = agreement.overall[0]?.interval;
  return {
    schema: AGREEMENT_SCHEMA_ID,
    tool: report.tool,
    matrix: report.matrix,
    asOf: report.asOf,
    coders: agreement.coders,
    cases: agreement.cases,
    files: report.files,
    bootstrap: {
      samples: agreement.bootstrap.samples,
      seed: agreement.bootstrap.seed,
      level: agreement.bootstrap.level,
      generator: bootstrap?.generator ?? 'mulberry32',
      method: bootstrap?.method ?? 'units resampled with replacement, percentile interval',
    },
    overall: agreement.overall.map(projectStatistics),
    criteria: agreement.criteria.map((c) => ({ criterion: c.criterion, title: c.title, statistics: projectStatistics(c.statistics) })),
    units: agreement.units.map((u) => projectUnit(u, report)),
    minAlpha: report.minAlpha,
    passed: passesMinAlpha(report),
  };
}

export function formatAgreementJson(report: AgreementReport): string {
  return `${JSON.stringify(agreementJson(report), null, 2)}\n`;
}
