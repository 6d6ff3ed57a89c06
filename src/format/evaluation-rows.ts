import type { CaseResult, Cell, CriterionResult, Matrix } from '../engine/index.js';
import type { CsvTable, CsvValue } from './csv-table.js';
import { round2, hundredths } from './numbers.js';
import type { EvaluationReport } from './report.js';

/** The columns of every long (tidy) output that describe one cell. */
export const CELL_COLUMNS = [
  'criterion',
  'subject',
  'party',
  'applicable',
  'level',
  'level_low',
  'level_high',
  'level_score',
  'points',
  'max_points',
  'weight',
  'contribution',
  'contribution_low',
  'contribution_high',
] as const;

/**
 * The columns that describe a case's total: the score when determined, its interval (equal ends
 * when determined), the band, the verdict when there is one, every verdict the interval allows
 * (`;`-separated), and the share of the weight the record leaves unknown.
 */
export const CASE_COLUMNS = ['score', 'score_low', 'score_high', 'band', 'verdict', 'verdicts', 'unknown_share'] as const;

export function caseCells(result: CaseResult): CsvValue[] {
  const range = result.scoreRange;
  return [
    scoreOf(result),
    range && round2(range.low),
    range && round2(range.high),
    result.band,
    result.verdict,
    result.verdicts.join(';') || null,
    round2(result.unknown.share * 100) / 100,
  ];
}

/** Whether a cell applies, for a logical column: unknown is NA, never a third word in it. */
const applicableCell = (cell: Cell): boolean | null => (cell.applicable === 'unknown' ? null : cell.applicable);

/**
 * One row per criterion, or per party of a per-party criterion, with its level and its share of
 * the total. A party's contribution is its part of the criterion's, in proportion to its
 * normalised score, so the contributions of a case add up to its total under either aggregation.
 */
export function cellRows(result: CaseResult): CsvValue[][] {
  const rows: CsvValue[][] = [];
  const contributions: (number | null)[] = [];
  for (const criterion of result.criteria) {
    const common = (cell: Cell, party: string | null): CsvValue[] => [
      criterion.id,
      criterion.subject,
      party,
      applicableCell(cell),
      cell.level?.label ?? null,
      cell.levelRange?.low?.label ?? null,
      cell.levelRange?.high?.label ?? null,
      cell.level?.score ?? null,
      cell.points === null ? null : round2(cell.points),
      criterion.maxPoints,
      criterion.weight,
      null, // the contribution, in cents that add up to the total: filled in below
      party === null ? round2(criterion.contributionRange.low) : null,
      party === null ? round2(criterion.contributionRange.high) : null,
    ];
    if (!criterion.parties) {
      contributions.push(criterion.applicable ? criterion.contribution : null);
      rows.push(common(criterion, null));
      continue;
    }
    const applicable = criterion.parties.filter((cell) => cell.applicable);
    const sum = applicable.reduce((total, cell) => total + (cell.normalised ?? 0), 0);
    for (const cell of criterion.parties) {
      const share = !cell.applicable || criterion.contribution === null ? null : sum > 0 ? (criterion.contribution * (cell.normalised ?? 0)) / sum : 0;
      contributions.push(share);
      rows.push(common(cell, cell.party));
    }
  }
  const cents = inCents(contributions, result.score);
  rows.forEach((row, i) => {
    const cent = cents[i] ?? null;
    row[CELL_COLUMNS.indexOf('contribution')] = cent === null ? null : cent / 100;
  });
  return rows;
}

/**
 * Contributions rounded to cents so that they add up to the total as printed (rounded to cents):
 * each is rounded down, and the cents left over go to the largest remainders.
 */
function inCents(values: readonly (number | null)[], total: number | null): (number | null)[] {
  const floorOf = (value: number) => Math.floor(value * 100 + 1e-9);
  const floors = values.map((value) => (value === null ? null : floorOf(value)));
  if (total === null) return values.map((value) => (value === null ? null : Math.round(value * 100)));
  let left = Math.round(hundredths(total) * 100) - floors.reduce<number>((sum, cents) => sum + (cents ?? 0), 0);
  const order = values
    .map((value, i) => ({ i, remainder: value === null ? -1 : value * 100 - floorOf(value) }))
    .filter((entry) => entry.remainder >= 0)
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  const cents = [...floors];
  for (const { i } of order) {
    if (left <= 0) break;
    cents[i] = (cents[i] ?? 0) + 1;
    left--;
  }
  return cents;
}

