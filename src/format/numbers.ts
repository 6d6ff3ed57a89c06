// Numbers as every format prints them, in one place.

import { hundredths } from '../engine/band-edge.js';

/** A total as every format prints it: hundredths, halves up, the figure band edges are judged by. */
export { hundredths };

/** Two decimals: enough for any band edge, and stable across platforms. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
