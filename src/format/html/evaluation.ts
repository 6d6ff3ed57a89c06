import type { Matrix } from '../../engine/index.js';
import { bandScaleChart, complianceChart, criterionBarsChart, type ComplianceCell, type CriterionBar } from './charts.js';
import type { CellDocument, CriterionDocument, EvaluationDocument, ResultDocument } from './documents.js';
import { link, text } from './escape.js';
import { figure, htmlTable, mergeSources, page } from './page.js';
import type { Chart } from './vega.js';
import { itemAt } from '../../checked-index.js';

/** The charts of an evaluation, in page order: per result, its band scale, its criteria, its grid. */
export function evaluationCharts(doc: EvaluationDocument, matrix: Matrix): Chart[] {
  return doc.results.flatMap((result, i) => {
    const charts = [
      bandScaleChart(`case-${i + 1}-verdict`, `${result.record.id}: total on the verdict bands`, matrix.verdicts, scoreInterval(result)),
      criterionBarsChart(`case-${i + 1}-criteria`, `${result.record.id}: contribution of each criterion`, criterionBars(result)),
    ];
    if (result.grid) charts.push(complianceChart(`case-${i + 1}-grid`, `${result.record.id}: members × commitments`, complianceCells(result)));
    return charts;
  });
}

export function evaluationPage(doc: EvaluationDocument, matrix: Matrix, svgs: readonly string[]): string {
  let next = 0;
  const body = doc.results
    .map((result, i) => {
      const charts = result.grid ? 3 : 2;
      const mine = svgs.slice(next, next + charts);
      next += charts;
      return resultSection(result, i + 1, matrix, mine);
    })
    .join('\n');
  return page({
    title: `${doc.matrix.id} ${doc.matrix.version}: ${doc.results.map((result) => result.record.id).join(', ')}`,
    tool: doc.tool,
    matrices: [doc.matrix],
    records: doc.results.map((result) => result.record),
    asOf: doc.asOf,
    body,
    sources: mergeSources(doc.results.map((result) => result.sources)),
  });
}

function scoreInterval(result: Pick<ResultDocument, 'score' | 'scoreRange'>): [number, number] | null {
  if (result.scoreRange) return [result.scoreRange.low, result.scoreRange.high];
  return result.score === null ? null : [result.score, result.score];
}

function verdictText(result: ResultDocument): string {
  const verdicts = result.verdicts && result.verdicts.length > 0 ? result.verdicts : result.verdict === null ? [] : [result.verdict];
  return verdicts.length === 0 ? 'no verdict' : verdicts.join(' or ');
}

function scoreText(result: ResultDocument): string {
  const interval = scoreInterval(result);
  if (interval === null) return 'no total';
  return interval[0] === interval[1] ? `${interval[0]}` : `${interval[0]}–${interval[1]}`;
}

function resultSection(result: ResultDocument, n: number, matrix: Matrix, svgs: readonly string[]): string {
  const bars = criterionBars(result);
  const bandTable = htmlTable(
    'Verdict bands of the matrix, best first',
    ['Band', 'From', 'To'],
    matrix.verdicts.map((band, i) => [text(band.label), String(band.min), String(i === 0 ? 100 : itemAt(matrix.verdicts, i - 1).min)]),
    new Set([1, 2]),
  );
  const criteriaTable = htmlTable(
    'Criteria: level, weight and contribution (points of 100)',
    ['Criterion', 'Title', 'Level', 'Weight', 'Contribution', 'Most it could add'],
    result.criteria.map((criterion, i) => {
      const bar = itemAt(bars, i);
      return [
        `<code>${text(criterion.id)}</code>`,
        text(criterion.title),
        `<span class="${bar.state === 'unknown' ? 'unknown' : ''}">${text(bar.label)}</span>`,
        String(criterion.weight),
        bar.low === bar.high ? String(bar.low) : `${bar.low}–${bar.high}`,
        String(bar.max),
      ];
    }),
    new Set([3, 4, 5]),
  );
  const parts = [
    `<section id="case-${n}" aria-labelledby="case-${n}-heading">`,
    `<h2 id="case-${n}-heading">${text(result.record.id)}: ${text(result.record.title)}</h2>`,
    `<p>As of <time>${text(result.asOf)}</time>: total <strong data-score="${text(scoreText(result))}">${text(scoreText(result))}</strong>, verdict ` +
      `<span class="verdict" ` +
      `data-verdict="${text(verdictText(result))}">${text(verdictText(result))}</span>` +
      `${result.band !== null && result.band !== result.verdict ? ` (the total alone reaches <em>${text(result.band)}</em>; a gate caps it)` : ''}.</p>`,
    figure(`case-${n}-verdict`, 'The total on the matrix’s verdict bands; a shaded bar marks an interval where facts are unknown.', svgs[0] ?? '', bandTable),
    figure(
      `case-${n}-criteria`,
      'What each criterion adds to the total, against the most it could add; n/a, unknown and descriptive criteria are named in words.',
      svgs[1] ?? '',
      criteriaTable,
    ),
    gatesBlock(result),
    svgs[2] !== undefined && result.grid
      ? figure(
          `case-${n}-grid`,
          'Compliance by member and commitment: −1, 0 or +1 in print and by colour; n/a and not assessed in words.',
          svgs[2],
          gridTable(result),
        )
      : '',
    `<h3>Evidence, and why not the next level</h3>`,
    result.criteria.map((criterion) => criterionDetails(criterion, matrix)).join('\n'),
    `</section>`,
  ];
  return parts.filter((part) => part !== '').join('\n');
}