/** Where every row came from: the tool's version and the exact matrix (its SHA-256). */
const PROVENANCE_COLUMNS = ['tool_version', 'matrix_sha256'] as const;

function provenanceCells(report: EvaluationReport): CsvValue[] {
  return [report.tool.version, report.matrix.sha256];
}

export function longEvaluationRows(report: EvaluationReport): CsvTable {
  const matrix = report.matrix.definition;
  const columns = ['matrix', 'matrix_version', 'record', 'as_of', ...CELL_COLUMNS, ...CASE_COLUMNS, ...PROVENANCE_COLUMNS];
  const provenance = provenanceCells(report);
  const rows = report.results.flatMap(({ result }) =>
    cellRows(result).map((cells) => [matrix.id, matrix.version, result.record.id, result.asOf, ...cells, ...caseCells(result), ...provenance]),
  );
  return { columns, rows };
}

/** Result ids in matrix order, forEach subjects in the order they first appear. */
export function resultIds(matrix: Matrix, results: readonly CaseResult[]): string[] {
  const ids: string[] = [];
  for (const criterion of matrix.criteria) {
    const seen = new Set<string>();
    for (const result of results) for (const c of result.criteria) if (c.criterion === criterion.id) seen.add(c.id);
    ids.push(...seen);
  }
  return ids;
}

/** A criterion's level in one word: its label, `n/a`, `per-party`, or null when no level matched. */
function levelWord(criterion: CriterionResult | undefined): string | null {
  if (!criterion) return null;
  if (!criterion.applicable) return 'n/a';
  if (criterion.parties) return 'per-party';
  return criterion.level?.label ?? null;
}

/** A criterion's level for people: its label, or `low..high` (`n/a..high` when it may not apply) when the record leaves it open. */
export function levelRangeWord(criterion: CriterionResult | undefined): string | null {
  const range = criterion?.levelRange;
  if (!criterion || criterion.parties || criterion.level !== null || !range) return levelWord(criterion);
  if (criterion.applicable !== 'unknown' && range.low?.label === range.high?.label) return levelWord(criterion);
  return `${criterion.applicable === 'unknown' ? 'n/a' : (range.low?.label ?? '(none)')}..${range.high?.label ?? '(none)'}`;
}

/** The columns a criterion has in a wide CSV: its level, whether it applies, and its points. */
export function wideColumns(id: string): string[] {
  return [id, `${id}_low`, `${id}_high`, `${id}_applicable`, `${id}_points`];
}

/** A criterion's wide cells: its level (empty when it does not apply: see the _applicable column), whether it applies, its points. */
export function wideCells(criterion: CriterionResult | undefined): CsvValue[] {
  if (!criterion) return [null, null, null, null, null];
  const range = criterion.parties ? null : criterion.levelRange;
  return [
    criterion.applicable === true ? levelWord(criterion) : null,
    range?.low?.label ?? null,
    range?.high?.label ?? null,
    applicableCell(criterion),
    criterion.points == null ? null : round2(criterion.points),
  ];
}

export function wideEvaluationRows(report: EvaluationReport): CsvTable {
  const matrix = report.matrix.definition;
  const results = report.results.map(({ result }) => result);
  const ids = resultIds(matrix, results);
  const columns = ['matrix', 'matrix_version', 'record', 'title', 'as_of', ...CASE_COLUMNS, ...ids.flatMap(wideColumns), ...PROVENANCE_COLUMNS];
  const provenance = provenanceCells(report);
  const rows = results.map((result) => {
    const byId = new Map(result.criteria.map((c) => [c.id, c]));
    const cells = ids.flatMap((id) => wideCells(byId.get(id)));
    return [matrix.id, matrix.version, result.record.id, result.record.title, result.asOf, ...caseCells(result), ...cells, ...provenance];
  });
  return { columns, rows };
}

export function scoreOf(result: CaseResult): number | null {
  return result.score === null ? null : hundredths(result.score);
}
