import type { CaseResult } from './evaluate.js';
import { cappedBandIndex, normalise, partyShare, totalScore } from './score.js';
import type { Criterion, Matrix } from './types.js';

// What-if scoring without re-reading the record. Levels depend on the record, weights do not, so
// a scored case reduces to its applicable cells (criterion x party x subject, each at a level)
// and the total under other weights or other levels is a weighted mean over them: O(cells).

/** One applicable cell of a scored case. */
interface ModelCell {
  /** The criterion result id (`criterion`, or `criterion/subject` under forEach). */
  readonly result: string;
  readonly criterion: string;
  readonly party: string | null;
  /** Index into the criterion's levels, best first; `levels.length` when no level matched. */
  readonly level: number;
  /**
   * The share of the criterion's weight this cell carries per unit of weight: 1 for a plain
   * criterion, 1/parties for a per-party criterion under weighted-mean, 1 per cell under cell-mean.
   */
  readonly factor: number;
}

/** A gate of one criterion result, with the cells it looks at. */
interface ModelGate {
  readonly result: string;
  readonly criterion: string;
  /** Index of the band it caps at when it fails. */
  readonly above: number;
  /** Index of the level required (levels best first). */
  readonly requires: number;
  /** Indexes into the case's cells. */
  readonly cells: readonly number[];
}

export interface CaseModel {
  readonly record: string;
  /** The record leaves a counted cell's level (or whether it applies) open: no one total to re-weigh. */
  readonly open: boolean;
  readonly cells: readonly ModelCell[];
  readonly gates: readonly ModelGate[];
}

export interface ScoreModel {
  readonly matrix: Matrix;
  readonly criteria: ReadonlyMap<string, Criterion>;
  /** The matrix's own weights, by criterion id. */
  readonly weights: ReadonlyMap<string, number>;
  /** Each criterion's normalised score by level index; the index past the last level scores 0. */
  readonly values: ReadonlyMap<string, readonly number[]>;
  readonly cases: readonly CaseModel[];
}

export function buildScoreModel(matrix: Matrix, results: readonly CaseResult[]): ScoreModel {
  const criteria = new Map(matrix.criteria.map((criterion) => [criterion.id, criterion]));
  const weights = new Map(matrix.criteria.map((criterion) => [criterion.id, criterion.weight]));
  const values = new Map(matrix.criteria.map((criterion) => [criterion.id, [...criterion.levels.map((_, i) => normalisedAt(criterion, i)), 0]]));
  const byCell = matrix.aggregation === 'cell-mean';
  const cases = results.map((result): CaseModel => {
    const cells: ModelCell[] = [];
    const gates: ModelGate[] = [];
    for (const criterionResult of result.criteria) {
      const criterion = criteria.get(criterionResult.criterion)!;
      const levelIndex = (label: string | undefined) => {
        const index = label === undefined ? -1 : criterion.levels.findIndex((level) => level.label === label);
        return index >= 0 ? index : criterion.levels.length;
      };
      const first = cells.length;
      if (criterionResult.parties) {
        const applicable = criterionResult.parties.filter((cell) => cell.applicable);
        for (const cell of applicable) {
          cells.push({
            result: criterionResult.id,
            criterion: criterion.id,
            party: cell.party,
            level: levelIndex(cell.level?.label),
            factor: partyShare(byCell, applicable.length),
          });
        }
      } else if (criterionResult.applicable) {
        cells.push({ result: criterionResult.id, criterion: criterion.id, party: null, level: levelIndex(criterionResult.level?.label), factor: 1 });
      }
      const own = cells.slice(first).map((_, i) => first + i);
      if (own.length === 0) continue;
      for (const gate of criterion.gates) {
        gates.push({
          result: criterionResult.id,
          criterion: criterion.id,
          above: matrix.verdicts.findIndex((band) => band.label === gate.above),
          requires: criterion.levels.findIndex((level) => level.label === gate.requires),
          cells: own,
        });
      }
    }
    return { record: result.record.id, open: result.score === null && result.scoreRange !== null, cells, gates };
  });
  return { matrix, criteria, weights, values, cases };
}

/** A cell's normalised score, 0-1, at a level index (past the last level: as the lowest). */
function normalisedAt(criterion: Criterion, level: number): number {
  const scores = criterion.levels.map((l) => l.score);
  const lowest = Math.min(...scores);
  const span = Math.max(...scores) - lowest;
  if (level >= criterion.levels.length) return 0;
  return normalise(criterion.levels[level]!.score - lowest, span);
}

export type Weights = ReadonlyMap<string, number>;
/** Levels that differ from the case's own: cell index -> level index. */
export type LevelChanges = ReadonlyMap<number, number>;

/** The sums a total is made of: 100 x numerator / denominator. */
export interface TotalParts {
  readonly numerator: number;
  readonly denominator: number;
}

export function totalParts(model: ScoreModel, caseModel: CaseModel, weights: Weights = model.weights, changes?: LevelChanges): TotalParts {
  let numerator = 0;
  let denominator = 0;
  caseModel.cells.forEach((cell, i) => {
    const weight = (weights.get(cell.criterion) ?? 0) * cell.factor;
    if (weight === 0) return;
    const level = changes?.get(i) ?? cell.level;
    numerator += weight * model.values.get(cell.criterion)![level]!;
    denominator += weight;
  });
  return { numerator, denominator };
}

