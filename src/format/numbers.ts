// Numbers as every format prints them, in one place.

/** Two decimals: enough for any band edge, and stable across platforms. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
