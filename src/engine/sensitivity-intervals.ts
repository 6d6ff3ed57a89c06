// Robustness ranges (as QCA reports them): the interval of one weight, the others fixed, within
// which a case's verdict, or the ranking of the cases, stays as it is.
import { lowestReaching } from './band-edge.js';
import type { CaseResult } from './evaluate.js';
import { TIE_TOLERANCE } from './rank.js';
import { rescore, type PreparedCase, type ScoreModel } from './rescore.js';
import { bandIndexOf } from './score.js';
import { capOf, label, linearIn, totalAt, weighable, type Linear } from './sensitivity-case.js';

/** The weights of one criterion, others fixed, for which the verdict (or ranking) stays as it is. */
export interface WeightInterval {
  readonly criterion: string;
  readonly weight: number;
  readonly from: number;
  /** Null: it holds however large the weight. */
  readonly to: number | null;
  /** What it becomes below `from` (null when `from` is 0) and above `to`. */
  readonly below: string | null;
  readonly above: string | null;
}

export interface RankInterval {
  readonly criterion: string;
  readonly weight: number;
  readonly from: number;
  readonly to: number | null;
  /** The pair of records (first was ahead) whose order reverses below `from` / above `to`. */
  readonly below: readonly [string, string] | null;
  readonly above: readonly [string, string] | null;
}

/**
 * The largest interval around w0 on which `holds` is true, given every point where it can
 * change; the checks fall between breakpoints, never on them. Returns the first failing weight
 * found on each side, so callers can say what happens there.
 */
function holdInterval(
  w0: number,
  breakpoints: readonly number[],
  holds: (w: number) => boolean,
): { from: number; to: number | null; belowAt: number | null; aboveAt: number | null } {
  const points = [...new Set(breakpoints.filter((w) => Number.isFinite(w) && w > 0))].sort((x, y) => x - y);
  let from = 0;
  let belowAt: number | null = null;
  let right = w0;
  const lower = points.filter((w) => w < w0).reverse();
  for (const point of [...lower, 0]) {
    if (right <= 0) break;
    const probe = (point + right) / 2;
    if (!holds(probe)) {
      from = right;
      belowAt = probe;
      break;
    }
    right = point;
  }
  let to: number | null = null;
  let aboveAt: number | null = null;
  let left = w0;
  for (const point of points.filter((w) => w > w0)) {
    const probe = (left + point) / 2;
    if (!holds(probe)) {
      to = left;
      aboveAt = probe;
      break;
    }
    left = point;
  }
  if (to === null && aboveAt === null) {
    const probe = 2 * left + 1;
    if (!holds(probe)) {
      to = left;
      aboveAt = probe;
    }
  }
  return { from, to, belowAt, aboveAt };
}

export function verdictIntervals(cased: PreparedCase): WeightInterval[] {
  const { model } = cased;
  const cap = capOf(cased);
  const bands = model.matrix.verdicts;
  const baseline = rescore(model, cased.caseModel).verdict;
  return model.matrix.criteria
    .filter((criterion) => weighable(model, criterion.id))
    .map((criterion) => {
      const f = linearIn(cased, criterion.id);
      const verdictAt = (w: number) => {
        const total = totalAt(f, w);
        return total === null ? -1 : Math.max(bandIndexOf(bands, total), cap);
      };
      // 100 (A + w a) = m (B + w b) at each band edge, m the lowest total that reaches it.
      const breakpoints = bands.map((band) => lowestReaching(band.min)).map((m) => (m * f.B - 100 * f.A) / (100 * f.a - m * f.b));
      const found = holdInterval(criterion.weight, breakpoints, (w) => verdictAt(w) === baseline);
      return {
        criterion: criterion.id,
        weight: criterion.weight,
        from: found.from,
        to: found.to,
        below: found.belowAt === null ? null : label(model, verdictAt(found.belowAt)),
        above: found.aboveAt === null ? null : label(model, verdictAt(found.aboveAt)),
      };
    });
}

/**
 * Where the baseline order of two cases can reverse as one weight moves: the positive roots of
 * (A1 + w a1)(B2 + w b2) = (A2 + w a2)(B1 + w b1).
 */
function crossings(p: Linear, q: Linear): number[] {
  const c2 = p.a * q.b - q.a * p.b;
  const c1 = p.A * q.b + p.a * q.B - q.A * p.b - q.a * p.B;
  const c0 = p.A * q.B - q.A * p.B;
  if (Math.abs(c2) < 1e-12) return Math.abs(c1) < 1e-12 ? [] : [-c0 / c1];
  const discriminant = c1 * c1 - 4 * c2 * c0;
  if (discriminant < 0) return [];
  const root = Math.sqrt(discriminant);
  return [(-c1 - root) / (2 * c2), (-c1 + root) / (2 * c2)];
}

/**
 * The ranking holds while no case falls strictly behind one it was ahead of. It is enough to
 * watch neighbouring groups of tied cases: any reversal shows there first. O(cases x criteria)
 * without ties.
 */
export function rankIntervals(model: ScoreModel, results: readonly CaseResult[], prepared: readonly PreparedCase[]): RankInterval[] {
  const ranked = results
    .map((result, i) => ({ result, cased: prepared[i]! }))
    .filter((entry) => entry.result.score !== null)
    .sort((x, y) => y.result.score! - x.result.score!);
  const groups: (typeof ranked)[] = [];
  for (const entry of ranked) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last[0]!.result.score! - entry.result.score!) <= TIE_TOLERANCE) last.push(entry);
    else groups.push([entry]);
  }
  return model.matrix.criteria
    .filter((criterion) => weighable(model, criterion.id))
    .map((criterion) => {
      let from = 0;
      let to: number | null = null;
      let below: readonly [string, string] | null = null;
      let above: readonly [string, string] | null = null;
      for (let g = 0; g + 1 < groups.length; g++) {
        for (const ahead of groups[g]!) {
          for (const behind of groups[g + 1]!) {
            const p = linearIn(ahead.cased, criterion.id);
            const q = linearIn(behind.cased, criterion.id);
            const holds = (w: number) => {
              const tp = totalAt(p, w);
              const tq = totalAt(q, w);
              return tp === null || tq === null || tp >= tq - TIE_TOLERANCE;
            };
            const found = holdInterval(criterion.weight, crossings(p, q), holds);
            const pair = [ahead.result.record.id, behind.result.record.id] as const;
            if (found.from > from) {
              from = found.from;
              below = pair;
            }
            if (found.to !== null && (to === null || found.to < to)) {
              to = found.to;
              above = pair;
            }
          }
        }
      }
      return { criterion: criterion.id, weight: criterion.weight, from, to, below, above };
    });
}
