import { createRng } from '@tamkit/core';
import { describe, expect, it } from 'vitest';
import {
  ThresholdError,
  roleFalsePositiveRate,
  sidakPercentile,
  thresholdFromControl,
  thresholdFromData,
} from '../src/index.js';

const f64 = (xs: number[]): Float64Array => Float64Array.from(xs);
const codes = (t: { warnings: readonly { code: string }[] }): string[] => t.warnings.map((w) => w.code);

function normalSample(seed: number, parts: { n: number; mean: number; sd: number }[]): Float64Array {
  const rng = createRng(seed);
  const out: number[] = [];
  for (const { n, mean, sd } of parts) {
    for (let i = 0; i < n; i++) {
      out.push(mean + sd * rng.normal());
    }
  }
  return Float64Array.from(out);
}

describe('thresholdFromControl', () => {
  it('takes the percentile by linear interpolation (Hyndman & Fan 7)', () => {
    // 0,1,2,3,4 at p = 0.9: h = 4 · 0.9 = 3.6 → x[3] + 0.6 · (x[4] − x[3]) = 3.6
    const t = thresholdFromControl(f64([4, 0, 3, 1, 2]), null, { percentile: 90 });
    expect(t.value).toBeCloseTo(3.6, 12);
    expect(t).toMatchObject({ method: 'percentile', source: 'fmo', eventCount: 5, params: { percentile: 90 } });
  });

  it('uses 99.5 by default and warns when few control events lie above the cut-off', () => {
    // 1..1000 at p = 0.995: h = 999 · 0.995 = 994.005 → x[994] = 995, plus 0.005 · 1 = 995.005.
    // Only 1000 · 0.005 = 5 events lie above it (< 10).
    const t = thresholdFromControl(Float64Array.from({ length: 1000 }, (_, i) => i + 1), null, { source: 'isotype' });
    expect(t.value).toBeCloseTo(995.005, 9);
    expect(t.source).toBe('isotype');
    expect(codes(t)).toEqual(['THRESHOLD_FEW_CONTROL_EVENTS']);
  });

  it('respects the control mask and skips non-finite values', () => {
    const values = Float32Array.from([100, 0, 1, Number.NaN, 2, 3, 4]);
    const mask = Uint8Array.from([0, 1, 1, 1, 1, 1, 1]);
    const t = thresholdFromControl(values, mask, { percentile: 50 });
    expect(t.value).toBe(2); // median of 0,1,2,3,4
    expect(t.eventCount).toBe(5);
    expect(codes(t)).toContain('THRESHOLD_NON_FINITE');
  });

  it('throws THRESHOLD_NO_EVENTS on an empty control', () => {
    const run = (): unknown => thresholdFromControl(f64([1, Number.NaN]), Uint8Array.from([0, 1]));
    expect(run).toThrow(ThresholdError);
    try {
      run();
    } catch (e) {
      const err = e as ThresholdError;
      expect(err.code).toBe('THRESHOLD_NO_EVENTS');
      expect(err.context).toEqual({ source: 'fmo', eventCount: 0, nonFinite: 1 });
      expect(err.message).toMatchInlineSnapshot(`"fmo control has no finite value inside its mask (1 non-finite); expected at least one event"`);
    }
  });

  it('rejects percentiles outside (0, 100)', () => {
    expect(() => thresholdFromControl(f64([1]), null, { percentile: 100 })).toThrow(RangeError);
    expect(() => thresholdFromControl(f64([1, 2]), Uint8Array.from([1]))).toThrow(RangeError);
  });
});

describe('thresholdFromData: valley', () => {
  it('finds the midpoint of two equal modes, with Silverman bandwidth', () => {
    const t = thresholdFromData(f64([0, 0, 0, 0, 10, 10, 10, 10]), null, { method: 'valley' });
    // By symmetry the valley is at 5. Silverman: s = √(8·25/7) = 5.3452, IQR = 10 − 0 (q25 = 0,
    // q75 = 10 by definition 7), min(s, IQR/1.34 = 7.46) = 5.3452, h = 0.9 · 5.3452 · 8^(−1/5) = 3.1738.
    expect(t.value).toBeCloseTo(5, 9);
    expect(t.params['bandwidth']).toBeCloseTo(3.1738, 3);
    expect(t.source).toBe('data');
    expect(codes(t)).toEqual(['THRESHOLD_NO_CONTROL']);
  });

  it('matches the minimum of the exact kernel density between the modes', () => {
    const x = normalSample(11, [
      { n: 700, mean: 1, sd: 0.4 },
      { n: 300, mean: 3.5, sd: 0.5 },
    ]);
    const h = 0.3;
    const t = thresholdFromData(x, null, { method: 'valley', bandwidth: h });
    // Second algorithm: evaluate Σ φ((u − xᵢ)/h) directly on a fine grid between the modes.
    const density = (u: number): number => {
      let s = 0;
      for (const xi of x) {
        s += Math.exp(-0.5 * ((u - xi) / h) ** 2);
      }
      return s;
    };
    let best = 1;
    for (let u = 1; u <= 3.5; u += 0.001) {
      if (density(u) < density(best)) {
        best = u;
      }
    }
    expect(Math.abs(t.value - best)).toBeLessThan(0.02);
  });

  it('reports THRESHOLD_UNIMODAL and NaN for one normal population', () => {
    const t = thresholdFromData(normalSample(3, [{ n: 2000, mean: 2, sd: 0.5 }]), null, { method: 'valley' });
    expect(t.value).toBeNaN();
    expect(codes(t)).toEqual(['THRESHOLD_NO_CONTROL', 'THRESHOLD_UNIMODAL']);
  });

  it('treats constant data as unimodal', () => {
    const t = thresholdFromData(f64([2, 2, 2]), null);
    expect(t.value).toBeNaN();
    expect(codes(t)).toContain('THRESHOLD_UNIMODAL');
  });
});

