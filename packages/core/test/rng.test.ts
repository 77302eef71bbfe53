import { describe, expect, it } from 'vitest';
import { createRng, sampleIndices } from '../src/index.js';

describe('createRng', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('draws uniform values in [0, 1) with the moments of U(0,1)', () => {
    const rng = createRng(1);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      outside += x >= 0 && x < 1 ? 0 : 1;
      sum += x;
      sumSq += x * x;
    }
    expect(outside).toBe(0);
    // U(0,1): mean 1/2, variance 1/12; 5 standard errors of slack.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sumSq / n - (sum / n) ** 2 - 1 / 12)).toBeLessThan(0.002);
  });

  it('draws standard normal deviates', () => {
    const rng = createRng(3);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let within1 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
      within1 += Math.abs(z) < 1 ? 1 : 0;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.015);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.02);
    // P(|Z| < 1) = 0.682689 (standard normal table).
    expect(Math.abs(within1 / n - 0.682689)).toBeLessThan(0.005);
  });

  it('rejects a non-finite seed and a bad nextInt bound', () => {
    expect(() => createRng(Number.NaN)).toThrow(TypeError);
    expect(() => createRng(1).nextInt(0)).toThrow(RangeError);
  });
});

describe('sampleIndices', () => {
  it('returns k distinct ascending positions below n', () => {
    const idx = sampleIndices(1000, 100, createRng(5));
    expect(idx.length).toBe(100);
    for (let i = 1; i < idx.length; i++) {
      expect(idx[i]!).toBeGreaterThan(idx[i - 1]!);
    }
    expect(idx[idx.length - 1]!).toBeLessThan(1000);
  });

  it('returns everything when k >= n, nothing when k = 0', () => {
    expect(Array.from(sampleIndices(4, 10, createRng(1)))).toEqual([0, 1, 2, 3]);
    expect(sampleIndices(4, 0, createRng(1)).length).toBe(0);
  });

  it('selects each position with probability k/n', () => {
    const counts = new Array<number>(10).fill(0);
    const rng = createRng(11);
    for (let r = 0; r < 20_000; r++) {
      for (const i of sampleIndices(10, 3, rng)) {
        counts[i]!++;
      }
    }
    for (const c of counts) {
      expect(Math.abs(c / 20_000 - 0.3)).toBeLessThan(0.02);
    }
  });
});
