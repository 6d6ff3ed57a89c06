// Krippendorff's alpha by the coincidence-matrix method of Krippendorff (2011), "Computing
// Krippendorff's Alpha-Reliability" (https://repository.upenn.edu/asc_papers/43): every value a
// coder gave a unit is paired with every other coder's value for it, each pair weighted 1/(m_u - 1),
// so units with more coders do not count more; a unit coded by fewer than two coders pairs nothing.

export const METRICS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
/** Krippendorff's levels of measurement: how far apart two different values are. */
export type Metric = (typeof METRICS)[number];

/** One unit's codings, one entry per coder; null where that coder gave it no value. */
export type Codings = readonly (number | null)[];

export interface Coincidences {
  /** The distinct pairable values, ascending. */
  readonly values: readonly number[];
  /** o[c][k]: the coincidences of values[c] with values[k]. */
  readonly o: readonly (readonly number[])[];
  /** n[c]: how often values[c] was paired (the margins of o). */
  readonly n: readonly number[];
  /** The number of pairable values, the sum of n. */
  readonly total: number;
}

export interface AlphaResult {
  /** Null when no unit is pairable or every pairable value is the same (alpha is undefined). */
  readonly alpha: number | null;
  /** Observed disagreement D_o. */
  readonly observed: number;
  /** Disagreement expected by chance D_e. */
  readonly expected: number;
  /** Units coded by at least two coders. */
  readonly pairableUnits: number;
  /** Values in those units (n..). */
  readonly pairableValues: number;
}

/** The coincidence matrix of reliability data given unit by unit. */
export function coincidences(units: readonly Codings[]): Coincidences {
  const present = units.map((unit) => unit.filter((value): value is number => value !== null)).filter((unit) => unit.length >= 2);
  const values = [...new Set(present.flat())].sort((a, b) => a - b);
  const position = new Map(values.map((value, i) => [value, i]));
  const o = values.map(() => values.map(() => 0));
  for (const unit of present) {
    const weight = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i++) {
      for (let j = 0; j < unit.length; j++) {
        if (i !== j) o[position.get(unit[i]!)!]![position.get(unit[j]!)!]! += weight;
      }
    }
  }
  const n = o.map((row) => row.reduce((sum, x) => sum + x, 0));
  return { values, o, n, total: n.reduce((sum, x) => sum + x, 0) };
}

/**
 * The squared difference of values[c] and values[k] under a metric (Krippendorff 2011, section
 * "difference functions"). The ordinal one depends on how often each value was used between the
 * two, so it needs the margins.
 */
function difference(metric: Metric, table: Coincidences, c: number, k: number): number {
  const a = table.values[c]!;
  const b = table.values[k]!;
  switch (metric) {
    case 'nominal':
      return c === k ? 0 : 1;
    case 'ordinal': {
      const [low, high] = c <= k ? [c, k] : [k, c];
      let between = 0;
      for (let g = low; g <= high; g++) between += table.n[g]!;
      const d = between - (table.n[low]! + table.n[high]!) / 2;
      return d * d;
    }
    case 'interval':
      return (a - b) * (a - b);
    case 'ratio':
      return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
  }
}

/** Krippendorff's alpha = 1 - D_o / D_e over units of codings (missing codings allowed). */
export function krippendorffAlpha(units: readonly Codings[], metric: Metric): AlphaResult {
  const table = coincidences(units);
  const size = table.values.length;
  const total = table.total;
  let observedSum = 0;
  let expectedSum = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      if (c === k) continue;
      const delta = difference(metric, table, c, k);
      observedSum += table.o[c]![k]! * delta;
      expectedSum += table.n[c]! * table.n[k]! * delta;
    }
  }
  const pairableUnits = units.filter((unit) => unit.filter((value) => value !== null).length >= 2).length;
  if (total <= 1 || expectedSum === 0) return { alpha: null, observed: total > 0 ? observedSum / total : 0, expected: 0, pairableUnits, pairableValues: total };
  const observed = observedSum / total;
  const expected = expectedSum / (total * (total - 1));
  // Written as 1 - (n - 1) * sum(o d) / sum(n n d): one division, so exact fractions stay exact longer.
  return { alpha: 1 - ((total - 1) * observedSum) / expectedSum, observed, expected, pairableUnits, pairableValues: total };
}
