import { AGGREGATION_METHODS, type CaseResult } from '../engine/index.js';
import { mdTable, mdText } from './markdown-text.js';
import { anyUnverified, criterionRows, CRITERION_COLUMNS, MAY_NOT_APPLY, type CriterionRow } from './criterion-rows.js';
import { totalText, verdictWords } from './interval.js';
import { isGridMatrix } from './grid.js';
import { gridMarkdown } from './grid-outputs.js';
import type { Formatter } from './formatter.js';
import type { EvaluationReport } from './report.js';

/** `evaluate -f markdown`: a section per record, ready to paste into a paper or a pull request. */
export const formatEvaluationMarkdown: Formatter<EvaluationReport> = (report, context) => {
  const matrix = report.matrix.definition;
  const blocks = [
    `## ${mdText(matrix.title)}`,
    `Matrix \`${matrix.id}\` ${mdText(matrix.version)} (${mdText(report.matrix.file)}, sha256 \`${report.matrix.sha256.slice(0, 12)}\`). Aggregation: ` +
      `${matrix.aggregation}, ${mdText(AGGREGATION_METHODS[matrix.aggregation])}.`,
  ];
  for (const { result, file } of report.results) blocks.push(recordSection(result, file, report, context.explain === true));
  return `${blocks.join('\n\n')}\n`;
};

function recordSection(result: CaseResult, file: string, report: EvaluationReport, explain: boolean): string {
  const matrix = report.matrix.definition;
  if (result.grid && isGridMatrix(matrix)) return gridMarkdown(result, file, explain);
  const rows = criterionRows(result, matrix);
  const cells = rows.map((row) => [
    mdText(row.label),
    levelCell(row),
    row.points.exact ?? '',
    row.weight,
    row.contribution.exact ?? '',
    row.evidence.map((item) => `${mdText(item.event)} ${item.date}${item.verified ? '' : ' †'}`).join('; '),
  ]);
  const lines = [
    `### ${mdText(result.record.title)} (\`${result.record.id}\`)`,
    `As of ${result.asOf}; record ${mdText(file)}.`,
    mdTable(CRITERION_COLUMNS, cells, [2, 3, 4]),
    result.score === null && result.scoreRange !== null
      ? `**Total ${totalText(result, '')} / 100, verdict: ${mdText(verdictWords(result))}**`
      : result.score === null
        ? 'No total: no weighted criterion applies.'
        : `**Total ${totalText(result, '')} / 100, verdict: ` +
          `${mdText(result.verdict ?? 'none')}**${result.band !== result.verdict ? ` (the score alone earns ${mdText(result.band ?? 'none')}; a gate caps it)` : ''}`,
  ];
  if (result.gates.length > 0) {
    lines.push(
      `Gates: ${result.gates.map((gate) => `${mdText(gate.criterion)} at ${mdText(gate.requires)} or above for better than ${mdText(gate.above)}: ${gate.status}`).join('; ')}.`,
    );
  }
  if (anyUnverified(rows)) lines.push('† rests on a source marked unverified');
  if (explain) {
    const why = result.criteria
      .filter((criterion) => criterion.explanation)
      .map((criterion) => {
        const { explanation } = criterion;
        const failure = explanation!.failure;
        const where = failure.location ? ` (${mdText(`${failure.location.file}:${failure.location.line}:${failure.location.col}`)})` : '';
        const target = explanation!.level ? `not ${mdText(explanation!.level.label)}` : 'does not apply';
        return `- **${mdText(criterion.id)}**: ${target}${where}: expected ${mdText(failure.expected)}; actual ${mdText(failure.actual)}`;
      });
    if (why.length > 0) lines.push(['Why not the next level up:', '', ...why].join('\n'));
  }
  return lines.join('\n\n');
}

/** A criterion's level in Markdown: the row's words, or each party's label. */
function levelCell(row: CriterionRow): string {
  if (row.level !== null) return mdText(row.level);
  const parties = (row.result.parties ?? []).map((cell) => `${mdText(cell.party)}: ${cell.applicable ? mdText(cell.level?.label ?? '(none)') : 'n/a'}`);
  return `${parties.join(', ')}${row.mayNotApply ? MAY_NOT_APPLY : ''}`;
}
