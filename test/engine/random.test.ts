import { describe, expect, it } from 'vitest';
import { createRandom, RANDOM_GENERATOR } from '../../src/engine/random.js';

// The oracle: mulberry32 as Tommy Ettinger wrote it in C, on unsigned 32-bit integers, here in
// BigInt arithmetic reduced modulo 2^32 (no Math.imul, no >>> tricks):
//   z = (state += 0x6D2B79F5); z = (z ^ (z >> 15)) * (z | 1); z ^= z + (z ^ (z >> 7)) * (z | 61);
//   return z ^ (z >> 14);
const M = 2n ** 32n;
function* mulberry32(seed: number): Generator<number> {
  let state = BigInt(seed);
  for (;;) {
    state = (state + 0x6d2b79f5n) % M;
    let z = state;
    z = ((z ^ (z >> 15n)) * (z | 1n)) % M;
    z = (z ^ ((z + (z ^ (z >> 7n)) * (z | 61n)) % M)) % M;
    yield Number(z ^ (z >> 14n)) / 4294967296;
  }
}

describe('createRandom', () => {
  it('is mulberry32, number for number, for several seeds', () => {
    expect(RANDOM_GENERATOR).toBe('mulberry32');
    for (const seed of [0, 1, 7, 42, 123456789, 0x7fffffff, 0x80000000, 0xffffffff]) {
      const random = createRandom(seed);
      const oracle = mulberry32(seed);
      for (let i = 0; i < 50; i++) expect(random.next(), `seed ${seed}, draw ${i}`).toBe(oracle.next().value);
    }
  });

  it('gives numbers in [0, 1), the same for the same seed and others for another', () => {
    const a = createRandom(99);
    const b = createRandom(99);
    const c = createRandom(100);
    const drawsA = Array.from({ length: 200 }, () => a.next());
    expect(Array.from({ length: 200 }, () => b.next())).toEqual(drawsA);
    expect(Array.from({ length: 200 }, () => c.next())).not.toEqual(drawsA);
    for (const x of drawsA) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('takes every integer seed from 0 to 2^32 - 1 and refuses the rest', () => {
    expect(() => createRandom(0)).not.toThrow();
    expect(() => createRandom(4294967295)).not.toThrow();
    for (const seed of [-1, 4294967296, 1.5, Number.NaN, Infinity])
      expect(() => createRandom(seed)).toThrow(new RangeError(`seed must be an integer from 0 to 4294967295: ${seed}`));
  });
});
