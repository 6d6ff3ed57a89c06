import { describe, expect, it } from 'vitest';
import {
  add,
  divide,
  fromNumber,
  meanOf,
  multiply,
  ratio,
  ratioText,
  roundScaled,
  ROUNDINGS,
  scaledDigits,
  subtract,
  toNumber,
} from '../../src/engine/decimal.js';

const r = (num: number, den = 1) => ratio(BigInt(num), BigInt(den));

describe('exact ratios', () => {
  it('are kept in lowest terms with a positive denominator', () => {
    expect(ratio(6n, 8n)).toEqual({ num: 3n, den: 4n });
    expect(ratio(-6n, 8n)).toEqual({ num: -3n, den: 4n });
    expect(ratio(6n, -8n)).toEqual({ num: -3n, den: 4n });
    expect(ratio(-6n, -8n)).toEqual({ num: 3n, den: 4n });
    expect(ratio(0n, 5n)).toEqual({ num: 0n, den: 1n });
    expect(ratio(7n)).toEqual({ num: 7n, den: 1n });
    expect(ratio(-12n, 18n)).toEqual({ num: -2n, den: 3n });
    expect(ratio(35n, 14n)).toEqual({ num: 5n, den: 2n });
    expect(() => ratio(1n, 0n)).toThrow(new RangeError('a ratio with denominator 0'));
  });

  it('read a number as the decimal it is written as', () => {
    expect(fromNumber(0.1)).toEqual({ num: 1n, den: 10n });
    expect(fromNumber(0.075)).toEqual({ num: 3n, den: 40n });
    expect(fromNumber(-0.075)).toEqual({ num: -3n, den: 40n });
    expect(fromNumber(12)).toEqual({ num: 12n, den: 1n });
    expect(fromNumber(0)).toEqual({ num: 0n, den: 1n });
    expect(fromNumber(-2.5)).toEqual({ num: -5n, den: 2n });
    expect(fromNumber(1e21)).toEqual({ num: 10n ** 21n, den: 1n });
    expect(fromNumber(1.5e21)).toEqual({ num: 15n * 10n ** 20n, den: 1n });
    expect(fromNumber(1e-7)).toEqual({ num: 1n, den: 10n ** 7n });
    expect(fromNumber(2.5e-7)).toEqual({ num: 1n, den: 4n * 10n ** 6n });
    expect(fromNumber(-1.25e-8)).toEqual({ num: -1n, den: 8n * 10n ** 7n });
    for (const value of [Infinity, -Infinity, Number.NaN]) expect(() => fromNumber(value)).toThrow(new RangeError(`not a finite number: ${value}`));
  });

  it('add, subtract, multiply and divide exactly', () => {
    expect(add(r(1, 10), r(2, 10))).toEqual(r(3, 10));
    expect(add(r(1, 2), r(1, 3))).toEqual(r(5, 6));
    expect(subtract(r(1, 2), r(1, 3))).toEqual(r(1, 6));
    expect(subtract(r(1, 3), r(1, 2))).toEqual(r(-1, 6));
    expect(multiply(r(2, 3), r(3, 4))).toEqual(r(1, 2));
    expect(divide(r(2, 3), r(4, 9))).toEqual(r(3, 2));
    expect(divide(r(1, 2), r(-1, 4))).toEqual(r(-2));
    expect(toNumber(r(3, 4))).toBe(0.75);
    expect(toNumber(r(-1, 8))).toBe(-0.125);
    expect(ratioText(r(3, 4))).toBe('3/4');
    expect(ratioText(r(-5))).toBe('-5');
    expect(ratioText(r(10, 5))).toBe('2');
  });

  it('meanOf is the sum over the count', () => {
    expect(meanOf([r(1), r(2), r(4)])).toEqual(r(7, 3));
    expect(meanOf([r(1, 2), r(1, 3)])).toEqual(r(5, 12));
    expect(meanOf([r(-3, 40)])).toEqual(r(-3, 40));
  });

  it('roundScaled decides exact halves by the rounding asked for', () => {
    expect(ROUNDINGS).toEqual(['half-away-from-zero', 'half-up', 'half-even']);
    const cases: [[number, number], number, Record<string, number>][] = [
      // [ratio], decimals, result per rounding (worked out by hand)
      [[3, 40], 2, { 'half-away-from-zero': 8, 'half-up': 8, 'half-even': 8 }], // 7.5 hundredths
      [[-3, 40], 2, { 'half-away-from-zero': -8, 'half-up': -7, 'half-even': -8 }],
      [[17, 200], 2, { 'half-away-from-zero': 9, 'half-up': 9, 'half-even': 8 }], // 0.085
      [[-17, 200], 2, { 'half-away-from-zero': -9, 'half-up': -8, 'half-even': -8 }],
      [[1, 3], 2, { 'half-away-from-zero': 33, 'half-up': 33, 'half-even': 33 }],
      [[2, 3], 2, { 'half-away-from-zero': 67, 'half-up': 67, 'half-even': 67 }],
      [[-1, 3], 2, { 'half-away-from-zero': -33, 'half-up': -33, 'half-even': -33 }],
      [[-2, 3], 2, { 'half-away-from-zero': -67, 'half-up': -67, 'half-even': -67 }],
      [[5, 2], 0, { 'half-away-from-zero': 3, 'half-up': 3, 'half-even': 2 }],
      [[7, 2], 0, { 'half-away-from-zero': 4, 'half-up': 4, 'half-even': 4 }],
      [[-7, 2], 0, { 'half-away-from-zero': -4, 'half-up': -3, 'half-even': -4 }],
      [[1, 2], 0, { 'half-away-from-zero': 1, 'half-up': 1, 'half-even': 0 }],
      [[-1, 2], 0, { 'half-away-from-zero': -1, 'half-up': 0, 'half-even': 0 }],
      [[6, 1], 1, { 'half-away-from-zero': 60, 'half-up': 60, 'half-even': 60 }],
      [[0, 1], 3, { 'half-away-from-zero': 0, 'half-up': 0, 'half-even': 0 }],
    ];
    for (const [[num, den], decimals, expected] of cases)
      for (const rounding of ROUNDINGS)
        expect(roundScaled(r(num, den), decimals, rounding), `${num}/${den} ${decimals} ${rounding}`).toBe(BigInt(expected[rounding]!));
  });

  it('scaledDigits writes a scaled integer without its sign', () => {
    expect(scaledDigits(8n, 2)).toBe('0.08');
    expect(scaledDigits(-8n, 2)).toBe('0.08');
    expect(scaledDigits(1234n, 2)).toBe('12.34');
    expect(scaledDigits(-1234n, 1)).toBe('123.4');
    expect(scaledDigits(5n, 0)).toBe('5');
    expect(scaledDigits(0n, 3)).toBe('0.000');
    expect(scaledDigits(100n, 2)).toBe('1.00');
  });
});
