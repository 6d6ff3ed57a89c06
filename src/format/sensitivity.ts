import type { ChalkInstance } from 'chalk';
import { describeCondition, type CaseResult, type Matrix } from '../engine/index.js';
import type { RankPlace } from '../engine/rank.js';
import type { BandMove, LevelChange } from '../engine/sensitivity-band-move.js';
import type { Outcome } from '../engine/sensitivity-case.js';
import type { RankInterval, WeightInterval } from '../engine/sensitivity-intervals.js';
import type { Distribution } from '../engine/sensitivity-sampling.js';
import type { CaseSensitivity, SensitivityResult } from '../engine/sensitivity.js';
import { bar, paintVerdict } from './charts.js';
import { toCsv } from './csv.js';
import { fitTable, fitText } from './fit-table.js';
import type { CsvValue } from './csv-table.js';
import { hundredths, round2 } from './numbers.js';
import { mdTable, mdText } from './markdown-text.js';
import { chalkFor } from './colour.js';
import { jsonText, matrixLine, matrixMarkdown, ndjsonText, projectMatrix, projectRecord, type MatrixInput, type RecordInput, type Tool } from './research.js';
import { safeText } from '../terminal-text.js';
import { totalText, verdictWords } from './interval.js';
import type { FormatContext, Formats } from './formatter.js';
import { itemAt } from '../checked-index.js';

const SENSITIVITY_SCHEMA_ID = 'summit-score/sensitivity@1';
const SENSITIVITY_CASE_SCHEMA_ID = 'summit-score/sensitivity-case@1';
const SENSITIVITY_RANKING_SCHEMA_ID = 'summit-score/sensitivity-ranking@1';

export interface SensitivityReport {
  readonly tool: Tool;
  readonly matrix: MatrixInput;
  readonly records: readonly RecordInput[];
  readonly asOf: string | null;
  readonly results: readonly CaseResult[];
  readonly analysis: SensitivityResult;
}

const INTERVALS =
  'one weight at a time, the others as the matrix has them: the weights for which the verdict (or the ranking) stays as it is, exact (a total is a ratio of sums linear in the weight)';
const RANKING = 'by total, highest first; the ranking holds while no case falls strictly behind one it was ahead of (ties forming or breaking are no change)';

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const scoreText = (score: number | null) => (score === null ? '-' : hundredths(score).toFixed(2));
const weightText = (weight: number) => String(round4(weight));

/** A level in the matrix's own words: its description, else the condition that earns it. */
function levelMeaning(matrix: Matrix, criterion: string, label: string | null): string {
  const level = matrix.criteria.find((c) => c.id === criterion)?.levels.find((l) => l.label === label);
  if (!level) return 'no level';
  if (level.description) return level.description;
  return level.when ? `when ${describeCondition(level.when)}` : 'otherwise (the default level)';
}

function verdictIndex(matrix: Matrix, verdict: string | null): number {
  return verdict === null ? -1 : matrix.verdicts.findIndex((band) => band.label === verdict);
}

/** `75.00 promise ↓` when the verdict moved from the case's own. */
function outcomeText(matrix: Matrix, outcome: Outcome, baseline: string | null, chalk: ChalkInstance): string {
  const before = verdictIndex(matrix, baseline);
  const after = verdictIndex(matrix, outcome.verdict);
  const arrow = after === before ? '' : after < before ? chalk.green(' ↑') : chalk.red(' ↓');
  return `${scoreText(outcome.score)} ${outcome.verdict ?? 'none'}${arrow}`;
}

function intervalText(interval: { from: number; to: number | null }): string {
  return `${weightText(round2(interval.from))} to ${interval.to === null ? '∞' : weightText(round2(interval.to))}`;
}

function verdictIntervalText(interval: WeightInterval): string {
  const below = interval.below === null ? '' : ` (below: ${interval.below})`;
  const above = interval.above === null ? '' : ` (above: ${interval.above})`;
  return `${intervalText(interval)}${below}${above}`;
}

