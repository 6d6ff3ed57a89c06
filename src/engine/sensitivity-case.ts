// What-ifs on one prepared case, shared by the analyses of sensitivity: the outcome of level
// changes, the cap failed gates put on the verdict, and the total as a function of one weight.
import type { LevelChanges, PreparedCase, ScoreModel } from './rescore.js';
import { rescoreWith } from './rescore.js';

export interface Outcome {
  readonly score: number | null;
  readonly verdict: string | null;
}

export const label = (model: ScoreModel, verdict: number): string | null => (verdict >= 0 ? model.matrix.verdicts[verdict]!.label : null);

export function outcomeOf(cased: PreparedCase, changes: LevelChanges): Outcome {
  const { score, verdict } = rescoreWith(cased, changes);
  return { score, verdict: label(cased.model, verdict) };
}

/** The cap failed gates put on the verdict as the case stands. */
export function capOf(cased: PreparedCase): number {
  const first = cased.failing[0];
  return first === undefined ? -1 : cased.caseModel.gates[first]!.above;
}

/** Criteria whose levels all score the same cannot carry a weight (the loader rejects it). */
export function weighable(model: ScoreModel, criterion: string): boolean {
  const values = model.values.get(criterion)!;
  return values.some((value) => value > 0);
}

/** A total as a function of one weight w: 100 (A + w a) / (B + w b). */
export interface Linear {
  readonly A: number;
  readonly B: number;
  readonly a: number;
  readonly b: number;
}

/** From the case's sums: O(1) per criterion. */
export function linearIn(cased: PreparedCase, criterion: string): Linear {
  const { numerator, denominator, byCriterion } = cased.sums;
  const { a, b } = byCriterion.get(criterion) ?? { a: 0, b: 0 };
  const weight = cased.model.weights.get(criterion) ?? 0;
  // Sums without the criterion; a difference that should be 0 may come out as -1e-17.
  const clean = (x: number, scale: number) => (Math.abs(x) <= 1e-12 * Math.max(1, Math.abs(scale)) ? 0 : x);
  return { A: clean(numerator - weight * a, numerator), B: clean(denominator - weight * b, denominator), a, b };
}

export function totalAt(f: Linear, w: number): number | null {
  const denominator = f.B + w * f.b;
  return denominator > 0 ? (100 * (f.A + w * f.a)) / denominator : null;
}
