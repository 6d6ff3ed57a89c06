// `summit-score agree -f html`: the agreement as one self-contained page, in the report's style
// (src/format/html/page.ts): the inputs in the header, the levels, the statistics, the
// disagreements with their evidence, and every source the evidence cites in the footer.

import { citedSources } from '../engine/index.js';
import type { AgreementReport } from './agreement.js';
import { disagreementLines, statisticsLines, unitName, levelText } from './agreement-text.js';
import type { SourceDocument } from './html/documents.js';
import { text } from './html/escape.js';
import { htmlTable, page } from './html/page.js';
import { projectSource } from './json.js';

function sourcesOf(report: AgreementReport): SourceDocument[] {
  const evidence = report.agreement.units.flatMap((unit) => unit.codings.flatMap((coding) => coding.evidence));
  return citedSources(evidence).map(projectSource);
}

export function formatAgreementHtml(report: AgreementReport): string {
  const { agreement } = report;
  const cases = agreement.cases.length;
  const levels = htmlTable(
    'Each coder’s level per unit',
    ['Unit', ...agreement.coders, 'Agree'],
    agreement.units.map((unit) => [text(unitName(unit, cases)), ...unit.codings.map((c) => text(levelText(c))), unit.agree ? 'yes' : '<strong>no</strong>']),
  );
  const statistics = agreement.overall
    .map(
      (s) =>
        `<ul>\n${statisticsLines(s)
          .map((line) => `<li>${text(line)}</li>`)
          .join('\n')}\n</ul>`,
    )
    .join('\n');
  const place = (file: string | undefined, line: number | undefined) => (file === undefined ? '' : ` (${file}${line === undefined ? '' : `:${line}`})`);
  const disagreements = agreement.units
    .filter((unit) => !unit.agree)
    .map(
      (unit) =>
        `<h3>${text(unitName(unit, cases))}</h3>\n<ul>\n${disagreementLines(report, unit, place)
          .map((line) => `<li>${text(line.trim())}</li>`)
          .join('\n')}\n</ul>`,
    );
  const body = [
    '<h2 id="levels">Levels</h2>',
    levels,
    '<h2 id="statistics">Agreement</h2>',
    statistics,
    '<h2 id="disagreements">Disagreements</h2>',
    disagreements.length > 0 ? disagreements.join('\n') : '<p>None: every coder gives every unit the same level.</p>',
  ].join('\n');
  return page({
    title: `Agreement of ${agreement.coders.length} coders under ${report.matrix.id}`,
    tool: report.tool,
    matrices: [report.matrix],
    records: report.files.map((f) => ({ id: f.case, title: `coder ${f.coder}: ${f.title}`, date: f.date, file: f.file, sha256: f.sha256 })),
    asOf: report.asOf,
    body,
    sources: sourcesOf(report),
  });
}
