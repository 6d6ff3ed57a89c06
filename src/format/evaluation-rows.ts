import type { CaseResult, Cell, CriterionResult, Matrix } from '../engine/index.js';
import type { CsvTable, CsvValue } from './csv-table.js';
import { round2 } from './numbers.js';
import type { EvaluationReport } from './report.js';

/** The columns of every long (tidy) output that describe one cell. */
export const CELL_COLUMNS = ['criterion', 'subject', 'party', 'applicable', 'level', 'level_score', 'points', 'max_points', 'weight', 'contribution'] as const;

/**
 * One row per criterion, or per party of a per-party criterion, with its level and its share of
 * the total. A party's contribution is its part of the criterion's, in proportion to its
 * normalised score, so the contributions of a case add up to its total under either aggregation.
 */
export function cellRows(result: CaseResult): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const criterion of result.criteria) {
    const common = (cell: Cell, party: string | null, contribution: number | null): CsvValue[] => [
      criterion.id,
      criterion.subject,
      party,
      cell.applicable,
      cell.level?.label ?? null,
      cell.level?.score ?? null,
      cell.points === null ? null : round2(cell.points),
      criterion.maxPoints,
      criterion.weight,
      contribution === null ? null : round2(contribution),
    ];
    if (!criterion.parties) {
      rows.push(common(criterion, null, criterion.applicable ? criterion.contribution : null));
      continue;
    }
    const applicable = criterion.parties.filter((cell) => cell.applicable);
    const sum = applicable.reduce((total, cell) => total + (cell.normalised ?? 0), 0);
    for (const cell of criterion.parties) {
      const share = !cell.applicable ? null : sum > 0 ? (criterion.contribution * (cell.normalised ?? 0)) / sum : 0;
      rows.push(common(cell, cell.party, share));
    }
  }
  return rows;
}

export function longEvaluationRows(report: EvaluationReport): CsvTable {
  const matrix = report.matrix.definition;
  const columns = ['matrix', 'matrix_version', 'record', 'as_of', ...CELL_COLUMNS, 'score', 'verdict'];
  const rows = report.results.flatMap(({ result }) =>
    cellRows(result).map((cells) => [matrix.id, matrix.version, result.record.id, result.asOf, ...cells, scoreOf(result), result.verdict]),
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
export function levelWord(criterion: CriterionResult | undefined): string | null {
  if (!criterion) return null;
  if (!criterion.applicable) return 'n/a';
  if (criterion.parties) return 'per-party';
  return criterion.level?.label ?? null;
}

export function wideEvaluationRows(report: EvaluationReport): CsvTable {
  const matrix = report.matrix.definition;
  const results = report.results.map(({ result }) => result);
  const ids = resultIds(matrix, results);
  const columns = ['matrix', 'matrix_version', 'record', 'title', 'as_of', 'score', 'band', 'verdict', ...ids.flatMap((id) => [id, `${id}_points`])];
  const rows = results.map((result) => {
    const byId = new Map(result.criteria.map((c) => [c.id, c]));
    const cells = ids.flatMap((id) => {
      const criterion = byId.get(id);
      return [levelWord(criterion), criterion?.points == null ? null : round2(criterion.points)];
    });
    return [matrix.id, matrix.version, result.record.id, result.record.title, result.asOf, scoreOf(result), result.band, result.verdict, ...cells];
  });
  return { columns, rows };
}

export function scoreOf(result: CaseResult): number | null {
  return result.score === null ? null : round2(result.score);
}
