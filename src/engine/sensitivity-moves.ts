// One-at-a-time analysis (DEXi's plus-minus analysis): each weight one step down and up, each
// cell one level down and up, everything else as the matrix and the record have it.
import { cappedBandIndex, roundScore } from './score.js';
import { capOf, label, linearIn, outcomeOf, totalAt, weighable, type Outcome } from './sensitivity-case.js';
import type { PreparedCase } from './rescore.js';

interface WeightMove extends Outcome {
  readonly weight: number;
}

/** One weight moved one step down and up, everything else as the matrix has it. */
export interface WeightEffect {
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
export interface LevelEffect {
  readonly result: string;
  readonly criterion: string;
  readonly party: string | null;
  readonly level: string | null;
  readonly down: LevelMove | null;
  readonly up: LevelMove | null;
}

export function weightEffects(cased: PreparedCase, step: number): WeightEffect[] {
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
        return { weight, score, verdict: label(model, cappedBandIndex(model.matrix.verdicts, score, cap)) };
      };
      return {
        criterion: criterion.id,
        weight: criterion.weight,
        down: criterion.weight > 0 ? at(Math.max(0, criterion.weight - step)) : null,
        up: at(criterion.weight + step),
      };
    });
}

export function levelEffects(cased: PreparedCase): LevelEffect[] {
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
