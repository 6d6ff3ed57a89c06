import type { CaseResult } from './evaluate.js';
import { RANDOM_GENERATOR } from './random.js';
import { rankTotals, type RankPlace } from './rank.js';
import { buildScoreModel, prepareCase } from './rescore.js';
import { moveDown, moveUp, type BandMove } from './sensitivity-band-move.js';
import { rankIntervals, verdictIntervals, type RankInterval, type WeightInterval } from './sensitivity-intervals.js';
import { levelEffects, weightEffects, type LevelEffect, type WeightEffect } from './sensitivity-moves.js';
import { sample, WEIGHT_DISTRIBUTION, type RankingSampling, type SamplingOptions, type VerdictSampling } from './sensitivity-sampling.js';
import type { Matrix } from './types.js';

// Robustness of verdicts and rankings: one-at-a-time changes (sensitivity-moves.ts), the weight
// intervals within which nothing changes (sensitivity-intervals.ts), Monte Carlo over the weights
// (sensitivity-sampling.ts), and the smallest set of level changes that moves a case to the next
// band (sensitivity-band-move.ts). This file puts them together for `summit-score sensitivity`.

export interface SensitivityOptions extends SamplingOptions {
  /** The weight step as a share of the sum of the matrix's weights (0.1: a tenth of it). */
  readonly weightStep: number;
}

export const DEFAULT_SENSITIVITY: Omit<SensitivityOptions, 'onProgress'> = { weightStep: 0.1, samples: 1000, seed: 1 };

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
