import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatrix, evaluateRecord, ratio, roundScaled, type Rounding } from '../../src/engine/index.js';
import { makeRecord, matrixFrom, type EventSpec } from '../helpers/build.js';
import { readFileSync } from 'node:fs';

// Exact halves that binary floating point rounds the wrong way, checked against an oracle that
// works differently from the code: long division, digit by digit, then the digit after the last.
function oracle(num: bigint, den: bigint, decimals: number, rounding: Rounding): string {
  const negative = num < 0n !== den < 0n && num !== 0n;
  let n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const whole = n / d;
  n %= d;
  const digits: number[] = [];
  for (let i = 0; i <= decimals; i++) {
    n *= 10n;
    digits.push(Number(n / d));
    n %= d;
  }
  const next = digits.pop()!;
  const rest = n !== 0n;
  let text = `${whole}${digits.join('')}`;
  const last = Number(text[text.length - 1]);
  const up =
    next > 5 ||
    (next === 5 && rest) ||
    (next === 5 && !rest && (rounding === 'half-away-from-zero' || (rounding === 'half-up' && !negative) || (rounding === 'half-even' && last % 2 === 1)));
  if (up) text = (BigInt(text) + 1n).toString();
  text = text.padStart(decimals + 1, '0');
  const shown = decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
  return /^[0.]*$/.test(shown) ? shown : `${negative ? '-' : ''}${shown}`;
}

const text = (scaled: bigint, decimals: number): string => {
  const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const shown = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return `${scaled < 0n ? '-' : ''}${shown}`;
};

describe('exact rounding', () => {
  it.each([
    [3n, 40n, 2, 'half-away-from-zero', '0.08'],
    [29n, 200n, 2, 'half-away-from-zero', '0.15'],
    [83n, 200n, 2, 'half-away-from-zero', '0.42'],
    [-3n, 40n, 2, 'half-away-from-zero', '-0.08'],
    [-3n, 40n, 2, 'half-up', '-0.07'],
    [3n, 40n, 2, 'half-up', '0.08'],
    [17n, 200n, 2, 'half-even', '0.08'],
    [3n, 40n, 2, 'half-even', '0.08'],
    [289n, 20n, 1, 'half-away-from-zero', '14.5'],
  ] as const)('%d/%d to %d decimals, %s: %s', (num, den, decimals, rounding, expected) => {
    expect(oracle(num, den, decimals, rounding)).toBe(expected);
    expect(text(roundScaled(ratio(num, den), decimals, rounding), decimals)).toBe(expected);
  });

  it('is what binary floating point gets wrong on these halves', () => {
    expect((3 / 40).toFixed(2)).toBe('0.07');
    expect((29 / 200).toFixed(2)).toBe('0.14');
    expect((14.45).toFixed(1)).toBe('14.4');
  });

  it('agrees with the long-division oracle on any fraction, decimals and rounding', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -100000n, max: 100000n }),
        fc.bigInt({ min: 1n, max: 5000n }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom<Rounding>('half-away-from-zero', 'half-up', 'half-even'),
        (num, den, decimals, rounding) => {
          const got = text(roundScaled(ratio(num, den), decimals, rounding), decimals);
          const expected = oracle(num, den, decimals, rounding);
          return got === expected || (/^-?[0.]+$/.test(got) && got.replace('-', '') === expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('averages and percentages of the compliance grid on exact halves', () => {
  const definition = matrixFrom(readFileSync(new URL('../../matrices/g20-compliance.yaml', import.meta.url), 'utf8'));

  /** One member with `full` +1 cells, `none` -1 cells and the rest 0, over `count` commitments. */
  function memberRow(count: number, full: number, none: number, grid: Partial<NonNullable<typeof definition.grid>> = {}) {
    const events: EventSpec[] = [];
    for (let i = 0; i < count; i++) {
      events.push({ id: `c${i}`, type: 'commitment', actors: ['US'] });
      if (i < full) events.push({ id: `f${i}`, type: 'report', actors: ['US'], links: { fulfils: [`c${i}`] } });
      else if (i >= full + none) events.push({ id: `p${i}`, type: 'report', actors: ['US'], fields: { extent: 'partial' }, links: { fulfils: [`c${i}`] } });
    }
    const matrix = compileMatrix({ ...definition, grid: { ...definition.grid!, ...grid } });
    return evaluateRecord(matrix, { ...makeRecord(events), parties: ['US'] }, { explain: false }).grid!.byParty[0]!;
  }

  it.each([
    // cells, +1 cells, -1 cells, exact average, printed average, printed percent (50 x (S + 1), exact)
    [40, 3, 0, '3/40', '+0.08', '54%'], // 0.075 -> +0.08; P = 53.75 -> 54
    [200, 29, 0, '29/200', '+0.15', '57%'], // 0.145; P = 57.25
    [200, 83, 0, '83/200', '+0.42', '71%'], // 0.415; P = 70.75
    [40, 0, 3, '-3/40', '\u22120.08', '46%'], // -0.075; P = 46.25
  ])('%d cells, %d at +1 and %d at −1: %s prints %s and %s', (count, full, none, fraction, average, percent) => {
    const row = memberRow(count, full, none);
    expect([row.fraction, row.averageText, row.percentText]).toEqual([fraction, average, percent]);
  });

  it('rounds −0.075 toward +infinity under half-up', () => {
    expect(memberRow(40, 0, 3, { rounding: 'half-up' }).averageText).toBe('\u22120.07');
  });

  it('rounds an exact half of a percentage on its exact value: 14.45 % to one decimal is 14.5 %', () => {
    // 289 cells at +1, 1711 at -1: normalised mean 289/2000, P = 14.45 exactly.
    const row = memberRow(2000, 289, 1711, { percentDecimals: 1 });
    expect([row.percentText, row.percent]).toEqual(['14.5%', 14.5]);
    expect((100 * (289 / 2000)).toFixed(1)).not.toBe('14.5');
  });

  it('rounds a half percent with two decimals: 50.075 % is 50.08 %', () => {
    // 3 cells at +1 of 2000: S = 3/2000, P = 50 x (1 + 0.0015) = 50.075.
    const row = memberRow(2000, 3, 0, { percentDecimals: 2 });
    expect(row.percentText).toBe('50.08%');
  });
});
