// Chance-corrected agreement between coders who code the same units: Cohen's kappa for two coders
// (Cohen 1960; weighted, Cohen 1968), Fleiss' kappa for several (Fleiss 1971), and the plain share
// of agreeing pairs. Categories are positions 0..k-1 on an ordered scale; weights use positions.

import type { Codings } from './agreement-alpha.js';

export type KappaWeights = 'unweighted' | 'linear' | 'quadratic';

export interface KappaResult {
  /** Null when chance agreement is already perfect (one category only): kappa is undefined. */
  readonly kappa: number | null;
  /** Observed agreement (weighted: 1 - observed weighted disagreement). */
  readonly observed: number;
  /** Agreement expected by chance from the margins. */
  readonly expected: number;
  readonly units: number;
}

/** table[i][j]: units the first coder put in category i and the second in category j. */
export type ContingencyTable = readonly (readonly number[])[];

/** The contingency table of two coders' categories over the units both coded. */
export function contingency(first: Codings, second: Codings, categories: number): number[][] {
  const table = Array.from({ length: categories }, () => new Array<number>(categories).fill(0));
  first.forEach((a, u) => {
    const b = second[u];
    if (a === null || b === null || b === undefined) return;
    table[a]![b]! += 1;
  });
  return table;
}

/** Disagreement weight of categories i and j on a scale of k: 0 on the diagonal, 1 at the extremes. */
function kappaWeight(weights: KappaWeights, i: number, j: number, k: number): number {
  if (i === j) return 0;
  if (weights === 'unweighted' || k < 2) return 1;
  const distance = Math.abs(i - j) / (k - 1);
  return weights === 'linear' ? distance : distance * distance;
}

/** Cohen's kappa, kappa_w = 1 - sum(w * observed) / sum(w * expected), from a contingency table. */
export function cohenKappa(table: ContingencyTable, weights: KappaWeights = 'unweighted'): KappaResult {
  const k = table.length;
  const rows = table.map((row) => row.reduce((sum, x) => sum + x, 0));
  const columns = table.map((_, j) => table.reduce((sum, row) => sum + row[j]!, 0));
  const units = rows.reduce((sum, x) => sum + x, 0);
  if (units === 0) return { kappa: null, observed: 0, expected: 0, units };
  let observedDisagreement = 0;
  let expectedDisagreement = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = kappaWeight(weights, i, j, k);
      observedDisagreement += (w * table[i]![j]!) / units;
      expectedDisagreement += (w * rows[i]! * columns[j]!) / (units * units);
    }
  }
  const observed = 1 - observedDisagreement;
  const expected = 1 - expectedDisagreement;
  return { kappa: expectedDisagreement === 0 ? null : 1 - observedDisagreement / expectedDisagreement, observed, expected, units };
}

/**
 * Fleiss' kappa from counts[i][j], the coders who put unit i in category j; every unit must have
 * the same number of coders (at least two).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): KappaResult {
  const units = counts.length;
  if (units === 0) return { kappa: null, observed: 0, expected: 0, units };
  const raters = counts[0]!.reduce((sum, x) => sum + x, 0);
  if (raters < 2 || counts.some((row) => row.reduce((sum, x) => sum + x, 0) !== raters)) {
    throw new RangeError('Fleiss kappa needs the same number (two or more) of coders on every unit');
  }
  const categories = counts[0]!.length;
  let observed = 0;
  for (const row of counts) observed += (row.reduce((sum, x) => sum + x * x, 0) - raters) / (raters * (raters - 1));
  observed /= units;
  let expected = 0;
  for (let j = 0; j < categories; j++) {
    const share = counts.reduce((sum, row) => sum + row[j]!, 0) / (units * raters);
    expected += share * share;
  }
  return { kappa: expected === 1 ? null : (observed - expected) / (1 - expected), observed, expected, units };
}

export interface PercentAgreement {
  /** The mean, over units coded at least twice, of the share of coder pairs that agree; null without such units. */
  readonly agreement: number | null;
  readonly units: number;
}

/** Percent agreement: for two coders, the share of units both coded the same. */
export function percentAgreement(units: readonly Codings[]): PercentAgreement {
  let sum = 0;
  let counted = 0;
  for (const unit of units) {
    const present = unit.filter((value): value is number => value !== null);
    if (present.length < 2) continue;
    let pairs = 0;
    let agreeing = 0;
    for (let i = 0; i < present.length; i++) {
      for (let j = i + 1; j < present.length; j++) {
        pairs++;
        if (present[i] === present[j]) agreeing++;
      }
    }
    sum += agreeing / pairs;
    counted++;
  }
  return { agreement: counted === 0 ? null : sum / counted, units: counted };
}
