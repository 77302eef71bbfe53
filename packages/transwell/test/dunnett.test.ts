import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { describe, expect, it } from 'vitest';
import { dunnettCdf, dunnettTest } from '../src/index.js';

// Dunnett (1955) blood counts (millions of cells/mm³); scipy.stats.dunnett documentation example.
const control = [7.4, 8.5, 7.2, 8.24, 9.84, 8.32];
const drugA = [9.76, 8.8, 7.68, 9.36];
const drugB = [12.8, 9.68, 12.16, 9.2, 10.55];
const blood = [
  { name: 'control', values: control },
  { name: 'drug A', values: drugA },
  { name: 'drug B', values: drugB },
];

describe('dunnettTest', () => {
  it('matches R multcomp::glht on the Dunnett (1955) blood counts', () => {
    // Reference values from scipy/stats/tests/test_multicomp.py (TestDunnett, case 2, computed with
    // R multcomp glht): statistic 0.85703, 3.69375; two-sided p 0.6201020, 0.0058254;
    // greater 0.3249776, 0.0029139; less 0.91676, 0.99984. scipy's documented example gives 0.620, 0.0059 (QMC).
    const two = dunnettTest(blood, 'control');
    expect(two.df).toBe(12);
    expect(two.comparisons.map((c) => c.group)).toEqual(['drug A', 'drug B']);
    expect(two.comparisons[0]!.statistic).toBeCloseTo(0.85703, 5);
    expect(two.comparisons[1]!.statistic).toBeCloseTo(3.69375, 5);
    expect(two.comparisons[0]!.pValue).toBeCloseTo(0.620102, 5);
    expect(two.comparisons[1]!.pValue).toBeCloseTo(0.0058254, 6);
    const greater = dunnettTest(blood, 'control', { alternative: 'greater' });
    expect(greater.comparisons[0]!.pValue).toBeCloseTo(0.3249776, 6);
    expect(greater.comparisons[1]!.pValue).toBeCloseTo(0.0029139, 6);
    const less = dunnettTest(blood, 'control', { alternative: 'less' });
    expect(less.comparisons[0]!.pValue).toBeCloseTo(0.91676, 4);
    expect(less.comparisons[1]!.pValue).toBeCloseTo(0.99984, 4);
  });

  it('matches R multcomp::glht with five unequal groups (one of size 1)', () => {
    // scipy/stats/tests/test_multicomp.py TestDunnett case 1 (R multcomp glht):
    // statistic 5.27356 2.91270 0.60831 0.27002 0.96637; two-sided p <1e-4 0.02237 0.97913 0.99953 0.86583
    // (multcomp's own error bound is 1e-3); greater 0.011217 0.768500 0.896991 0.577211 for groups 2..5.
    const ctrl = [
      18, 15, 18, 16, 17, 15, 14, 14, 14, 15, 15, 14, 15, 14, 22, 18, 21, 21, 10, 10, 11, 9, 25, 26, 17.5, 16, 15.5, 14.5,
      22, 22, 24, 22.5, 29, 24.5, 20, 18, 18.5, 17.5, 26.5, 13, 16.5, 13, 13, 13, 28, 27, 34, 31, 29, 27, 24, 23, 38, 36,
      25, 38, 26, 22, 36, 27, 27, 32, 28, 31,
    ];
    const groups = [
      { name: 'control', values: ctrl },
      { name: 't', values: [24, 27, 33, 32, 28, 19, 37, 31, 36, 36, 34, 38, 32, 38, 32] },
      { name: 'w', values: [26, 24, 26, 25, 29, 29.5, 16.5, 36, 44] },
      { name: 'x', values: [25, 27, 19] },
      { name: 'y', values: [25, 20] },
      { name: 'z', values: [28] },
    ];
    const two = dunnettTest(groups, 'control');
    const statistics = [5.27356, 2.9127, 0.60831, 0.27002, 0.96637];
    const pTwo = [1e-4, 0.02237, 0.97913, 0.99953, 0.86583];
    two.comparisons.forEach((c, i) => {
      expect(c.statistic).toBeCloseTo(statistics[i]!, 4);
      expect(Math.abs(c.pValue - pTwo[i]!)).toBeLessThan(1e-3);
    });
    expect(two.comparisons[0]!.pValue).toBeLessThan(1e-4);
    const greater = dunnettTest(groups, 'control', { alternative: 'greater' }).comparisons.slice(1);
    [0.011217, 0.7685, 0.896991, 0.577211].forEach((p, i) => expect(Math.abs(greater[i]!.pValue - p)).toBeLessThan(1e-4));
  });

  it('reduces to the two-sample t distribution with one comparison (second method)', () => {
    // With k = 1 the Dunnett statistic is a t statistic on ν df: P(|T| <= t) = 2·F_t(t; ν) − 1.
    for (const [t, df] of [
      [2.1, 7],
      [2.1, 2],
      [0.5, 1],
      [6, 30],
    ] as const) {
      const expected = 2 * tCdf(t, df) - 1;
      expect(dunnettCdf(t, [Math.SQRT1_2], df, 'two-sided')).toBeCloseTo(expected, 9);
    }
  });

  it('factorises when the comparisons are independent (λ → 0)', () => {
    // λᵢ = 0 and ν = ∞: P(max Tᵢ <= t) = Φ(t)^k; Φ(1.5) = 0.9331927987311419.
    expect(dunnettCdf(1.5, [0, 0], Number.POSITIVE_INFINITY, 'greater')).toBeCloseTo(0.9331927987311419 ** 2, 12);
  });

  it("agrees with Dunnett's (1955) one-sided table (ρ = 0.5, 3 comparisons, 10 df, 5 %: 2.34)", () => {
    const l = Math.SQRT1_2;
    expect(1 - dunnettCdf(2.34, [l, l, l], 10, 'greater')).toBeCloseTo(0.05, 2);
  });

  it('rejects an unknown control', () => {
    try {
      dunnettTest(blood, 'vehicle');
      expect.unreachable();
    } catch (e) {
      const err = e as { code: string; context: unknown; message: string };
      expect(err.code).toBe('TRANSWELL_UNKNOWN_CONDITION');
      expect(err.context).toEqual({ condition: 'vehicle', available: ['control', 'drug A', 'drug B'] });
      expect(err.message).toMatchInlineSnapshot(`"Dunnett's test: no group named 'vehicle'; available: control, drug A, drug B"`);
    }
  });
});
