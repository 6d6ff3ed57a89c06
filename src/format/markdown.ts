import { AGGREGATION_METHODS, type CaseResult } from '../engine/index.js';
import { mdNumber, mdTable, mdText } from './markdown-text.js';
import { totalText } from './interval.js';
import { round2 } from './numbers.js';
import { isGridMatrix } from './grid.js';
import { gridMarkdown } from './grid-outputs.js';
import type { Formatter } from './formatter.js';
import type { EvaluationReport } from './report.js';

// The Markdown text helpers live apart, so the grid's Markdown can use them without an import circle.
export { mdTable, mdText };

/** `evaluate -f markdown`: a section per record, ready to paste into a paper or a pull request. */
export const formatEvaluationMarkdown: Formatter<EvaluationReport> = (report, context) => {
  const matrix = report.matrix.definition;
  const blocks = [
    `## ${mdText(matrix.title)}`,
    `Matrix \`${matrix.id}\` ${mdText(matrix.version)} (${mdText(report.matrix.file)}, sha256 \`${report.matrix.sha256.slice(0, 12)}\`). Aggregation: ${matrix.aggregation}, ${mdText(AGGREGATION_METHODS[matrix.aggregation])}.`,
  ];
  for (const { result, file } of report.results) blocks.push(recordSection(result, file, report, context.explain === true));
  return `${blocks.join('\n\n')}\n`;
};

function recordSection(result: CaseResult, file: string, report: EvaluationReport, explain: boolean): string {
  const matrix = report.matrix.definition;
  if (result.grid && isGridMatrix(matrix)) return gridMarkdown(result, file, explain);
  const rows = result.criteria.map((criterion) => {
    const gated = matrix.criteria.find((c) => c.id === criterion.criterion)?.gates.length ? ' (gate)' : '';
    const level = !criterion.applicable
      ? 'n/a'
      : criterion.parties
        ? criterion.parties.map((cell) => `${mdText(cell.party)}: ${cell.applicable ? mdText(cell.level?.label ?? '(none)') : 'n/a'}`).join(', ')
        : criterion.level
          ? `${mdText(criterion.level.label)} (${criterion.level.score})`
          : '(no level)';
    const evidence = criterion.evidence
      .map((item) => `${mdText(item.event)} ${item.date}${item.sources.length > 0 && item.sources.every((s) => s.verified) ? '' : ' †'}`)
      .join('; ');
    return [
      `${mdText(criterion.id)}${gated}`,
      level,
      criterion.points === null ? '' : `${round2(criterion.points)}/${criterion.maxPoints}`,
      String(criterion.weight),
      criterion.applicable && criterion.weight > 0 ? mdNumber(criterion.contribution) : '-',
      evidence,
    ];
  });
  const lines = [
    `### ${mdText(result.record.title)} (\`${result.record.id}\`)`,
    `As of ${result.asOf}; record ${mdText(file)}.`,
    mdTable(['Criterion', 'Level', 'Points', 'Weight', 'Contribution', 'Evidence'], rows, [2, 3, 4]),
    result.score === null
      ? 'No total: no weighted criterion applies.'
      : `**Total ${totalText(result, '')} / 100, verdict: ${mdText(result.verdict ?? 'none')}**${result.band !== result.verdict ? ` (the score alone earns ${mdText(result.band ?? 'none')}; a gate caps it)` : ''}`,
  ];
  if (result.gates.length > 0) {
    lines.push(
      `Gates: ${result.gates.map((gate) => `${mdText(gate.criterion)} at ${mdText(gate.requires)} or above for better than ${mdText(gate.above)}: ${gate.status}`).join('; ')}.`,
    );
  }
  if (result.criteria.some((c) => c.evidence.some((item) => item.sources.length === 0 || item.sources.some((s) => !s.verified)))) {
    lines.push('† rests on a source marked unverified');
  }
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
