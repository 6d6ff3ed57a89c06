// `summit-score agree` for people (table, markdown) and for spreadsheets (csv).

import { Chalk } from 'chalk';
import { fitTable, fitText } from './fit-table.js';
import type { AgreementStatistics, AgreementUnit, FactDifference, UnitCoding } from '../engine/agreement.js';
import type { FieldValue } from '../engine/types.js';
import { fileOf, passesMinAlpha, round6, type AgreementReport } from './agreement.js';
import { toCsv } from './csv.js';
import { mdTable, mdText } from './markdown-text.js';
import { safeText } from '../terminal-text.js';
import { itemAt } from '../checked-index.js';

function fixed(value: number | null, digits = 3): string {
  return value === null ? 'undefined' : round6(value)!.toFixed(digits);
}

export function unitName(unit: AgreementUnit, cases: number): string {
  const party = unit.party === null ? '' : ` [${unit.party}]`;
  return `${cases > 1 ? `${unit.case}: ` : ''}${unit.id}${party}`;
}

export function levelText(coding: UnitCoding): string {
  if (!coding.coded) return '(not coded)';
  if (!coding.known) return unknownCodingText(coding);
  if (!coding.applicable) return 'not applicable';
  return coding.level ? `${coding.level.label} (${coding.level.score})` : 'no level';
}

/** A coding the record leaves open: nobody assessed it, or the levels it may lie between. */
export function unknownCodingText(coding: UnitCoding): string {
  if (coding.notAssessed) return 'not assessed';
  const range = coding.levelRange;
  const span = range ? `${range.low?.label ?? 'no level'}..${range.high?.label ?? 'no level'}` : 'any level';
  return `unknown: ${coding.applicable === 'unknown' ? `not applicable or ${span}` : span}`;
}

