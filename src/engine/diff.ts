import { rankTotals } from './rank.js';

// Two evaluations of the same cases (two matrix versions, two as-of dates) compared case by case
// and criterion by criterion. Works on the fields of the `summit-score/evaluation@2` JSON.

interface SnapshotLevel {
  readonly label: string;
  readonly score: number;
}

export interface SnapshotCell {
  readonly applicable: boolean | 'unknown';
  readonly level: SnapshotLevel | null;
  /** The levels an open cell may lie between (evaluation@2). */
  readonly levelRange?: { readonly low: { readonly label: string } | null; readonly high: { readonly label: string } | null } | null;
  readonly points: number | null;
}

interface SnapshotCriterion extends SnapshotCell {
  readonly id: string;
  readonly weight: number;
  /** Null when the score is not determined. */
  readonly contribution: number | null;
  readonly parties: readonly (SnapshotCell & { readonly party: string })[] | null;
}

interface SnapshotResult {
  readonly record: { readonly id: string; readonly title: string };
  readonly asOf: string;
  readonly score: number | null;
  /** The interval the score lies in; null without a total. */
  readonly scoreRange?: { readonly low: number; readonly high: number } | null;
  readonly verdict: string | null;
  /** Every band the interval allows. */
  readonly verdicts?: readonly string[];
  readonly criteria: readonly SnapshotCriterion[];
}

export interface Snapshot {
  readonly matrix: { readonly id: string; readonly version: string; readonly sha256: string | null };
  readonly results: readonly SnapshotResult[];
}

/** A value in A and in B; `delta` is B minus A (null when either is missing). */
export interface Change<T> {
  readonly a: T | null;
  readonly b: T | null;
}
export interface NumberChange extends Change<number> {
  readonly delta: number | null;
}

type DiffStatus = 'changed' | 'unchanged' | 'added' | 'removed';

interface PartyDiff {
  readonly party: string;
  readonly changed: boolean;
  readonly level: Change<string>;
  readonly points: NumberChange;
}

export interface CriterionDiff {
  readonly id: string;
  readonly status: DiffStatus;
  readonly applicable: Change<boolean | 'unknown'>;
  readonly weight: NumberChange;
  readonly level: Change<string>;
  readonly points: NumberChange;
  readonly contribution: NumberChange;
  /** Every party of a per-party criterion, in A's order, then B's new ones. */
  readonly parties: readonly PartyDiff[];
}

export interface CaseDiff {
  readonly record: string;
  readonly title: string;
  readonly status: DiffStatus;
  readonly asOf: Change<string>;
  readonly score: NumberChange;
  /** The score as printed: `75.00`, or `25.00–50.00` when the record leaves it open. */
  readonly scoreRange: Change<{ readonly low: number; readonly high: number }>;
  /** The verdict, or the bands an open total allows (`promise or gesture`). */
  readonly verdict: Change<string>;
  /** Places in each evaluation's ranking by total; a negative delta is a climb. */
  readonly rank: NumberChange;
  readonly criteria: readonly CriterionDiff[];
}

export interface EvaluationDiff {
  readonly matrix: Change<{ readonly id: string; readonly version: string; readonly sha256: string | null }>;
  readonly cases: readonly CaseDiff[];
}

/** Pairs cases by record id (the k-th of an id in A with the k-th in B), A's order first. O(cases x criteria). */
export function diffEvaluations(a: Snapshot, b: Snapshot): EvaluationDiff {
  const ranksA = rankTotals(a.results.map(totalOf));
  const ranksB = rankTotals(b.results.map(totalOf));
  const keyed = (results: readonly SnapshotResult[]) => {
    const seen = new Map<string, number>();
    return results.map((result) => {
      const k = seen.get(result.record.id) ?? 0;
      seen.set(result.record.id, k + 1);
      return `${result.record.id}#${k}`;
    });
  };
  const keysA = keyed(a.results);
  const keysB = keyed(b.results);
  const indexB = new Map(keysB.map((key, i) => [key, i]));
  const cases: CaseDiff[] = [];
  keysA.forEach((key, i) => {
    const j = indexB.get(key);
    cases.push(diffCase(a.results[i], ranksA[i]!.rank, j === undefined ? undefined : b.results[j], j === undefined ? null : ranksB[j]!.rank));
  });
  const indexA = new Set(keysA);
  keysB.forEach((key, j) => {
    if (!indexA.has(key)) cases.push(diffCase(undefined, null, b.results[j], ranksB[j]!.rank));
  });
  return { matrix: { a: a.matrix, b: b.matrix }, cases };
}

