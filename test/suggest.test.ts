import { describe, expect, it } from 'vitest';
import { closestMatch } from '../src/suggest.js';

describe('closestMatch', () => {
  it.each([
    ['wieght', 'weight'],
    ['tpye', 'type'],
    ['sume', 'some'],
    ['linkedby', 'linkedBy'],
    ['levls', 'levels'],
  ])('takes %s for %s', (typo, meant) => {
    expect(closestMatch(typo, ['weight', 'type', 'some', 'linkedBy', 'levels', 'title'])).toBe(meant);
  });

  it('suggests nothing when no candidate is close', () => {
    expect(closestMatch('colour', ['weight', 'levels'])).toBeUndefined();
  });
});

describe('closestMatch on long text', () => {
  it('suggests nothing for words past the length cap, at no cost', () => {
    const long = 'a'.repeat(20_000);
    expect(closestMatch(long, [`${long}b`, 'weight'])).toBeUndefined();
  });
});