function rankIntervalText(interval: RankInterval): string {
  const pair = (p: readonly [string, string] | null) => (p === null ? '' : `${p[1]} overtakes ${p[0]}`);
  const below = interval.below ? `; below: ${pair(interval.below)}` : '';
  const above = interval.above ? `; above: ${pair(interval.above)}` : '';
  return `${intervalText(interval)}${below}${above}`;
}

function changeText(matrix: Matrix, change: LevelChange): string {
  const who = change.party === null ? change.result : `${change.result} (${change.party})`;
  return `${who}: ${change.from ?? '(no level)'} -> ${change.to}: ${levelMeaning(matrix, change.criterion, change.to)}`;
}

function moveText(move: BandMove): string {
  const towards = move.direction === 'up' ? 'To reach the next band up' : 'To fall to the next band down';
  if (move.target === null) return `${towards}: none, it is in the ${move.direction === 'up' ? 'best' : 'lowest'} band.`;
  if (move.changes === null) return `${towards} (${move.target}): no change of levels reaches it.`;
  const count = move.changes.length;
  return `${towards} (${move.target}), ${count} change${count === 1 ? '' : 's'} giving ${scoreText(move.outcome!.score)} ${move.outcome!.verdict ?? 'none'}:`;
}

function samplingText(sampling: CaseSensitivity['sampling'], analysis: SensitivityResult): string | undefined {
  if (!sampling || !analysis.sampling) return undefined;
  const { samples, seed } = analysis.sampling;
  return `Monte Carlo over the weights (${samples} samples, seed ${seed}): the verdict holds in ${percent(sampling.held)} of samples; total ${distributionText(sampling.score)}`;
}

function distributionText(d: Distribution): string {
  return `median ${scoreText(d.median)} (5th-95th percentile ${scoreText(d.p5)}-${scoreText(d.p95)}, min ${scoreText(d.min)}, max ${scoreText(d.max)})`;
}

function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

function stepText(analysis: SensitivityResult): string {
  return `each weight ${weightText(analysis.weightStep.absolute)} down and up (${percent(analysis.weightStep.share)} of the sum of the weights), each criterion one level down and up`;
}

/** Why a case whose total the record leaves open is not analysed, and what would settle it. */
function notAnalysedText(result: CaseResult): string {
  const share = Math.round(100 * result.unknown.share);
  return (
    `Not analysed: the record leaves ${result.unknown.criteria.join(', ')} unknown (${share}% of the weight), so there is no one total to move; ` +
    `\`evaluate --explain\` names the facts that would settle it.`
  );
}

function caseBlock(report: SensitivityReport, index: number, context: FormatContext): string {
  const chalk = chalkFor(context);
  const matrix = report.matrix.definition;
  const item = itemAt(report.analysis.cases, index);
  const result = itemAt(report.results, index);
  const open = item.score === null && result.scoreRange !== null;
  const verdict = open ? safeText(verdictWords(result)) : paintVerdict(chalk, matrix, item.verdict);
  const lines = [
    chalk.bold(`${safeText(result.record.title)} (${result.record.id})`),
    `Total ${open ? totalText(result) : scoreText(item.score)}, verdict ${verdict}, as of ${result.asOf}`,
  ];
  if (open) return [...lines, safeText(notAnalysedText(result))].join('\n');
  if (item.score === null) return [...lines, 'No total: nothing to analyse.'].join('\n');
  const intervals = new Map(item.intervals.map((interval) => [interval.criterion, interval]));
  const weights = item.weights.map((effect) => [
    safeText(effect.criterion),
    weightText(effect.weight),
    effect.down ? `${weightText(effect.down.weight)}: ${outcomeText(matrix, effect.down, item.verdict, chalk)}` : '-',
    `${weightText(effect.up.weight)}: ${outcomeText(matrix, effect.up, item.verdict, chalk)}`,
    verdictIntervalText(intervals.get(effect.criterion)!),
  ]);
  const levels = item.levels.map((effect) => [
    safeText(effect.party === null ? effect.result : `${effect.result} (${effect.party})`),
    safeText(effect.level ?? '(no level)'),
    effect.down ? safeText(`${effect.down.level}: `) + outcomeText(matrix, effect.down, item.verdict, chalk) : '(lowest)',
    effect.up ? safeText(`${effect.up.level}: `) + outcomeText(matrix, effect.up, item.verdict, chalk) : '(top)',
  ]);
  lines.push(
    fitTable(['Weight of', 'Now', 'One step down', 'One step up', 'Verdict holds for weights'], weights, context),
    fitTable(['Level of', 'Now', 'One level down', 'One level up'], levels, context),
  );
  const sampled = samplingText(item.sampling, report.analysis);
  if (sampled && item.sampling) {
    lines.push(sampled);
    const samples = report.analysis.sampling!.samples;
    const width = Math.max(...item.sampling.verdicts.map((entry) => entry.verdict.length));
    for (const entry of item.sampling.verdicts) {
      const pad = ' '.repeat(width - entry.verdict.length);
      lines.push(
        `  ${paintVerdict(chalk, matrix, entry.verdict)}${pad} ${String(entry.count).padStart(String(samples).length)} ${bar(entry.count, samples, 30)}`,
      );
    }
  }
  for (const move of [item.nextUp, item.nextDown]) {
    lines.push(moveText(move));
    for (const change of move.changes ?? []) lines.push(`  ${safeText(changeText(matrix, change))}`);
  }
  return lines.join('\n');
}