/** The total, 0-100, rounded as the engine rounds it; null when no weighted cell applies. */
function totalOf(parts: TotalParts): number | null {
  return parts.denominator > 0 ? totalScore(parts.numerator, parts.denominator) : null;
}

/** The worst band a failed gate caps the verdict at, or -1 when no gate fails. */
function gateCap(caseModel: CaseModel, changes?: LevelChanges): number {
  let cap = -1;
  for (const gate of caseModel.gates) {
    const fails = gate.cells.some((i) => (changes?.get(i) ?? caseModel.cells[i]!.level) > gate.requires);
    if (fails) cap = Math.max(cap, gate.above);
  }
  return cap;
}

export interface Rescored {
  readonly score: number | null;
  /** Band index after gates; -1 when there is no total. */
  readonly verdict: number;
}

export function rescore(model: ScoreModel, caseModel: CaseModel, weights: Weights = model.weights, changes?: LevelChanges): Rescored {
  if (caseModel.open) return { score: null, verdict: -1 };
  const score = totalOf(totalParts(model, caseModel, weights, changes));
  if (score === null) return { score, verdict: -1 };
  return { score, verdict: cappedBandIndex(model.matrix.verdicts, score, gateCap(caseModel, changes)) };
}

/** A case's sums under the matrix's weights, by criterion too: what-ifs on one weight cost O(1) from here. */
interface CaseSums {
  readonly numerator: number;
  readonly denominator: number;
  /** Per criterion: the sum over its cells of factor x normalised score (a), and of factors (b). */
  readonly byCriterion: ReadonlyMap<string, { readonly a: number; readonly b: number }>;
}

function caseSums(model: ScoreModel, caseModel: CaseModel): CaseSums {
  const byCriterion = new Map<string, { a: number; b: number }>();
  let numerator = 0;
  let denominator = 0;
  for (const cell of caseModel.cells) {
    const value = model.values.get(cell.criterion)![cell.level]!;
    const sums = byCriterion.get(cell.criterion) ?? { a: 0, b: 0 };
    sums.a += cell.factor * value;
    sums.b += cell.factor;
    byCriterion.set(cell.criterion, sums);
    const weight = model.weights.get(cell.criterion) ?? 0;
    numerator += weight * cell.factor * value;
    denominator += weight * cell.factor;
  }
  return { numerator, denominator, byCriterion };
}

/**
 * A case made ready for many what-ifs on a few cells each: the total of a change costs
 * O(changed cells), the gates O(the gates those cells belong to).
 */
export interface PreparedCase {
  readonly model: ScoreModel;
  readonly caseModel: CaseModel;
  readonly sums: CaseSums;
  /** Per cell: its weight x factor. */
  readonly cellWeight: readonly number[];
  /** Per cell: the gates (indexes) it belongs to. */
  readonly gatesOf: readonly (readonly number[])[];
  /** Gates failing as the case stands, worst cap first. */
  readonly failing: readonly number[];
}

export function prepareCase(model: ScoreModel, caseModel: CaseModel): PreparedCase {
  const gatesOf: number[][] = caseModel.cells.map(() => []);
  caseModel.gates.forEach((gate, g) => gate.cells.forEach((i) => gatesOf[i]!.push(g)));
  const failing = caseModel.gates
    .map((gate, g) => ({ gate, g }))
    .filter(({ gate }) => gate.cells.some((i) => caseModel.cells[i]!.level > gate.requires))
    .sort((x, y) => y.gate.above - x.gate.above || x.g - y.g)
    .map(({ g }) => g);
  return {
    model,
    caseModel,
    sums: caseSums(model, caseModel),
    cellWeight: caseModel.cells.map((cell) => (model.weights.get(cell.criterion) ?? 0) * cell.factor),
    gatesOf,
    failing,
  };
}

/** The numerator after level changes (the denominator does not change with levels). */
function numeratorWith(prepared: PreparedCase, changes: LevelChanges): number {
  let numerator = prepared.sums.numerator;
  for (const [i, level] of changes) {
    const cell = prepared.caseModel.cells[i]!;
    const values = prepared.model.values.get(cell.criterion)!;
    numerator += prepared.cellWeight[i]! * (values[level]! - values[cell.level]!);
  }
  return numerator;
}

/** The cap from gates after level changes: only the gates of the changed cells are looked at again. */
function capWith(prepared: PreparedCase, changes: LevelChanges): number {
  const { caseModel } = prepared;
  const touched = new Set<number>();
  for (const i of changes.keys()) for (const g of prepared.gatesOf[i]!) touched.add(g);
  let cap = -1;
  for (const g of prepared.failing) {
    if (!touched.has(g)) {
      cap = caseModel.gates[g]!.above;
      break;
    }
  }
  for (const g of touched) {
    const gate = caseModel.gates[g]!;
    if (gate.above <= cap) continue;
    if (gate.cells.some((i) => (changes.get(i) ?? caseModel.cells[i]!.level) > gate.requires)) cap = gate.above;
  }
  return cap;
}

export function rescoreWith(prepared: PreparedCase, changes: LevelChanges): Rescored {
  const { denominator } = prepared.sums;
  if (denominator <= 0 || prepared.caseModel.open) return { score: null, verdict: -1 };
  const score = totalScore(numeratorWith(prepared, changes), denominator);
  return { score, verdict: cappedBandIndex(prepared.model.matrix.verdicts, score, capWith(prepared, changes)) };
}
