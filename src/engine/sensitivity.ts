import { lowestReaching, reaches } from './band-edge.js';
import type { CaseResult } from './evaluate.js';
import { createRandom, RANDOM_GENERATOR } from './random.js';
import { countPairs, kendallTau } from './kendall.js';
import { rankTotals, TIE_TOLERANCE, type RankPlace } from './rank.js';
import { bandIndexOf, buildScoreModel, prepareCase, rescore, rescoreWith, roundScore, totalParts, type LevelChanges, type PreparedCase, type ScoreModel } from './rescore.js';
import type { Matrix } from './types.js';

// Robustness of verdicts and rankings: one-at-a-time changes (DEXi's plus-minus analysis), the
// weight intervals within which nothing changes (QCA's robustness ranges), Monte Carlo over the
// weights with Kendall's tau against the baseline ranking (MCDA's rank similarity), and the
// smallest set of level changes that moves a case to the next band.

export interface SensitivityOptions {
  /** The weight step as a share of the sum of the matrix's weights (0.1: a tenth of it). */
  readonly weightStep: number;
  /** Monte Carlo samples; 0 skips the sampling. */
  readonly samples: number;
  readonly seed: number;
  /** Called now and then while sampling, for a progress display. */
  readonly onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_SENSITIVITY: Omit<SensitivityOptions, 'onProgress'> = { weightStep: 0.1, samples: 1000, seed: 1 };

/** Monte Carlo: each positive weight times 2^u, u uniform on [-1, 1], independently per sample. */
const WEIGHT_DISTRIBUTION =
  'each weight above 0 is multiplied by 2^u, u drawn uniformly from [-1, 1] for each criterion (in matrix order) and sample: from half to twice the weight, as likely to halve as to double it; weights of 0 stay 0';

export interface Outcome {
  readonly score: number | null;
  readonly verdict: string | null;
}

interface WeightMove extends Outcome {
  readonly weight: number;
}

/** One weight moved one step down and up, everything else as the matrix has it. */
interface WeightEffect {
  readonly criterion: string;
  readonly weight: number;
  /** Null when the weight is already 0. */
  readonly down: WeightMove | null;
  readonly up: WeightMove;
}

interface LevelMove extends Outcome {
  readonly level: string;
}

/** One cell moved one level down and up. */
interface LevelEffect {
  readonly result: string;
  readonly criterion: string;
  readonly party: string | null;
  readonly level: string | null;
  readonly down: LevelMove | null;
  readonly up: LevelMove | null;
}

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

export interface Distribution {
  readonly min: number;
  readonly p5: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

interface VerdictSampling {
  /** Share of samples (0-1) with the baseline verdict. */
  readonly held: number;
  /** How many samples gave each verdict, best band first; bands never reached are left out. */
  readonly verdicts: readonly { readonly verdict: string; readonly count: number }[];
  readonly score: Distribution;
}

export interface LevelChange {
  readonly result: string;
  readonly criterion: string;
  readonly party: string | null;
  readonly from: string | null;
  readonly to: string;
  /** Levels moved. */
  readonly steps: number;
}

/** The smallest set of level changes that moves a case one band up (or down). */
export interface BandMove {
  readonly direction: 'up' | 'down';
  /** The band aimed at; null when the case is already in the best (worst) band. */
  readonly target: string | null;
  /** Null when no change of levels reaches the target. */
  readonly changes: readonly LevelChange[] | null;
  /** The result after the changes. */
  readonly outcome: Outcome | null;
}

export interface CaseSensitivity {
  readonly record: string;
  readonly score: number | null;
  readonly verdict: string | null;
  readonly weights: readonly WeightEffect[];
  readonly levels: readonly LevelEffect[];
  readonly intervals: readonly WeightInterval[];
  readonly sampling: VerdictSampling | null;
  readonly nextUp: BandMove;
  readonly nextDown: BandMove;
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

interface RankingSampling {
  /** Share of samples in which no pair of cases changed order (ties forming or breaking are no change). */
  readonly held: number;
  /** Kendall's tau-b against the baseline ranking; null when every sample was all ties. */
  readonly tau: Distribution | null;
}

interface RankingSensitivity {
  readonly places: readonly RankPlace[];
  readonly intervals: readonly RankInterval[];
  readonly sampling: RankingSampling | null;
}

export interface SensitivityResult {
  readonly weightStep: { readonly share: number; readonly absolute: number };
  readonly sampling: { readonly samples: number; readonly seed: number; readonly generator: string; readonly distribution: string } | null;
  readonly cases: readonly CaseSensitivity[];
  /** Present when two or more cases have a total. */
  readonly ranking: RankingSensitivity | null;
}

/**
 * Analyses scored cases of one matrix. One-at-a-time moves, intervals and band moves cost
 * O(cases x cells x bands); Monte Carlo costs O(samples x (cells + cases²)).
 */
export function analyseSensitivity(matrix: Matrix, results: readonly CaseResult[], options: SensitivityOptions): SensitivityResult {
  const model = buildScoreModel(matrix, results);
  const weightSum = matrix.criteria.reduce((sum, c) => sum + c.weight, 0);
  const step = options.weightStep * weightSum;
  const sampled = options.samples > 0 ? sample(model, options) : undefined;
  const prepared = model.cases.map((caseModel) => prepareCase(model, caseModel));
  const cases = prepared.map((cased, i): CaseSensitivity => {
    const result = results[i]!;
    const base = { record: result.record.id, score: result.score, verdict: result.verdict };
    const analysable = result.score !== null;
    return {
      ...base,
      weights: analysable ? weightEffects(cased, step) : [],
      levels: analysable ? levelEffects(cased) : [],
      intervals: analysable ? verdictIntervals(cased) : [],
      sampling: analysable && sampled ? sampled.cases[i]! : null,
      nextUp: analysable ? moveUp(cased) : { direction: 'up', target: null, changes: null, outcome: null },
      nextDown: analysable ? moveDown(cased) : { direction: 'down', target: null, changes: null, outcome: null },
    };
  });
  const places = rankTotals(results.map((r) => r.score));
  const ranked = places.filter((place) => place.rank !== null).length;
  return {
    weightStep: { share: options.weightStep, absolute: step },
    sampling: sampled ? { samples: options.samples, seed: options.seed, generator: RANDOM_GENERATOR, distribution: WEIGHT_DISTRIBUTION } : null,
    cases,
    ranking: ranked >= 2 ? { places, intervals: rankIntervals(model, results, prepared), sampling: sampled?.ranking ?? null } : null,
  };
}

const label = (model: ScoreModel, verdict: number): string | null => (verdict >= 0 ? model.matrix.verdicts[verdict]!.label : null);

function outcomeOf(cased: PreparedCase, changes: LevelChanges): Outcome {
  const { score, verdict } = rescoreWith(cased, changes);
  return { score, verdict: label(cased.model, verdict) };
}

/** The cap failed gates put on the verdict as the case stands. */
function capOf(cased: PreparedCase): number {
  const first = cased.failing[0];
  return first === undefined ? -1 : cased.caseModel.gates[first]!.above;
}

/** Criteria whose levels all score the same cannot carry a weight (the loader rejects it). */
function weighable(model: ScoreModel, criterion: string): boolean {
  const values = model.values.get(criterion)!;
  return values.some((value) => value > 0);
}

function weightEffects(cased: PreparedCase, step: number): WeightEffect[] {
  const { model } = cased;
  const cap = capOf(cased);
  return model.matrix.criteria
    .filter((criterion) => weighable(model, criterion.id))
    .map((criterion) => {
      const f = linearIn(cased, criterion.id);
      const at = (weight: number): WeightMove => {
        const total = totalAt(f, weight);
        if (total === null) return { weight, score: null, verdict: null };
        const score = roundScore(total);
        return { weight, score, verdict: label(model, Math.max(bandIndexOf(model.matrix, score), cap)) };
      };
      return {
        criterion: criterion.id,
        weight: criterion.weight,
        down: criterion.weight > 0 ? at(Math.max(0, criterion.weight - step)) : null,
        up: at(criterion.weight + step),
      };
    });
}

function levelEffects(cased: PreparedCase): LevelEffect[] {
  return cased.caseModel.cells.map((cell, i) => {
    const levels = cased.model.criteria.get(cell.criterion)!.levels;
    const at = (level: number): LevelMove => ({ level: levels[level]!.label, ...outcomeOf(cased, new Map([[i, level]])) });
    const current = cell.level < levels.length ? levels[cell.level]!.label : null;
    return {
      result: cell.result,
      criterion: cell.criterion,
      party: cell.party,
      level: current,
      down: cell.level < levels.length - 1 ? at(cell.level + 1) : null,
      up: cell.level > 0 ? at(Math.min(cell.level, levels.length) - 1) : null,
    };
  });
}

/** A total as a function of one weight w: 100 (A + w a) / (B + w b). */
interface Linear {
  readonly A: number;
  readonly B: number;
  readonly a: number;
  readonly b: number;
}

/** From the case's sums: O(1) per criterion. */
function linearIn(cased: PreparedCase, criterion: string): Linear {
  const { numerator, denominator, byCriterion } = cased.sums;
  const { a, b } = byCriterion.get(criterion) ?? { a: 0, b: 0 };
  const weight = cased.model.weights.get(criterion) ?? 0;
  // Sums without the criterion; a difference that should be 0 may come out as -1e-17.
  const clean = (x: number, scale: number) => (Math.abs(x) <= 1e-12 * Math.max(1, Math.abs(scale)) ? 0 : x);
  return { A: clean(numerator - weight * a, numerator), B: clean(denominator - weight * b, denominator), a, b };
}

function totalAt(f: Linear, w: number): number | null {
  const denominator = f.B + w * f.b;
  return denominator > 0 ? (100 * (f.A + w * f.a)) / denominator : null;
}

/**
 * The largest interval around w0 on which `holds` is true, given every point where it can
 * change; the checks fall between breakpoints, never on them. Returns the first failing weight
 * found on each side, so callers can say what happens there.
 */
function holdInterval(w0: number, breakpoints: readonly number[], holds: (w: number) => boolean): { from: number; to: number | null; belowAt: number | null; aboveAt: number | null } {
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

function verdictIntervals(cased: PreparedCase): WeightInterval[] {
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
        return total === null ? -1 : Math.max(bands.findIndex((band) => reaches(total, band.min)), cap);
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
function rankIntervals(model: ScoreModel, results: readonly CaseResult[], prepared: readonly PreparedCase[]): RankInterval[] {
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

interface Sampled {
  readonly cases: readonly VerdictSampling[];
  readonly ranking: RankingSampling | null;
}

function sample(model: ScoreModel, options: SensitivityOptions): Sampled {
  const { samples } = options;
  const random = createRandom(options.seed);
  const bands = model.matrix.verdicts;
  const caps = model.cases.map((caseModel) => capOf(prepareCase(model, caseModel)));
  const baseline = model.cases.map((caseModel) => rescore(model, caseModel));
  const rankedCases = baseline.map((b, i) => (b.score === null ? -1 : i)).filter((i) => i >= 0);
  const baselineTotals = Float64Array.from(rankedCases, (i) => baseline[i]!.score!);
  const totals = model.cases.map(() => new Float64Array(samples));
  const counts = model.cases.map(() => new Array<number>(bands.length).fill(0));
  const taus: number[] = [];
  let rankingHeld = 0;
  const weighted = model.matrix.criteria.filter((criterion) => criterion.weight > 0);
  const weights = new Map(model.weights);
  const sampleTotals = new Float64Array(rankedCases.length);
  const every = Math.max(1, Math.floor(samples / 100));

  for (let s = 0; s < samples; s++) {
    for (const criterion of weighted) weights.set(criterion.id, criterion.weight * 2 ** (2 * random.next() - 1));
    model.cases.forEach((caseModel, i) => {
      const { numerator, denominator } = totalParts(model, caseModel, weights);
      if (denominator <= 0) return;
      const total = Math.round(((100 * numerator) / denominator) * 1e6) / 1e6;
      totals[i]![s] = total;
      counts[i]![Math.max(bands.findIndex((band) => reaches(total, band.min)), caps[i]!)]!++;
    });
    if (rankedCases.length >= 2) {
      rankedCases.forEach((i, k) => (sampleTotals[k] = totals[i]![s]!));
      const pairs = countPairs(baselineTotals, sampleTotals);
      if (pairs.discordant === 0) rankingHeld++;
      const tau = kendallTau(pairs);
      if (tau !== null) taus.push(tau);
    }
    if (options.onProgress && ((s + 1) % every === 0 || s + 1 === samples)) options.onProgress(s + 1, samples);
  }

  const cases = model.cases.map((_, i): VerdictSampling => {
    const held = baseline[i]!.verdict;
    return {
      held: held >= 0 ? counts[i]![held]! / samples : 0,
      verdicts: bands.map((band, b) => ({ verdict: band.label, count: counts[i]![b]! })).filter((entry) => entry.count > 0),
      score: distribution(totals[i]!),
    };
  });
  return {
    cases,
    ranking: rankedCases.length >= 2 ? { held: rankingHeld / samples, tau: taus.length > 0 ? distribution(Float64Array.from(taus)) : null } : null,
  };
}

/** Nearest-rank percentiles of the sampled values. */
function distribution(values: Float64Array): Distribution {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { min: sorted[0]!, p5: at(5), median: at(50), p95: at(95), max: sorted[sorted.length - 1]! };
}

/**
 * The smallest set of level changes that moves a case to the band next up: as few cells as
 * possible, then as few level steps. Gates that would cap the verdict below the target must pass,
 * so their cells rise first; then the cells that gain the most. O(cells log cells).
 */
function moveUp(cased: PreparedCase): BandMove {
  const { model, caseModel } = cased;
  const current = rescore(model, caseModel).verdict;
  const target = current - 1;
  if (target < 0) return { direction: 'up', target: null, changes: null, outcome: null };
  const threshold = model.matrix.verdicts[target]!.min;
  const denominator = cased.sums.denominator;
  const value = (i: number, level: number) => model.values.get(caseModel.cells[i]!.criterion)![level]!;
  // Once the gates above the target pass, no gate can hold the verdict below it: the total decides.
  const reachedBy = (numerator: number) => reaches(roundScore((100 * numerator) / denominator), threshold);

  const ceiling = new Map<number, number>();
  for (const gate of caseModel.gates) {
    if (gate.above <= target) continue;
    for (const i of gate.cells) {
      if (caseModel.cells[i]!.level > gate.requires) ceiling.set(i, Math.min(ceiling.get(i) ?? gate.requires, gate.requires));
    }
  }
  const changes = new Map<number, number>([...ceiling.keys()].map((i) => [i, 0]));
  let numerator = cased.sums.numerator;
  for (const i of changes.keys()) numerator += cased.cellWeight[i]! * (value(i, 0) - value(i, caseModel.cells[i]!.level));
  const gain = (i: number) => cased.cellWeight[i]! * (value(i, 0) - value(i, caseModel.cells[i]!.level));
  const candidates = caseModel.cells
    .map((_, i) => i)
    .filter((i) => !changes.has(i) && caseModel.cells[i]!.level > 0 && gain(i) > 0)
    .sort((x, y) => gain(y) - gain(x) || x - y);
  for (const i of candidates) {
    if (reachedBy(numerator)) break;
    changes.set(i, 0);
    numerator += gain(i);
  }
  if (!reachedBy(numerator)) return { direction: 'up', target: label(model, target), changes: null, outcome: null };
  const options = [...changes.keys()].map((i) => {
    const limit = Math.min(caseModel.cells[i]!.level - 1, ceiling.get(i) ?? Infinity, model.criteria.get(caseModel.cells[i]!.criterion)!.levels.length - 1);
    return { cell: i, levels: range(0, limit) };
  });
  return finish(cased, 'up', target, fewestSteps(cased, options, (verdict) => verdict <= target));
}

/**
 * The smallest set of level changes that moves a case to the band next down: one cell below what
 * a gate requires when that is enough, else the cells that lose the most. O(cells log cells).
 */
function moveDown(cased: PreparedCase): BandMove {
  const { model, caseModel } = cased;
  const current = rescore(model, caseModel).verdict;
  const target = current + 1;
  // No band now (a total that is not a number) leaves no band below to move to.
  if (current < 0 || target >= model.matrix.verdicts.length) return { direction: 'down', target: null, changes: null, outcome: null };
  const reached = (verdict: number) => verdict >= target;
  const bottom = (i: number) => model.criteria.get(caseModel.cells[i]!.criterion)!.levels.length - 1;
  const value = (i: number, level: number) => model.values.get(caseModel.cells[i]!.criterion)![level]!;

  let best: Map<number, number> | undefined;
  let bestSteps = Infinity;
  for (const gate of caseModel.gates) {
    if (gate.above < target) continue;
    for (const i of gate.cells) {
      const level = gate.requires + 1;
      const steps = level - caseModel.cells[i]!.level;
      if (level > bottom(i) || steps <= 0 || steps >= bestSteps) continue;
      const changes = new Map([[i, level]]);
      if (reached(rescoreWith(cased, changes).verdict)) {
        best = changes;
        bestSteps = steps;
      }
    }
  }

  // The total alone: the band below starts under the current band's lower bound.
  const threshold = model.matrix.verdicts[target - 1]!.min;
  const denominator = cased.sums.denominator;
  const reachedBy = (numerator: number) => !reaches(roundScore((100 * numerator) / denominator), threshold);
  const loss = (i: number) => cased.cellWeight[i]! * (value(i, caseModel.cells[i]!.level) - value(i, bottom(i)));
  const changes = new Map<number, number>();
  let numerator = cased.sums.numerator;
  const candidates = caseModel.cells
    .map((_, i) => i)
    .filter((i) => caseModel.cells[i]!.level < bottom(i) && loss(i) > 0)
    .sort((x, y) => loss(y) - loss(x) || x - y);
  for (const i of candidates) {
    if (reachedBy(numerator)) break;
    changes.set(i, bottom(i));
    numerator -= loss(i);
  }
  let byScore: Map<number, number> | undefined;
  if (changes.size > 0 && reachedBy(numerator)) {
    const options = [...changes.keys()].map((i) => ({ cell: i, levels: range(caseModel.cells[i]!.level + 1, bottom(i)).reverse() }));
    byScore = fewestSteps(cased, options, reached);
  }
  const steps = (chosen: Map<number, number>) => [...chosen].reduce((sum, [i, level]) => sum + Math.abs(level - caseModel.cells[i]!.level), 0);
  let chosen = best;
  if (byScore && (!chosen || byScore.size < chosen.size || (byScore.size === chosen.size && steps(byScore) < steps(chosen)))) chosen = byScore;
  if (!chosen) return { direction: 'down', target: label(model, target), changes: null, outcome: null };
  return finish(cased, 'down', target, chosen);
}

function range(from: number, to: number): number[] {
  const values: number[] = [];
  for (let v = from; v <= to; v++) values.push(v);
  return values;
}

const MAX_COMBINATIONS = 50_000;

/**
 * Among the levels each chosen cell may take (the farthest from its own level first), the
 * combination that reaches the target with the fewest level steps; ties go to the first found.
 * Past MAX_COMBINATIONS it steps each cell back towards its own level while the target holds.
 */
function fewestSteps(cased: PreparedCase, options: readonly { cell: number; levels: readonly number[] }[], reached: (verdict: number) => boolean): Map<number, number> {
  const cells = cased.caseModel.cells;
  const holds = (changes: LevelChanges) => reached(rescoreWith(cased, changes).verdict);
  const stepsOf = (cell: number, level: number) => Math.abs(level - cells[cell]!.level);
  const extreme = new Map(options.map((o) => [o.cell, o.levels[0]!]));
  const combinations = options.reduce((product, o) => product * o.levels.length, 1);
  if (combinations > MAX_COMBINATIONS) {
    const changes = new Map(extreme);
    for (const option of options) {
      for (const level of [...option.levels].reverse()) {
        if (holds(new Map(changes).set(option.cell, level))) {
          changes.set(option.cell, level);
          break;
        }
      }
    }
    return changes;
  }
  let best = extreme;
  let bestSteps = [...extreme].reduce((sum, [cell, level]) => sum + stepsOf(cell, level), 0);
  const current = new Map<number, number>();
  const visit = (k: number, steps: number) => {
    if (steps >= bestSteps) return;
    if (k === options.length) {
      if (holds(current)) {
        best = new Map(current);
        bestSteps = steps;
      }
      return;
    }
    const option = options[k]!;
    for (const level of [...option.levels].reverse()) {
      current.set(option.cell, level);
      visit(k + 1, steps + stepsOf(option.cell, level));
    }
    current.delete(option.cell);
  };
  visit(0, 0);
  return best;
}

function finish(cased: PreparedCase, direction: 'up' | 'down', target: number, changes: Map<number, number>): BandMove {
  const { model, caseModel } = cased;
  const ordered = [...changes].sort(([x], [y]) => x - y);
  return {
    direction,
    target: label(model, target),
    changes: ordered.map(([i, level]) => {
      const cell = caseModel.cells[i]!;
      const levels = model.criteria.get(cell.criterion)!.levels;
      return {
        result: cell.result,
        criterion: cell.criterion,
        party: cell.party,
        from: cell.level < levels.length ? levels[cell.level]!.label : null,
        to: levels[level]!.label,
        steps: Math.abs(level - cell.level),
      };
    }),
    outcome: outcomeOf(cased, changes),
  };
}
