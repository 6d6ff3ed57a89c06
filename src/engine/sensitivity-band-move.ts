// The smallest set of level changes that moves a case one band up or down: what it would take.
import type { LevelChanges, PreparedCase } from './rescore.js';
import { rescore, rescoreWith } from './rescore.js';
import { reaches } from './band-edge.js';
import { totalScore } from './score.js';
import { label, outcomeOf, type Outcome } from './sensitivity-case.js';

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

/**
 * The smallest set of level changes that moves a case to the band next up: as few cells as
 * possible, then as few level steps. Gates that would cap the verdict below the target must pass,
 * so their cells rise first; then the cells that gain the most. O(cells log cells).
 */
export function moveUp(cased: PreparedCase): BandMove {
  const { model, caseModel } = cased;
  const current = rescore(model, caseModel).verdict;
  const target = current - 1;
  if (target < 0) return { direction: 'up', target: null, changes: null, outcome: null };
  const threshold = model.matrix.verdicts[target]!.min;
  const denominator = cased.sums.denominator;
  const value = (i: number, level: number) => model.values.get(caseModel.cells[i]!.criterion)![level]!;
  // Once the gates above the target pass, no gate can hold the verdict below it: the total decides.
  const reachedBy = (numerator: number) => reaches(totalScore(numerator, denominator), threshold);

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
  return finish(
    cased,
    'up',
    target,
    fewestSteps(cased, options, (verdict) => verdict <= target),
  );
}

/**
 * The smallest set of level changes that moves a case to the band next down: one cell below what
 * a gate requires when that is enough, else the cells that lose the most. O(cells log cells).
 */
export function moveDown(cased: PreparedCase): BandMove {
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
  const reachedBy = (numerator: number) => !reaches(totalScore(numerator, denominator), threshold);
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
function fewestSteps(
  cased: PreparedCase,
  options: readonly { cell: number; levels: readonly number[] }[],
  reached: (verdict: number) => boolean,
): Map<number, number> {
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