describe('thresholdFromData: mixture', () => {
  it('puts the equal-posterior point of a symmetric mixture at the midpoint', () => {
    // Symmetric data and a symmetric start (25th/75th percentiles) keep the fit symmetric: w = ½,
    // equal SDs, so the posteriors are equal at (μ₁ + μ₂)/2 = 5.
    const t = thresholdFromData(f64([-1, 0, 1, 9, 10, 11]), null, { method: 'mixture' });
    expect(t.value).toBeCloseTo(5, 9);
    expect(codes(t)).toEqual(['THRESHOLD_NO_CONTROL']);
  });

  it('recovers the Bayes boundary of a known mixture', () => {
    const truth = [
      { w: 0.7, mean: 0, sd: 1 },
      { w: 0.3, mean: 4, sd: 0.5 },
    ];
    const x = normalSample(5, [
      { n: 14000, mean: 0, sd: 1 },
      { n: 6000, mean: 4, sd: 0.5 },
    ]);
    const t = thresholdFromData(x, null, { method: 'mixture' });
    // Second algorithm: bisection on w₁φ₁ − w₂φ₂ with the true parameters, between the means.
    const g = (u: number): number =>
      (truth[0]!.w / truth[0]!.sd) * Math.exp(-0.5 * ((u - truth[0]!.mean) / truth[0]!.sd) ** 2) -
      (truth[1]!.w / truth[1]!.sd) * Math.exp(-0.5 * ((u - truth[1]!.mean) / truth[1]!.sd) ** 2);
    let lo = 0;
    let hi = 4;
    for (let i = 0; i < 80; i++) {
      const mid = (lo + hi) / 2;
      if (g(mid) > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    expect(Math.abs(t.value - lo)).toBeLessThan(0.05);
    expect(t.params['converged']).toBe(true);
  });

  it('warns THRESHOLD_UNIMODAL when the fitted components overlap (Ashman D <= 2)', () => {
    const t = thresholdFromData(normalSample(8, [{ n: 3000, mean: 0, sd: 1 }]), null, { method: 'mixture' });
    expect(codes(t)).toContain('THRESHOLD_UNIMODAL');
  });

  it('throws THRESHOLD_NO_EVENTS with no finite value', () => {
    try {
      thresholdFromData(f64([Number.NaN]), null, { method: 'mixture' });
      expect.unreachable();
    } catch (e) {
      const err = e as ThresholdError;
      expect(err.code).toBe('THRESHOLD_NO_EVENTS');
      expect(err.context).toEqual({ source: 'data', eventCount: 0, nonFinite: 1 });
      expect(err.message).toMatchInlineSnapshot(`"sample has no finite value inside its mask (1 non-finite); expected at least one event"`);
    }
  });
});

describe('error-rate arithmetic', () => {
  // Second algorithm: enumerate all 2^n positive/negative patterns of n independent markers.
  const enumerate = (alpha: number, n: number, k: number): number => {
    let p = 0;
    for (let bits = 0; bits < 1 << n; bits++) {
      let pos = 0;
      for (let j = 0; j < n; j++) {
        pos += (bits >> j) & 1;
      }
      if (pos >= k) {
        p += alpha ** pos * (1 - alpha) ** (n - pos);
      }
    }
    return p;
  };

  it('gives 1 − 0.99³ ≈ 2.97% for any-of-3 at the 99th percentile', () => {
    expect(roleFalsePositiveRate(0.01, 3, 1)).toBeCloseTo(1 - 0.99 ** 3, 14);
    expect(roleFalsePositiveRate(0.01, 3, 1)).toBeCloseTo(0.029701, 6);
  });

  it('matches enumeration for every k of up to 6 markers', () => {
    for (let n = 1; n <= 6; n++) {
      for (let k = 1; k <= n; k++) {
        expect(roleFalsePositiveRate(0.005, n, k)).toBeCloseTo(enumerate(0.005, n, k), 14);
      }
    }
  });

  it('Šidák percentile keeps any-of-n at the family rate', () => {
    // 100 · 0.99^(1/3) = 99.66555 (hand: ln 0.99 = −0.0100503, /3 = −0.0033501, e^… = 0.9966555)
    expect(sidakPercentile(0.01, 3)).toBeCloseTo(99.66555, 4);
    const alpha = 1 - sidakPercentile(0.01, 4) / 100;
    expect(roleFalsePositiveRate(alpha, 4, 1)).toBeCloseTo(0.01, 12);
    expect(() => sidakPercentile(0, 3)).toThrow(RangeError);
    expect(() => roleFalsePositiveRate(0.01, 3, 4)).toThrow(RangeError);
  });
});
