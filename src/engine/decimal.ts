// Exact rational arithmetic for printed averages and percentages. Binary floating point cannot
// hold 0.075 or 0.145, so `toFixed` rounds such exact halves the wrong way (3/40 printed +0.07);
// a published table is reproduced only when the halves are decided on the exact value.

/** A fraction in lowest terms with a positive denominator. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

export const ROUNDINGS = ['half-away-from-zero', 'half-up', 'half-even'] as const;
/** half-away-from-zero: 0.075 -> 0.08, -0.075 -> -0.08; half-up (toward +inf): -0.075 -> -0.07; half-even: 0.085 -> 0.08. */
export type Rounding = (typeof ROUNDINGS)[number];

const abs = (value: bigint): bigint => (value < 0n ? -value : value);

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function ratio(num: bigint, den = 1n): Ratio {
  if (den === 0n) throw new RangeError('a ratio with denominator 0');
  if (den < 0n) [num, den] = [-num, -den];
  const divisor = gcd(num, den) || 1n;
  return { num: num / divisor, den: den / divisor };
}

/**
 * The decimal a number was written as (0.1 is 1/10, not the binary double nearest it): the
 * shortest text that reads back as the number, taken digit by digit.
 */
export function fromNumber(value: number): Ratio {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value))!;
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return exponent >= 0 ? ratio(digits * 10n ** BigInt(exponent)) : ratio(digits, 10n ** BigInt(-exponent));
}

export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den + b.num * a.den, a.den * b.den);
export const subtract = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den - b.num * a.den, a.den * b.den);
export const multiply = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.num, a.den * b.den);
export const divide = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den, a.den * b.num);
export const toNumber = (r: Ratio): number => Number(r.num) / Number(r.den);
export const ratioText = (r: Ratio): string => (r.den === 1n ? String(r.num) : `${r.num}/${r.den}`);

/** The mean of several ratios. */
export function meanOf(values: readonly Ratio[]): Ratio {
  let sum = ratio(0n);
  for (const value of values) sum = add(sum, value);
  return divide(sum, ratio(BigInt(values.length)));
}

/** r x 10^decimals rounded to an integer, exact halves decided by `rounding`. */
export function roundScaled(r: Ratio, decimals: number, rounding: Rounding): bigint {
  const scaled = r.num * 10n ** BigInt(decimals);
  const quotient = scaled / r.den; // truncates toward zero
  const remainder = abs(scaled % r.den);
  const negative = scaled < 0n;
  const twice = 2n * remainder;
  if (twice < r.den) return quotient;
  const away = negative ? quotient - 1n : quotient + 1n;
  if (twice > r.den) return away;
  if (rounding === 'half-away-from-zero') return away;
  if (rounding === 'half-up') return negative ? quotient : away;
  return quotient % 2n === 0n ? quotient : away;
}

/** A scaled integer as decimal text without its sign: 8n, 2 -> "0.08". */
export function scaledDigits(scaled: bigint, decimals: number): string {
  const digits = abs(scaled)
    .toString()
    .padStart(decimals + 1, '0');
  return decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