function numbers(a: number | null | undefined, b: number | null | undefined): NumberChange {
  const x = a ?? null;
  const y = b ?? null;
  return { a: x, b: y, delta: x === null || y === null ? null : Math.round((y - x) * 100) / 100 };
}

function values<T>(a: T | null | undefined, b: T | null | undefined): Change<T> {
  return { a: a ?? null, b: b ?? null };
}

function diffCase(a: SnapshotResult | undefined, rankA: number | null, b: SnapshotResult | undefined, rankB: number | null): CaseDiff {
  const either = (a ?? b)!;
  const criteria: CriterionDiff[] = [];
  const inB = new Map((b?.criteria ?? []).map((c) => [c.id, c]));
  const inA = new Set((a?.criteria ?? []).map((c) => c.id));
  for (const criterion of a?.criteria ?? []) criteria.push(diffCriterion(criterion, inB.get(criterion.id)));
  for (const criterion of b?.criteria ?? []) if (!inA.has(criterion.id)) criteria.push(diffCriterion(undefined, criterion));
  const score = numbers(a?.score, b?.score);
  const scoreRange = values(a && totalOf(a), b && totalOf(b));
  const verdict = values(a && verdictOf(a), b && verdictOf(b));
  const rank = numbers(a ? rankA : null, b ? rankB : null);
  const status: DiffStatus = !a
    ? 'added'
    : !b
      ? 'removed'
      : score.a !== score.b ||
          scoreRange.a?.low !== scoreRange.b?.low ||
          scoreRange.a?.high !== scoreRange.b?.high ||
          verdict.a !== verdict.b ||
          rank.delta !== 0 ||
          criteria.some((c) => c.status !== 'unchanged')
        ? 'changed'
        : 'unchanged';
  return { record: either.record.id, title: either.record.title, status, asOf: values(a?.asOf, b?.asOf), score, scoreRange, verdict, rank, criteria };
}

/** A result's total as an interval (evaluation@1 files have only the score). */
function totalOf(result: SnapshotResult): { readonly low: number; readonly high: number } | null {
  return result.scoreRange ?? (result.score === null ? null : { low: result.score, high: result.score });
}

function verdictOf(result: SnapshotResult): string | null {
  return result.verdict ?? (result.verdicts && result.verdicts.length > 0 ? result.verdicts.join(' or ') : null);
}

function diffCriterion(a: SnapshotCriterion | undefined, b: SnapshotCriterion | undefined): CriterionDiff {
  const either = (a ?? b)!;
  const partiesB = new Map((b?.parties ?? []).map((cell) => [cell.party, cell]));
  const partyIds = [...new Set([...(a?.parties ?? []).map((cell) => cell.party), ...(b?.parties ?? []).map((cell) => cell.party)])];
  const partiesA = new Map((a?.parties ?? []).map((cell) => [cell.party, cell]));
  const parties = partyIds.map((party): PartyDiff => {
    const x = partiesA.get(party);
    const y = partiesB.get(party);
    const level = values(cellLevel(x), cellLevel(y));
    const points = numbers(x?.points, y?.points);
    return { party, changed: level.a !== level.b || points.a !== points.b, level, points };
  });
  const diff = {
    id: either.id,
    applicable: values(a?.applicable, b?.applicable),
    weight: numbers(a?.weight, b?.weight),
    level: values(cellLevel(a), cellLevel(b)),
    points: numbers(a?.points, b?.points),
    contribution: numbers(a?.contribution, b?.contribution),
    parties,
  };
  const same =
    diff.applicable.a === diff.applicable.b &&
    diff.weight.delta === 0 &&
    diff.level.a === diff.level.b &&
    diff.points.a === diff.points.b &&
    diff.contribution.delta === 0 &&
    parties.every((cell) => !cell.changed);
  return { ...diff, status: !a ? 'added' : !b ? 'removed' : same ? 'unchanged' : 'changed' };
}

/** A cell's level as one word: its label, `n/a`, or null when no level matched. */
function cellLevel(cell: SnapshotCell | undefined): string | null {
  if (!cell) return null;
  if (!cell.applicable) return 'n/a';
  const range = cell.levelRange;
  if (cell.level === null && range && (cell.applicable === 'unknown' || range.low?.label !== range.high?.label)) {
    return `${cell.applicable === 'unknown' ? 'n/a' : (range.low?.label ?? '(none)')}..${range.high?.label ?? '(none)'}`;
  }
  return cell.level?.label ?? null;
}