function valueText(value: FieldValue | undefined, fact: string): string {
  if (value === undefined) return fact === 'event' ? '(no such event)' : '(not stated)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Lines that say what an overall or criterion statistic is, in words. */
export function statisticsLines(s: AgreementStatistics): string[] {
  const interval = s.interval;
  const ci =
    interval.low === null
      ? `no ${Math.round(interval.level * 100)}% interval (alpha undefined on ${interval.undefinedSamples} of ${interval.samples} bootstrap samples)`
      : `${Math.round(interval.level * 100)}% interval ${fixed(interval.low)} to ${fixed(interval.high)}, ${interval.samples} bootstrap samples of the units, seed ${interval.seed}`;
  const lines = [
    `Krippendorff's alpha (${s.metric}) over ${s.pairableUnits} units: ${fixed(s.alpha)} (${ci})`,
    `Percent agreement: ${s.percentAgreement === null ? 'undefined' : `${(s.percentAgreement * 100).toFixed(1)}%`} (${s.agreeingUnits} of ${s.units} units agree)`,
    ...(s.pairableUnits < s.units
      ? [
          `Left out of the statistics: ${s.units - s.pairableUnits} of ${s.units} units, where a coder's record does not settle the level (unknown or ` +
            `not assessed): missing codings, not disagreements`,
        ]
      : []),
  ];
  if (s.cohen)
    lines.push(
      `Cohen's kappa over ${s.cohen.units} units: ${fixed(s.cohen.unweighted)} unweighted, ${fixed(s.cohen.linear)} linear, ${fixed(s.cohen.quadratic)} quadratic`,
    );
  if (s.fleiss) lines.push(`Fleiss' kappa over ${s.fleiss.units} units: ${fixed(s.fleiss.kappa)}`);
  return lines;
}

function headline(report: AgreementReport): string {
  const { agreement, matrix } = report;
  const agreeing = agreement.units.filter((u) => u.agree).length;
  const cases = agreement.cases.length === 1 ? itemAt(agreement.cases, 0) : `${agreement.cases.length} cases`;
  return `Agreement of ${agreement.coders.length} coders (${agreement.coders.join(', ')}) on ${cases}, matrix ${matrix.id} ${matrix.version}: ${agreeing} of ${agreement.units.length} units agree`;
}

/** Why each coder's level differs: the evidence that earned it, the near miss, and the facts that differ. */
export function disagreementLines(
  report: AgreementReport,
  unit: AgreementUnit,
  place: (file: string | undefined, line: number | undefined) => string,
): string[] {
  const lines: string[] = [];
  for (const coding of unit.codings) {
    lines.push(`  ${coding.coder}: ${levelText(coding)}`);
    for (const item of coding.evidence) {
      const sources = item.sources.map((s) => `${s.publisher ?? s.url ?? 'a source'}${s.verified ? '' : ' (unverified)'}`).join('; ');
      lines.push(`    earned by ${item.event} ${item.date}${sources ? `: ${sources}` : ': no source'}`);
    }
    const explanation = coding.explanation;
    if (explanation) {
      const target = explanation.level ? `not ${explanation.level.label}` : 'not applicable';
      const at = explanation.failure.event ? `${explanation.failure.event}: ` : '';
      lines.push(`    ${target}: expected ${explanation.failure.expected}; actual ${at}${explanation.failure.actual}`);
    }
  }
  for (const difference of unit.differences)
    lines.push(`  ${difference.decisive ? 'decided by' : 'also differs'}: ${differenceText(report, unit, difference, place)}`);
  return lines;
}

function differenceText(
  report: AgreementReport,
  unit: AgreementUnit,
  d: FactDifference,
  place: (file: string | undefined, line: number | undefined) => string,
): string {
  const values = d.values.map((v) => `${v.coder} ${valueText(v.value, d.fact)}${place(fileOf(report, v.coder, unit.case)?.file, v.location?.line)}`);
  return `${d.fact === 'event' ? `event ${d.event}` : `${d.event} ${d.fact}`}: ${values.join(', ')}`;
}

export function formatAgreementTable(report: AgreementReport, options: { readonly color: boolean; readonly width?: number }): string {
  const { agreement } = report;
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const rows = agreement.units.map((unit) => [
    safeText(unitName(unit, agreement.cases.length)),
    ...unit.codings.map((c) => safeText(levelText(c))),
    unit.agree ? 'yes' : paint.red('no'),
  ]);
  const out = [safeText(headline(report)), fitTable(['Unit', ...agreement.coders.map(safeText), 'Agree'], rows, { ...options, headStyle: 'bold' })];
  for (const s of agreement.overall) out.push(...statisticsLines(s).map(safeText));
  const several = agreement.criteria.filter((c) => c.statistics.units > 1);
  if (several.length > 0) {
    out.push('Per criterion:');
    for (const c of several) {
      const s = c.statistics;
      out.push(safeText(`  ${c.criterion}: alpha (${s.metric}) ${fixed(s.alpha)} over ${s.pairableUnits} units, ${s.agreeingUnits} of ${s.units} agree`));
    }
  }
  const place = (file: string | undefined, line: number | undefined) => (file === undefined ? '' : ` (${file}${line === undefined ? '' : `:${line}`})`);
  const disagreements = agreement.units.filter((u) => !u.agree);
  out.push(disagreements.length === 0 ? 'No disagreements.' : 'Disagreements:');
  for (const unit of disagreements) {
    out.push(safeText(`${unitName(unit, agreement.cases.length)}: ${unit.codings.map((c) => `${c.coder} ${c.level?.label ?? levelText(c)}`).join(', ')}`));
    out.push(...disagreementLines(report, unit, place).map(safeText));
  }
  if (report.minAlpha !== null)
    out.push(passesMinAlpha(report) ? `alpha reaches --min-alpha ${report.minAlpha}` : paint.red(`alpha below --min-alpha ${report.minAlpha}`));
  return `${fitText(out.join('\n'), options.width)}\n`;
}

export function formatAgreementMarkdown(report: AgreementReport): string {
  const { agreement } = report;
  const out = [`## ${mdText(headline(report))}`, ''];
  out.push(
    mdTable(
      ['Unit', ...agreement.coders.map(mdText), 'Agree'],
      agreement.units.map((unit) => [
        mdText(unitName(unit, agreement.cases.length)),
        ...unit.codings.map((c) => mdText(levelText(c))),
        unit.agree ? 'yes' : '**no**',
      ]),
    ),
    '',
  );
  for (const s of agreement.overall) out.push(...statisticsLines(s).map((line) => `- ${mdText(line)}`));
  const disagreements = agreement.units.filter((u) => !u.agree);
  if (disagreements.length > 0) out.push('', '### Disagreements');
  const place = (file: string | undefined, line: number | undefined) => (file === undefined ? '' : ` (${file}${line === undefined ? '' : `:${line}`})`);
  for (const unit of disagreements) {
    out.push('', `**${mdText(unitName(unit, agreement.cases.length))}**`, '');
    out.push(...disagreementLines(report, unit, place).map((line) => `${'  '.repeat(line.search(/\S/) / 2 - 1)}- ${mdText(line.trim())}`));
  }
  return `${out.join('\n')}\n`;
}

/** One row per unit: its coders' levels and scores side by side, and whether they agree. */
export function formatAgreementCsv(report: AgreementReport): string {
  const { agreement } = report;
  const columns = ['case', 'unit', 'criterion', 'party', 'metric', 'agree', ...agreement.coders.flatMap((coder) => [`${coder}_level`, `${coder}_score`])];
  const rows = agreement.units.map((unit) => [
    unit.case,
    unit.id,
    unit.criterion,
    unit.party,
    unit.metric,
    unit.agree,
    ...unit.codings.flatMap((c) => (c.coded && c.applicable === true && c.known ? [c.level?.label ?? null, c.level?.score ?? null] : [null, null])),
  ]);
  return toCsv({ columns, rows });
}
