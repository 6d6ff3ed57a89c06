import type { CriterionResult, PartyCell } from './evaluate.js';
import { DEFAULT_GRID_RULES, type GridRules, type Matrix } from './types.js';

/** Averages of a row, a column or the whole grid, over the cells that apply. */
export interface GridAverage {
  /** Cells that apply and count. */
  readonly cells: number;
  /** Cells left out as not applicable. */
  readonly notApplicable: number;
  /** Mean of the cells' level scores (e.g. -1, 0, +1), unrounded; null when no cell applies. */
  readonly average: number | null;
  /** The average as the matrix says to print it (`+0.40`). */
  readonly averageText: string | null;
  /** 100 x the mean of the cells' normalised scores, rounded as the matrix says. */
  readonly percent: number | null;
}

export interface Grid {
  readonly rules: GridRules;
  readonly parties: readonly string[];
  /** Result ids of the per-party criteria, in matrix order. */
  readonly criteria: readonly string[];
  readonly byParty: readonly ({ readonly party: string } & GridAverage)[];
  readonly byCriterion: readonly ({ readonly criterion: string } & GridAverage)[];
  readonly overall: GridAverage;
}

interface ScoredCell {
  readonly cell: PartyCell;
  readonly score: number;
}

/** The party x criterion grid with averages by party, by criterion and overall (G7/G20 Research Group style). */
export function buildGrid(matrix: Matrix, results: readonly CriterionResult[]): Grid | null {
  const perParty = results.filter((result) => result.parties !== null);
  if (perParty.length === 0) return null;
  const rules = matrix.grid ?? DEFAULT_GRID_RULES;
  const lowest = new Map(matrix.criteria.map((c) => [c.id, Math.min(...c.levels.map((l) => l.score))]));
  const columns = perParty.map((result) =>
    result.parties!.map((cell): ScoredCell => ({ cell, score: cell.level?.score ?? lowest.get(result.criterion)! })),
  );
  const parties = [...new Set(perParty.flatMap((result) => result.parties!.map((cell) => cell.party)))];
  return {
    rules,
    parties,
    criteria: perParty.map((result) => result.id),
    byParty: parties.map((party) => ({ party, ...average(columns.flat().filter(({ cell }) => cell.party === party), rules) })),
    byCriterion: perParty.map((result, i) => ({ criterion: result.id, ...average(columns[i]!, rules) })),
    overall: average(columns.flat(), rules),
  };
}

function average(cells: readonly ScoredCell[], rules: GridRules): GridAverage {
  const counted = cells.filter(({ cell }) => cell.applicable);
  const notApplicable = cells.length - counted.length;
  if (counted.length === 0) return { cells: 0, notApplicable, average: null, averageText: null, percent: null };
  const mean = counted.reduce((sum, { score }) => sum + score, 0) / counted.length;
  const normalised = counted.reduce((sum, { cell }) => sum + cell.normalised!, 0) / counted.length;
  return {
    cells: counted.length,
    notApplicable,
    average: mean,
    averageText: formatAverage(mean, rules),
    // From the unrounded mean: rounding the average first gives wrong figures (53 % for a printed 52 %).
    percent: roundHalfAway(100 * normalised, rules.percentDecimals),
  };
}

export function formatAverage(value: number, rules: GridRules): string {
  const text = Math.abs(value).toFixed(rules.averageDecimals);
  if (Number(text) === 0) return text;
  if (value < 0) return `-${text}`;
  return rules.averageSign === 'always' ? `+${text}` : text;
}

/** Rounds halves away from zero (62.5 -> 63), after absorbing binary noise such as 62.49999999999999. */
export function roundHalfAway(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  return (Math.sign(value) * Math.round(scaled)) / factor;
}
