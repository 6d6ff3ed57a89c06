import type { CaseResult, CriterionResult, Matrix } from '../engine/index.js';
import { contributionText, intervalText, levelRangeText } from './interval.js';
import { round2 } from './numbers.js';

// The rows of an evaluation, one per criterion result, built here once for the terminal table and
// for Markdown, which render them (src/format/table.ts, src/format/markdown.ts): what a row says
// is decided in one place, how it is escaped and coloured in each format. Text is raw here; each
// format makes it safe for its medium.

/** The columns of the table and of the Markdown table, in order. */
export const CRITERION_COLUMNS = ['Criterion', 'Level', 'Points', 'Weight', 'Contribution', 'Evidence'] as const;

/**
 * A figure as the row shows it: `exact` when the record settles it; otherwise `exact` is null and
 * `bounds` says what it may be (`low–high`), which the table prints and Markdown leaves blank.
 */
interface RowFigure {
  readonly exact: string | null;
  readonly bounds: string;
}

/** One item of evidence: the event, its date, and whether every source it rests on is verified. */
interface EvidenceMark {
  readonly event: string;
  readonly date: string;
  readonly verified: boolean;
}

export interface CriterionRow {
  readonly result: CriterionResult;
  /** The result's id (a `forEach` subject's too), with ` (gate)` when its criterion gates the verdict. */
  readonly label: string;
  /**
   * The level in words: `held (1)`, `none (0) .. held (1) unknown` when the record leaves it open,
   * `(no level)`, `n/a`; with MAY_NOT_APPLY when the record leaves open whether the criterion
   * applies. Null for a per-party criterion, whose parties each format lists its own way.
   */
  readonly level: string | null;
  /** Whether the record leaves open whether the criterion applies. */
  readonly mayNotApply: boolean;
  readonly points: RowFigure;
  readonly weight: string;
  /** Its share of the total; `-` when it takes no part (it does not apply, or weighs nothing). */
  readonly contribution: RowFigure;
  readonly evidence: readonly EvidenceMark[];
}

/** The rows of one record's result, in the result's order. */
export function criterionRows(result: CaseResult, matrix: Matrix): CriterionRow[] {
  const gating = new Set(matrix.criteria.filter((criterion) => criterion.gates.length > 0).map((criterion) => criterion.id));
  return result.criteria.map((criterion) => ({
    result: criterion,
    label: gating.has(criterion.criterion) ? `${criterion.id} (gate)` : criterion.id,
    level: criterion.parties && criterion.applicable ? null : levelWords(criterion),
    mayNotApply: criterion.applicable === 'unknown',
    points: pointsFigure(criterion),
    weight: String(criterion.weight),
    contribution: takesPart(criterion) ? contributionFigure(criterion) : { exact: '-', bounds: '-' },
    evidence: criterion.evidence.map((item) => ({
      event: item.event,
      date: item.date,
      verified: item.sources.length > 0 && item.sources.every((source) => source.verified),
    })),
  }));
}

/** Whether any row rests on evidence with a source marked unverified (or with no source). */
export function anyUnverified(rows: readonly CriterionRow[]): boolean {
  return rows.some((row) => row.evidence.some((item) => !item.verified));
}

/** What a row adds to a level when the record leaves open whether its criterion applies. */
export const MAY_NOT_APPLY = ' (may not apply)';

function levelWords(criterion: CriterionResult): string {
  if (!criterion.applicable) return 'n/a';
  const maybe = criterion.applicable === 'unknown' ? MAY_NOT_APPLY : '';
  if (criterion.level) return `${criterion.level.label} (${criterion.level.score})${maybe}`;
  const range = criterion.levelRange;
  if (range && range.low?.label !== range.high?.label) return `${levelRangeText(range)} unknown${maybe}`;
  return `(no level)${maybe}`;
}

const takesPart = (criterion: CriterionResult): boolean => criterion.applicable !== false && criterion.weight > 0;

function pointsFigure(criterion: CriterionResult): RowFigure {
  if (criterion.points !== null) return { exact: `${round2(criterion.points)}/${criterion.maxPoints}`, bounds: '' };
  const range = criterion.normalisedRange;
  if (!range || criterion.parties) return { exact: null, bounds: '' };
  const points = { low: range.low * criterion.maxPoints, high: range.high * criterion.maxPoints };
  return { exact: null, bounds: `${intervalText(points, 0)}/${criterion.maxPoints}` };
}

function contributionFigure(criterion: CriterionResult): RowFigure {
  return { exact: criterion.contribution === null ? null : contributionText(criterion), bounds: contributionText(criterion) };
}