function rankingLines(report: SensitivityReport, context: FormatContext): string[] {
  const ranking = report.analysis.ranking;
  if (!ranking) return [];
  const chalk = chalkFor(context);
  const order = placesInOrder(report.results, ranking.places);
  const lines = [
    chalk.bold('Ranking'),
    `By total: ${order.map(({ result, place }) => `${place.tied ? '=' : ''}${place.rank} ${result.record.id}`).join(', ')}`,
  ];
  const sampling = ranking.sampling;
  if (sampling && report.analysis.sampling) {
    const tau = sampling.tau
      ? `; Kendall's tau-b against it: median ${round2(sampling.tau.median).toFixed(2)}, 5th percentile ${round2(sampling.tau.p5).toFixed(2)}, min ${round2(sampling.tau.min).toFixed(2)}`
      : '';
    lines.push(`Monte Carlo: no case overtook another in ${percent(sampling.held)} of samples${tau}`);
  }
  const rows = ranking.intervals.map((interval) => [safeText(interval.criterion), weightText(interval.weight), safeText(rankIntervalText(interval))]);
  lines.push(fitTable(['Weight of', 'Now', 'Ranking holds for weights'], rows, context));
  return lines;
}

function placesInOrder(results: readonly CaseResult[], places: readonly RankPlace[]) {
  return results
    .map((result, i) => ({ result, place: itemAt(places, i), i }))
    .filter((entry) => entry.place.rank !== null)
    .sort((a, b) => a.place.rank! - b.place.rank! || a.i - b.i);
}

function formatTable(report: SensitivityReport, context: FormatContext): string {
  const chalk = chalkFor(context);
  const head = [
    chalk.bold(`Sensitivity of ${safeText(report.matrix.definition.title)}`),
    matrixLine(report.matrix, chalk),
    chalk.dim(`Method: ${stepText(report.analysis)}.`),
  ];
  if (report.analysis.sampling)
    head.push(
      chalk.dim(
        `Monte Carlo: ${report.analysis.sampling.distribution}; generator ${report.analysis.sampling.generator}, seed ${report.analysis.sampling.seed}.`,
      ),
    );
  const blocks = [head.join('\n'), ...report.results.map((_, i) => caseBlock(report, i, context))];
  const ranking = rankingLines(report, context);
  if (ranking.length > 0) blocks.push(ranking.join('\n'));
  return `${fitText(blocks.join('\n\n'), context.width)}\n`;
}

