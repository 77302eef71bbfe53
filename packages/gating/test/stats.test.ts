import { createRng } from '@tamkit/core';
import * as ss from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { populationStats } from '../src/stats/population-stats.js';

describe('populationStats: hand-derived cases', () => {
  it('computes every statistic of 1, 2, 3, 4', () => {
    const s = populationStats(new Float32Array([4, 1, 3, 2]), null, { percentiles: [25, 84.13] });
    expect(s).toMatchObject({ eventCount: 4, count: 4, nanCount: 0, infiniteCount: 0, nonPositiveCount: 0 });
    expect(s.mean).toBe(2.5);
    expect(s.median).toBe(2.5);
    // Type 7: h = (n − 1)·p: P25 → h = 0.75 → 1 + 0.75·(2 − 1) = 1.75; P84.13 → h = 2.5239 → 3.5239.
    expect(s.percentiles['25']).toBe(1.75);
    expect(s.percentiles['84.13']).toBeCloseTo(3.5239, 12);
    // Squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, over n − 1 = 3: SD = √(5/3).
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(s.cv).toBeCloseTo((100 * Math.sqrt(5 / 3)) / 2.5, 12);
    // Geometric mean (1·2·3·4)^(1/4) = 24^(1/4).
    expect(s.geometricMean).toBeCloseTo(24 ** 0.25, 14);
    // |x − 2.5| = 1.5, 0.5, 0.5, 1.5 → MAD = 1 → robust SD = 1.4826.
    expect(s.robustSd).toBeCloseTo(1.4826, 14);
    // P84.13 − P15.87 = 3.5239 − 1.4761 = 2.0478; rCV = 100·½·2.0478/2.5 = 40.956.
    expect(s.robustCv).toBeCloseTo(40.956, 10);
    expect(s.min).toBe(1);
    expect(s.max).toBe(4);
  });

  it('skips and counts NaN, infinities and (for the geometric mean) values <= 0', () => {
    const values = new Float64Array([NaN, -2, 0, 4, Infinity, 16, 5]);
    const mask = new Uint8Array([1, 1, 1, 1, 1, 1, 0]);
    const s = populationStats(values, mask);
    expect(s).toMatchObject({ eventCount: 6, count: 4, nanCount: 1, infiniteCount: 1, nonPositiveCount: 2 });
    expect(s.mean).toBe(4.5); // (−2 + 0 + 4 + 16)/4
    expect(s.geometricMean).toBeCloseTo(8, 14); // √(4·16), values <= 0 left out
    expect(s.min).toBe(-2);
    expect(s.max).toBe(16);
    expect(Object.keys(s.percentiles)).toEqual(['5', '25', '50', '75', '95']);
  });

  it('compensated sums keep the mean exact where a plain sum loses it', () => {
    // 1e16 + 1 + 1 − 1e16 = 2 (a plain left-to-right sum gives 0 after sorting: −1e16, 1, 1, 1e16).
    expect(populationStats(new Float64Array([1e16, 1, 1, -1e16]), null).mean).toBe(0.5);
  });
});

describe('populationStats: edge cases', () => {
  it('empty mask: counts 0, statistics NaN', () => {
    const s = populationStats(new Float64Array([1, 2]), new Uint8Array(2), { percentiles: [50] });
    expect(s).toMatchObject({ eventCount: 0, count: 0, nanCount: 0 });
    for (const v of [s.mean, s.median, s.sd, s.cv, s.robustSd, s.robustCv, s.geometricMean, s.min, s.max, s.percentiles['50']]) {
      expect(v).toBeNaN();
    }
  });

  it('one event: location statistics equal it, SD undefined, robust SD 0', () => {
    const s = populationStats(new Float64Array([7]), null);
    expect([s.mean, s.median, s.min, s.max, s.percentiles['95']]).toEqual([7, 7, 7, 7, 7]);
    expect(s.geometricMean).toBeCloseTo(7, 14);
    expect(s.sd).toBeNaN();
    expect(s.robustSd).toBe(0);
  });

  it('all NaN: counted, statistics NaN', () => {
    const s = populationStats(new Float32Array([NaN, NaN]), null);
    expect(s).toMatchObject({ eventCount: 2, count: 0, nanCount: 2 });
    expect(s.mean).toBeNaN();
  });

  it('all values <= 0: geometric mean NaN with every value counted', () => {
    const s = populationStats(new Float64Array([-1, 0, -3]), null);
    expect(s.geometricMean).toBeNaN();
    expect(s.nonPositiveCount).toBe(3);
    expect(s.mean).toBeCloseTo(-4 / 3, 14);
  });

  it('median 0 or mean 0 gives NaN robust CV and CV', () => {
    const s = populationStats(new Float64Array([-1, 0, 1]), null);
    expect(s.cv).toBeNaN();
    expect(s.robustCv).toBeNaN();
  });

  it('rejects a mask of the wrong length and percentiles outside 0..100', () => {
    expect(() => populationStats(new Float64Array(3), new Uint8Array(2))).toThrow(RangeError);
    expect(() => populationStats(new Float64Array(3), null, { percentiles: [101] })).toThrow(RangeError);
  });
});

describe('populationStats agrees with simple-statistics on random data', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}: log-normal-ish values with a random mask`, () => {
      const rng = createRng(seed);
      const n = 50 + rng.nextInt(2000);
      const values = new Float64Array(n);
      const mask = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        values[i] = Math.exp(3 + rng.normal()) - 5;
        mask[i] = rng.next() < 0.7 ? 1 : 0;
      }
      const picked = Array.from(values).filter((_, i) => mask[i] === 1);
      const positive = picked.filter((v) => v > 0);
      const s = populationStats(values, mask, { percentiles: [1, 15.87, 50, 84.13, 99] });
      const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));
      expect(s.count).toBe(picked.length);
      expect(rel(s.mean, ss.mean(picked))).toBeLessThan(1e-12);
      expect(rel(s.sd, ss.sampleStandardDeviation(picked))).toBeLessThan(1e-12);
      expect(rel(s.median, ss.median(picked))).toBeLessThan(1e-15);
      for (const p of [1, 15.87, 50, 84.13, 99]) {
        expect(rel(s.percentiles[String(p)]!, ss.quantile(picked, p / 100))).toBeLessThan(1e-12);
      }
      expect(rel(s.robustSd, 1.4826 * ss.medianAbsoluteDeviation(picked))).toBeLessThan(1e-12);
      // ss.geometricMean multiplies the values and overflows for n ~ 1000: its logAverage does not.
      expect(rel(s.geometricMean, ss.logAverage(positive))).toBeLessThan(1e-10);
      expect(s.nonPositiveCount).toBe(picked.length - positive.length);
      expect(s.min).toBe(ss.min(picked));
      expect(s.max).toBe(ss.max(picked));
    });
  }
});

describe('geometric mean against simple-statistics geometricMean (small positive samples)', () => {
  it('agrees where the product does not overflow', () => {
    const rng = createRng(99);
    const v = Array.from({ length: 40 }, () => 1 + 100 * rng.next());
    const s = populationStats(Float64Array.from(v), null);
    expect(Math.abs(s.geometricMean - ss.geometricMean(v)) / s.geometricMean).toBeLessThan(1e-12);
  });
});