function gatesBlock(result: ResultDocument): string {
  if (result.gates.length === 0) return '<p>The matrix sets no gates.</p>';
  return htmlTable(
    'Gates: a verdict above a band needs the criterion at a level',
    ['Criterion', 'Above', 'Requires', 'Level', 'Status'],
    result.gates.map((gate) => [
      `<code>${text(gate.criterion)}</code>`,
      text(gate.above),
      text(gate.requires),
      text(gate.level ?? 'n/a'),
      `<span class="status-${text(gate.status)}">${text(gate.status)}</span>`,
    ]),
  );
}

/** The level in words: an interval names both ends, n/a and unknown say so. */
function levelText(cell: CellDocument & { readonly parties?: readonly unknown[] | null }): string {
  if (!cell.applicable) return 'n/a';
  if (cell.parties) return 'by member (see the grid)';
  const range = cell.levelRange;
  if (range && range.low?.label !== range.high?.label) return `unknown: ${range.low?.label ?? 'none'} to ${range.high?.label ?? 'none'}`;
  return cell.level?.label ?? 'unknown';
}

function criterionBars(result: ResultDocument): CriterionBar[] {
  const totalWeight = result.criteria.filter((criterion) => criterion.applicable && criterion.weight > 0).reduce((sum, criterion) => sum + criterion.weight, 0);
  return result.criteria.map((criterion) => {
    const range: [number, number] = criterion.contributionRange
      ? [criterion.contributionRange.low, criterion.contributionRange.high]
      : [criterion.contribution ?? 0, criterion.contribution ?? 0];
    const max = totalWeight > 0 && criterion.applicable ? Math.round((criterion.weight / totalWeight) * 10000) / 100 : 0;
    const label = levelText(criterion);
    const state = !criterion.applicable ? 'n/a' : label.startsWith('unknown') ? 'unknown' : criterion.weight === 0 ? 'descriptive' : 'scored';
    return { criterion: criterion.id, title: criterion.title, low: range[0], high: range[1], max, label, state };
  });
}

function criterionDetails(criterion: CriterionDocument, matrix: Matrix): string {
  const definition = matrix.criteria.find((candidate) => candidate.id === criterion.criterion);
  const levels = definition ? definition.levels.map((level) => level.label).join(' › ') : '';
  const evidence = criterion.evidence.length === 0 ? '<p>No event earned a level.</p>' : `<ul>\n${criterion.evidence.map(evidenceItem).join('\n')}\n</ul>`;
  const why = criterion.explanation
    ? `<p>Why not <strong>${text(criterion.explanation.level?.label ?? 'the next level')}</strong>: expected ${text(criterion.explanation.expected)}; found ${text(criterion.explanation.actual)}.</p>`
    : '';
  return (
    `<details open>\n<summary><code>${text(criterion.id)}</code>: ` +
    `${text(levelText(criterion))}${levels ? ` (levels, best first: ${text(levels)})` : ''}</summary>\n${evidence}\n${why}\n</details>`
  );
}

function evidenceItem(item: CriterionDocument['evidence'][number]): string {
  const sources = item.sources.filter((source): source is string => source !== null).map((source) => link(source));
  const unverified = item.verified ? '' : ' <span class="unverified">verified: false</span>';
  return (
    `<li><code>${text(item.event)}</code> (${text(item.date)}, ` +
    `${text(item.type)})${item.title ? `: ${text(item.title)}` : ''}` +
    `${item.file ? ` — <code>${text(item.file)}:${item.line ?? ''}</code>` : ''}${unverified}` +
    `${sources.length > 0 ? `<br>sources: ${sources.join(', ')}` : ' <span class="unverified">no source</span>'}</li>`
  );
}

const SIGNED: Readonly<Record<number, string>> = { [-1]: '−1', 0: '0', 1: '+1' };

function cellText(cell: CellDocument): string {
  if (!cell.applicable) return 'n/a';
  if (cell.level === null || levelText(cell).startsWith('unknown')) return 'not assessed';
  return SIGNED[cell.level.score] ?? String(cell.level.score);
}

function complianceCells(result: ResultDocument): ComplianceCell[] {
  return result.criteria.flatMap((criterion) =>
    (criterion.parties ?? []).map((cell) => {
      const shown = cellText(cell);
      const score = shown === 'n/a' || shown === 'not assessed' ? null : (Math.max(-1, Math.min(1, Math.round(cell.level!.score))) as -1 | 0 | 1);
      return { member: cell.party, commitment: criterion.subject ?? criterion.id, score, text: shown };
    }),
  );
}

function gridTable(result: ResultDocument): string {
  const grid = result.grid!;
  const columns = result.criteria.filter((criterion) => criterion.parties !== null);
  const rows = grid.parties.map((party) => {
    const average = grid.byParty.find((row) => row.party === party);
    const cells = columns.map((criterion) => {
      const cell = criterion.parties!.find((candidate) => candidate.party === party);
      return cell ? text(cellText(cell)) : 'n/a';
    });
    return [
      text(party),
      ...cells,
      text(average?.averageText ?? '—'),
      average?.percent === null || average?.percent === undefined ? '—' : `${average.percent}%`,
    ];
  });
  const totals = [
    'Average',
    ...grid.byCriterion.map((column) => text(column.averageText ?? '—')),
    text(grid.overall.averageText ?? '—'),
    grid.overall.percent === null ? '—' : `${grid.overall.percent}%`,
  ];
  const numeric = new Set(Array.from({ length: columns.length + 2 }, (_, i) => i + 1));
  return htmlTable(
    'Scores by member and commitment, with averages and percentages as the grid prints them',
    ['Member', ...columns.map((criterion) => criterion.subject ?? criterion.id), 'Average', 'Percent'],
    [...rows, totals.map((cell, i) => (i === 0 ? cell : cell))],
    numeric,
  );
}