function formatMarkdown(report: SensitivityReport): string {
  const matrix = report.matrix.definition;
  const blocks = [
    `## Sensitivity of ${mdText(matrix.title)}`,
    matrixMarkdown(report.matrix),
    `Method: ` +
      `${mdText(stepText(report.analysis))}.` +
      `${report.analysis.sampling ? ` Monte Carlo: ${mdText(report.analysis.sampling.distribution)}; generator ${report.analysis.sampling.generator}, seed ${report.analysis.sampling.seed}.` : ''}`,
  ];
  const plain = chalkFor({ color: false });
  report.analysis.cases.forEach((item, i) => {
    const result = itemAt(report.results, i);
    const open = item.score === null && result.scoreRange !== null;
    const parts = [
      `### ${mdText(result.record.title)} (\`${result.record.id}\`)`,
      `Total ${totalText(result)}, verdict **${mdText(verdictWords(result))}**, as of ${result.asOf}.`,
    ];
    if (open) parts.push(mdText(notAnalysedText(result)));
    else if (item.score === null) parts.push('No total: nothing to analyse.');
    if (item.score !== null) {
      const intervals = new Map(item.intervals.map((interval) => [interval.criterion, interval]));
      parts.push(
        mdTable(
          ['Weight of', 'Now', 'One step down', 'One step up', 'Verdict holds for weights'],
          item.weights.map((effect) => [
            mdText(effect.criterion),
            weightText(effect.weight),
            effect.down ? mdText(`${weightText(effect.down.weight)}: ${outcomeText(matrix, effect.down, item.verdict, plain)}`) : '-',
            mdText(`${weightText(effect.up.weight)}: ${outcomeText(matrix, effect.up, item.verdict, plain)}`),
            mdText(verdictIntervalText(intervals.get(effect.criterion)!)),
          ]),
          [1],
        ),
        mdTable(
          ['Level of', 'Now', 'One level down', 'One level up'],
          item.levels.map((effect) => [
            mdText(effect.party === null ? effect.result : `${effect.result} (${effect.party})`),
            mdText(effect.level ?? '(no level)'),
            effect.down ? mdText(`${effect.down.level}: ${outcomeText(matrix, effect.down, item.verdict, plain)}`) : '(lowest)',
            effect.up ? mdText(`${effect.up.level}: ${outcomeText(matrix, effect.up, item.verdict, plain)}`) : '(top)',
          ]),
        ),
      );
      const sampled = samplingText(item.sampling, report.analysis);
      if (sampled && item.sampling) parts.push(`${mdText(sampled)}: ${item.sampling.verdicts.map((v) => `${mdText(v.verdict)} ${v.count}`).join(', ')}.`);
      for (const move of [item.nextUp, item.nextDown]) {
        parts.push([mdText(moveText(move)), ...(move.changes ?? []).map((change) => `- ${mdText(changeText(matrix, change))}`)].join('\n\n'));
      }
    }
    blocks.push(parts.join('\n\n'));
  });
  const ranking = report.analysis.ranking;
  if (ranking) {
    const order = placesInOrder(report.results, ranking.places);
    const parts = ['### Ranking', `By total: ${order.map(({ result, place }) => `${place.tied ? '=' : ''}${place.rank} \`${result.record.id}\``).join(', ')}.`];
    if (ranking.sampling?.tau) {
      parts.push(
        `Monte Carlo: no case overtook another in ${percent(ranking.sampling.held)} of samples; Kendall's tau-b median ` +
          `${round2(ranking.sampling.tau.median).toFixed(2)}, 5th percentile ${round2(ranking.sampling.tau.p5).toFixed(2)}, min ${round2(ranking.sampling.tau.min).toFixed(2)}.`,
      );
    }
    parts.push(
      mdTable(
        ['Weight of', 'Now', 'Ranking holds for weights'],
        ranking.intervals.map((interval) => [mdText(interval.criterion), weightText(interval.weight), mdText(rankIntervalText(interval))]),
        [1],
      ),
    );
    blocks.push(parts.join('\n\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

const projectOutcome = (outcome: Outcome) => ({ score: outcome.score === null ? null : hundredths(outcome.score), verdict: outcome.verdict });
const projectDistribution = (d: Distribution) => ({
  min: hundredths(d.min),
  p5: hundredths(d.p5),
  median: hundredths(d.median),
  p95: hundredths(d.p95),
  max: hundredths(d.max),
});
/** A weight interval (of a verdict or of the ranking) as the JSON gives it. */
const projectInterval = (i: WeightInterval | RankInterval) => ({
  criterion: i.criterion,
  weight: round4(i.weight),
  from: round2(i.from),
  to: i.to === null ? null : round2(i.to),
  below: i.below,
  above: i.above,
});

function projectMove(matrix: Matrix, move: BandMove) {
  return {
    target: move.target,
    changes:
      move.changes &&
      move.changes.map((change) => ({
        criterion: change.result,
        party: change.party,
        from: change.from,
        to: change.to,
        steps: change.steps,
        meaning: levelMeaning(matrix, change.criterion, change.to),
      })),
    outcome: move.outcome && projectOutcome(move.outcome),
  };
}

function projectCase(report: SensitivityReport, index: number) {
  const matrix = report.matrix.definition;
  const item = itemAt(report.analysis.cases, index);
  const result = itemAt(report.results, index);
  const place = report.analysis.ranking?.places[index];
  return {
    record: item.record,
    asOf: result.asOf,
    score: item.score === null ? null : hundredths(item.score),
    scoreRange: result.scoreRange && {
      low: hundredths(result.scoreRange.low),
      high: hundredths(result.scoreRange.high),
    },
    verdict: item.verdict,
    verdicts: result.verdicts,
    rank: place?.rank ?? null,
    tied: place?.tied ?? false,
    weights: item.weights.map((effect) => ({
      criterion: effect.criterion,
      weight: round4(effect.weight),
      down: effect.down && { weight: round4(effect.down.weight), ...projectOutcome(effect.down) },
      up: { weight: round4(effect.up.weight), ...projectOutcome(effect.up) },
    })),
    levels: item.levels.map((effect) => ({
      criterion: effect.result,
      party: effect.party,
      level: effect.level,
      down: effect.down && { level: effect.down.level, ...projectOutcome(effect.down) },
      up: effect.up && { level: effect.up.level, ...projectOutcome(effect.up) },
    })),
    intervals: item.intervals.map(projectInterval),
    sampling: item.sampling && {
      held: round4(item.sampling.held),
      verdicts: item.sampling.verdicts.map((v) => ({ ...v })),
      score: projectDistribution(item.sampling.score),
    },
    nextUp: projectMove(matrix, item.nextUp),
    nextDown: projectMove(matrix, item.nextDown),
  };
}

function projectRanking(report: SensitivityReport) {
  const ranking = report.analysis.ranking;
  if (!ranking) return null;
  return {
    intervals: ranking.intervals.map(projectInterval),
    sampling: ranking.sampling && {
      held: round4(ranking.sampling.held),
      tau: ranking.sampling.tau && {
        min: round4(ranking.sampling.tau.min),
        p5: round4(ranking.sampling.tau.p5),
        median: round4(ranking.sampling.tau.median),
        p95: round4(ranking.sampling.tau.p95),
        max: round4(ranking.sampling.tau.max),
      },
    },
  };
}

function method(report: SensitivityReport) {
  const { analysis } = report;
  return {
    weightStep: { share: analysis.weightStep.share, absolute: round4(analysis.weightStep.absolute) },
    levelStep: 1,
    sampling: analysis.sampling && { ...analysis.sampling },
    intervals: INTERVALS,
    ranking: RANKING,
  };
}

function document(report: SensitivityReport) {
  return {
    schema: SENSITIVITY_SCHEMA_ID,
    tool: { name: report.tool.name, version: report.tool.version },
    matrix: projectMatrix(report.matrix),
    records: report.records.map(projectRecord),
    asOf: report.asOf,
    method: method(report),
    cases: report.results.map((_, i) => projectCase(report, i)),
    ranking: projectRanking(report),
  };
}

/** One row per case x criterion (x party): the weight's and the level's one-at-a-time effects, and the weight's interval. */
function formatLong(report: SensitivityReport): string {
  const columns = [
    'matrix',
    'record',
    'criterion',
    'party',
    'level',
    'weight',
    'weight_down',
    'weight_down_score',
    'weight_down_verdict',
    'weight_up',
    'weight_up_score',
    'weight_up_verdict',
    'level_down',
    'level_down_score',
    'level_down_verdict',
    'level_up',
    'level_up_score',
    'level_up_verdict',
    'verdict_holds_from',
    'verdict_holds_to',
    'score',
    'verdict',
  ];
  const rows: CsvValue[][] = [];
  report.analysis.cases.forEach((item, i) => {
    const result = itemAt(report.results, i);
    const weights = new Map(item.weights.map((effect) => [effect.criterion, effect]));
    const intervals = new Map(item.intervals.map((interval) => [interval.criterion, interval]));
    const levels = new Map(item.levels.map((effect) => [`${effect.result}\u0000${effect.party ?? ''}`, effect]));
    for (const criterion of result.criteria) {
      const cells = criterion.parties
        ? criterion.parties.map((cell) => ({ party: cell.party, level: cell.level?.label ?? null }))
        : [{ party: null, level: criterion.level?.label ?? null }];
      for (const cell of cells) {
        const weight = weights.get(criterion.criterion);
        const interval = intervals.get(criterion.criterion);
        const level = levels.get(`${criterion.id}\u0000${cell.party ?? ''}`);
        const score = (o: Outcome | null | undefined) => (o?.score == null ? null : hundredths(o.score));
        rows.push([
          report.matrix.definition.id,
          item.record,
          criterion.id,
          cell.party,
          cell.level,
          criterion.weight,
          weight?.down ? round4(weight.down.weight) : null,
          score(weight?.down),
          weight?.down?.verdict ?? null,
          weight ? round4(weight.up.weight) : null,
          score(weight?.up),
          weight?.up.verdict ?? null,
          level?.down?.level ?? null,
          score(level?.down),
          level?.down?.verdict ?? null,
          level?.up?.level ?? null,
          score(level?.up),
          level?.up?.verdict ?? null,
          interval ? round2(interval.from) : null,
          interval?.to == null ? null : round2(interval.to),
          item.score === null ? null : hundredths(item.score),
          item.verdict,
        ]);
      }
    }
  });
  return toCsv({ columns, rows });
}

/** One row per case: its total, how often the verdict held, and what it would take to move a band. */
function formatCsv(report: SensitivityReport): string {
  const columns = [
    'matrix',
    'record',
    'score',
    'verdict',
    'rank',
    'tied',
    'verdict_held',
    'score_p5',
    'score_median',
    'score_p95',
    'next_up',
    'next_up_changes',
    'next_up_score',
    'next_down',
    'next_down_changes',
    'next_down_score',
  ];
  const matrix = report.matrix.definition;
  const moveCells = (move: BandMove): CsvValue[] => [
    move.target,
    move.changes ? move.changes.map((c) => `${c.party === null ? c.result : `${c.result}@${c.party}`}=${c.to}`).join(' ') : null,
    move.outcome?.score == null ? null : hundredths(move.outcome.score),
  ];
  const rows = report.analysis.cases.map((item, i): CsvValue[] => {
    const place = report.analysis.ranking?.places[i];
    const sampling = item.sampling;
    return [
      matrix.id,
      item.record,
      item.score === null ? null : hundredths(item.score),
      item.verdict,
      place?.rank ?? null,
      place?.tied ?? false,
      sampling ? round4(sampling.held) : null,
      sampling ? hundredths(sampling.score.p5) : null,
      sampling ? hundredths(sampling.score.median) : null,
      sampling ? hundredths(sampling.score.p95) : null,
      ...moveCells(item.nextUp),
      ...moveCells(item.nextDown),
    ];
  });
  return toCsv({ columns, rows });
}

function formatNdjson(report: SensitivityReport): string {
  const matrix = { id: report.matrix.definition.id, version: report.matrix.definition.version, sha256: report.matrix.sha256 };
  const lines: unknown[] = report.results.map((_, i) => ({ schema: SENSITIVITY_CASE_SCHEMA_ID, matrix, method: method(report), ...projectCase(report, i) }));
  const ranking = projectRanking(report);
  if (ranking) lines.push({ schema: SENSITIVITY_RANKING_SCHEMA_ID, matrix, method: method(report), ...ranking });
  return ndjsonText(lines);
}

export const sensitivityFormats: Formats<SensitivityReport> = {
  table: formatTable,
  json: (report) => jsonText(document(report)),
  markdown: formatMarkdown,
  csv: formatCsv,
  long: formatLong,
  ndjson: formatNdjson,
};
