import { describe, expect, it } from 'vitest';
import { itemAt } from '../src/checked-index.js';

describe('itemAt', () => {
  it('reads the item at an index inside the list, an undefined one too', () => {
    expect(itemAt(['a', 'b', 'c'], 2)).toBe('c');
    expect(itemAt([undefined, 1], 0)).toBeUndefined();
    expect(itemAt('xyz', 1)).toBe('y');
  });

  it('throws an internal error for an index outside it, instead of passing undefined on', () => {
    for (const index of [3, -1, 1.5, Number.NaN]) expect(() => itemAt(['a', 'b', 'c'], index)).toThrow(/^internal error: no item .* of 3$/);
  });
});
