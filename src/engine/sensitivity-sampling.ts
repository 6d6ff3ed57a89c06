// Monte Carlo over the weights (MCDA's rank similarity): how often each case keeps its verdict,
// the spread of its total, and Kendall's tau of each sampled ranking against the baseline.
import { countPairs, kendallTau } from './kendall.js';
import { createRandom } from './random.js';
import { prepareCase, rescore, totalParts, type ScoreModel } from './rescore.js';
import { cappedBandIndex, totalScore } from './score.js';
import { capOf } from './sensitivity-case.js';

/** Monte Carlo: each positive weight times 2^u, u uniform on [-1, 1], independently per sample. */
export const WEIGHT_DISTRIBUTION =
  'each weight above 0 is multiplied by 2^u, u drawn uniformly from [-1, 1] for each criterion (in matrix order) and sample: from half to twice the ' +
  'weight, as likely to halve as to double it; weights of 0 stay 0';

export interface Distribution {
  readonly min: number;
  readonly p5: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

export interface VerdictSampling {
  /** Share of samples (0-1) with the baseline verdict. */
  readonly held: number;
  /** How many samples gave each verdict, best band first; bands never reached are left out. */
  readonly verdicts: readonly { readonly verdict: string; readonly count: number }[];
  readonly score: Distribution;
}

export interface RankingSampling {
  /** Share of samples in which no pair of cases changed order (ties forming or breaking are no change). */
  readonly held: number;
  /** Kendall's tau-b against the baseline ranking; null when every sample was all ties. */
  readonly tau: Distribution | null;
}

export interface SamplingOptions {
  /** Monte Carlo samples; 0 skips the sampling. */
  readonly samples: number;
  readonly seed: number;
  /** Called now and then while sampling, for a progress display. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Sampled {
  readonly cases: readonly VerdictSampling[];
  readonly ranking: RankingSampling | null;
}

export function sample(model: ScoreModel, options: SamplingOptions): Sampled {
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
      const total = totalScore(numerator, denominator);
      totals[i]![s] = total;
      counts[i]![cappedBandIndex(bands, total, caps[i]!)]!++;
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
