// A matrix made ready to score records: per criterion its compiled tests and explainers, and the
// outcome of each level worked out once (compileMatrix in evaluate.ts builds it).
import type { Test } from './compile.js';
import type { Explainer } from './explainer.js';
import type { LevelRange, LevelRef } from './results.js';
import type { Interval } from './score.js';
import type { Criterion, Matrix } from './types.js';

export interface CompiledCriterion {
  readonly criterion: Criterion;
  /** One per level, best first; undefined for a default level without a condition. */
  readonly levelTests: readonly (Test | undefined)[];
  readonly appliesWhen: Test | undefined;
  readonly forEach: Test | undefined;
  readonly lowestScore: number;
  readonly highestScore: number;
  /** The explaining evaluators of the levels (evidence and near misses) and of appliesWhen. */
  readonly levelExplainers: readonly (Explainer | undefined)[];
  readonly appliesWhenExplainer: Explainer | undefined;
  /** The matrix's declared fields, for naming the facts an unknown test rests on. */
  readonly fields: Matrix['fields'];
  /**
   * What a determined cell at each level reads, made once per matrix and shared by every such
   * cell (they are never mutated): index i for level i, and `noLevel` when none is reached.
   */
  readonly outcomes: readonly LevelOutcome[];
  readonly noLevel: LevelOutcome;
  /** Each level's place, by label, for gates. */
  readonly rank: ReadonlyMap<string, number>;
}

/** A determined, applicable cell's level and numbers; `target` the next level up (null at the top). */
export interface LevelOutcome {
  readonly level: LevelRef | null;
  readonly levelRange: LevelRange;
  readonly points: number;
  readonly normalised: number;
  readonly normalisedRange: Interval;
  readonly target: LevelRef | null;
  readonly targetIndex: number;
}

export interface CompiledMatrix {
  readonly matrix: Matrix;
  readonly criteria: readonly CompiledCriterion[];
}
