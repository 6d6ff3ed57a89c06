import { describe, expect, it } from 'vitest';
import { hundredths, lowestReaching, reaches } from '../../src/engine/band-edge.js';

// The rule: a total is printed in hundredths, halves up, as its decimal text is written; a band
// edge is reached when that printed figure is at least the edge.
describe('band edges', () => {
  it('hundredths rounds halves up as the total is written', () => {
    expect(hundredths(69.995)).toBe(70);
    expect(hundredths(69.994999)).toBe(69.99);
    expect(hundredths(12.345)).toBe(12.35);
    expect(hundredths(12.344)).toBe(12.34);
    expect(hundredths(0.005)).toBe(0.01);
    expect(hundredths(0.004999)).toBe(0);
    expect(hundredths(100)).toBe(100);
    expect(hundredths(33.333333)).toBe(33.33);
    expect(hundredths(66.666667)).toBe(66.67);
  });

  it('reaches compares the printed figure with the edge', () => {
    expect(reaches(69.995, 70)).toBe(true);
    expect(reaches(69.994999, 70)).toBe(false);
    expect(reaches(70, 70)).toBe(true);
    expect(reaches(70.004, 70.01)).toBe(false);
    expect(reaches(70.005, 70.01)).toBe(true);
    expect(reaches(0, 0)).toBe(true);
  });

  it('lowestReaching is the least total whose printed figure reaches the edge', () => {
    expect(lowestReaching(70)).toBeCloseTo(69.995, 9);
    expect(lowestReaching(70.01)).toBeCloseTo(70.005, 9);
    // An edge between hundredths is reached only by the next hundredth up: 70.001 by 70.01.
    expect(lowestReaching(70.001)).toBeCloseTo(70.005, 9);
    expect(lowestReaching(50.5)).toBeCloseTo(50.495, 9);
    for (const edge of [10, 25.5, 70, 70.01, 70.001, 99.99]) {
      const lowest = lowestReaching(edge);
      expect(reaches(lowest, edge), `${edge}`).toBe(true);
      expect(reaches(lowest - 0.000001, edge), `${edge}`).toBe(false);
    }
  });
});
