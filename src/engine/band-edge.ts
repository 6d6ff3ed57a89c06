// The one rounding rule for totals: every format prints a total in hundredths, halves rounded up,
// and that printed figure is what a band edge (and --fail-below) is judged by. So the table's
// `Total 70.00` always stands beside the verdict of the band that starts at 70, and a total of
// 69.996 is not "70.00" in the table but "below 70" in the verdict.

/** A total (0-100, six decimals) in hundredths, halves up: the figure every format prints. */
export function hundredths(total: number): number {
  // Through whole millionths, so 69.995 (stored as 69.99499999...) rounds up as written.
  return Math.round(Math.round(total * 1e6) / 1e4) / 100;
}

/** Whether a total reaches a band edge or threshold: its printed figure is at least the edge. */
export function reaches(total: number, edge: number): boolean {
  return hundredths(total) >= edge;
}

/** The lowest total, exactly, whose printed figure reaches `edge`: for solving where a verdict changes. */
export function lowestReaching(edge: number): number {
  return Math.ceil(Math.round(edge * 1e6) / 1e4) / 100 - 0.005;
}
