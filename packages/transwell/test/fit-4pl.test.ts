import { createRng } from '@tamkit/core';
import { describe, expect, it } from 'vitest';
import { DoseResponseError, fit4pl } from '../src/index.js';

// drc::ryegrass (Inderjit et al. 2002): root length vs ferulic acid concentration (mM), 24 rows.
const conc = [0, 0, 0, 0, 0, 0, 0.94, 0.94, 0.94, 1.88, 1.88, 1.88, 3.75, 3.75, 3.75, 7.5, 7.5, 7.5, 15, 15, 15, 30, 30, 30];
const rootl = [
  7.58, 8, 8.328571429, 7.25, 7.375, 7.9625, 8.355555556, 6.914285714, 7.75, 6.871428571, 6.45, 5.922222222, 1.925,
  2.885714286, 4.233333333, 1.1875, 0.857142857, 1.057142857, 0.6875, 0.525, 0.825, 0.25, 0.22, 0.44,
];

const logistic = (x: number, bottom: number, top: number, ic50: number, hill: number): number =>
  bottom + (top - bottom) / (1 + (x / ic50) ** hill);

describe('fit4pl', () => {
  it('reproduces R drc::drm(rootl ~ conc, data = ryegrass, fct = LL.4())', () => {
    // drc summary(): b = 2.98222 (SE 0.46506), c = 0.48141 (0.21219), d = 7.79296 (0.18857),
    // e = 3.05795 (0.18573); residual standard error 0.5196256 on 20 df; coef() in drc's tests:
    // 2.98221907127508, 0.481413188446126, 7.7929582936999, 3.0579549665481.
    const fit = fit4pl(conc, rootl);
    expect(fit.direction).toBe('decreasing');
    expect(fit.potencyLabel).toBe('IC50');
    expect(fit.potency).toBeCloseTo(3.05795497, 5);
    expect(fit.hill.estimate).toBeCloseTo(2.98221907, 4);
    expect(fit.bottom.estimate).toBeCloseTo(0.48141319, 4);
    expect(fit.top.estimate).toBeCloseTo(7.79295829, 4);
    expect(fit.residualSd).toBeCloseTo(0.5196256, 6);
    expect(fit.df).toBe(20);
    // drc's standard errors come from the numerically differentiated Hessian of the RSS; ours from the
    // Gauss–Newton JᵀJ (Jacobian) covariance, which drops the residual-curvature term: they agree to ~2 %.
    expect(Math.abs(fit.potencySe / 0.18573 - 1)).toBeLessThan(0.02);
    expect(Math.abs(fit.hill.se / 0.46506 - 1)).toBeLessThan(0.02);
    expect(Math.abs(fit.top.se / 0.18857 - 1)).toBeLessThan(0.02);
    expect(Math.abs(fit.bottom.se / 0.21219 - 1)).toBeLessThan(0.02);
    // The Wald interval is symmetric on the log10 scale and contains the estimate.
    const [lo, hi] = fit.potencyCi;
    expect(Math.log10(fit.potency) - Math.log10(lo)).toBeCloseTo(Math.log10(hi) - Math.log10(fit.potency), 12);
    expect(lo).toBeLessThan(fit.potency);
    expect(fit.convergence.converged).toBe(true);
  });

  it('recovers known parameters exactly from noise-free data (decreasing, with dose 0)', () => {
    const doses = [0, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100];
    const y = doses.map((x) => logistic(x, 10, 90, 2, 1.5));
    const fit = fit4pl(doses, y);
    expect(fit.potency).toBeCloseTo(2, 8);
    expect(fit.hill.estimate).toBeCloseTo(1.5, 8);
    expect(fit.top.estimate).toBeCloseTo(90, 6);
    expect(fit.bottom.estimate).toBeCloseTo(10, 6);
    expect(fit.rSquared).toBeCloseTo(1, 12);
  });

  it('fits increasing (stimulation) curves and reports an EC50', () => {
    // y = 5 + 45/(1 + (0.7/x)^2): bottom at low dose, top at high dose.
    const doses = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30];
    const y = doses.map((x) => 5 + 45 / (1 + (0.7 / x) ** 2));
    const fit = fit4pl(doses, y);
    expect(fit.potencyLabel).toBe('EC50');
    expect(fit.potency).toBeCloseTo(0.7, 8);
    expect(fit.hill.estimate).toBeCloseTo(2, 8);
    expect(fit.top.estimate).toBeCloseTo(50, 6);
    expect(fit.bottom.estimate).toBeCloseTo(5, 6);
  });

  it('recovers parameters within tolerance from seeded noisy data, and the CI covers the truth', () => {
    const rng = createRng(20251201);
    const doses = [0.03, 0.1, 0.3, 1, 3, 10, 30, 100].flatMap((d) => [d, d, d]);
    let covered = 0;
    const runs = 20;
    for (let run = 0; run < runs; run += 1) {
      const y = doses.map((x) => logistic(x, 5, 100, 1.2, 1.1) + 3 * rng.normal());
      const fit = fit4pl(doses, y);
      expect(Math.abs(Math.log10(fit.potency / 1.2))).toBeLessThan(0.15);
      expect(Math.abs(fit.hill.estimate - 1.1)).toBeLessThan(0.35);
      if (fit.potencyCi[0] <= 1.2 && 1.2 <= fit.potencyCi[1]) {
        covered += 1;
      }
    }
    // 95 % intervals: 20 runs should cover the truth at least 16 times (binomial P(X <= 15) ≈ 0.016).
    expect(covered).toBeGreaterThanOrEqual(16);
  });

  it('honours weights: zero weight removes an outlier', () => {
    const doses = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100];
    const y = doses.map((x) => logistic(x, 0, 100, 1, 1));
    y[4] = 400;
    const weights = doses.map((_, i) => (i === 4 ? 0 : 1));
    const fit = fit4pl(doses, y, { weights });
    expect(fit.potency).toBeCloseTo(1, 6);
  });

  it('throws for fewer than 5 distinct doses and bad values', () => {
    try {
      fit4pl([1, 1, 2, 3, 4], [9, 8, 7, 5, 2]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DoseResponseError);
      const err = e as DoseResponseError;
      expect(err.code).toBe('DOSE_RESPONSE_TOO_FEW_DOSES');
      expect(err.context).toEqual({ distinctDoses: 4, n: 5 });
      expect(err.message).toMatchInlineSnapshot(`"4 distinct doses; expected at least 5 for a 4-parameter logistic fit"`);
    }
    expect(() => fit4pl([1, 2, 3, 4, -5], [1, 2, 3, 4, 5])).toThrow(expect.objectContaining({ code: 'DOSE_RESPONSE_BAD_VALUE' }));
    expect(() => fit4pl([1, 2], [1])).toThrow(RangeError);
  });

  it('throws DOSE_RESPONSE_NOT_CONVERGED when the curve is flat (no identifiable IC50)', () => {
    const doses = [0.1, 0.3, 1, 3, 10, 30];
    try {
      fit4pl(doses, doses.map(() => 5));
      expect.unreachable();
    } catch (e) {
      expect((e as DoseResponseError).code).toBe('DOSE_RESPONSE_NOT_CONVERGED');
    }
  });
});

describe('fit4pl with fixed parameters', () => {
  const doses = [0.1, 0.3, 1, 3, 10, 30];

  it('recovers the IC50 of exact data with bottom and top held at 0 and 100', () => {
    // y = 100 / (1 + x / 2): a standard-slope curve with IC50 2 between 0 and 100 %.
    const y = doses.map((x) => 100 / (1 + x / 2));
    const fit = fit4pl(doses, y, { fixed: { bottom: 0, top: 100 } });
    expect(fit.potency).toBeCloseTo(2, 6);
    expect(fit.hill.estimate).toBeCloseTo(1, 6);
    expect([fit.bottom, fit.top]).toEqual([
      { estimate: 0, se: 0, fixed: true },
      { estimate: 100, se: 0, fixed: true },
    ]);
    // Two fitted parameters: n − 2 residual degrees of freedom.
    expect([fit.df, fit.ciMethod]).toEqual([4, 'Wald interval on log10(IC50), t distribution with n - 2 df']);
    expect(fit.hill.fixed).toBeUndefined();
  });

  it('with only log10 IC50 free, matches a one-dimensional search and the hand-derived SE', () => {
    // Noisy % of control around the curve above; bottom 0, top 100, hill 1 held.
    const y = [96.1, 86.2, 68.9, 38.1, 18.2, 7.1, 94.8, 88.0, 65.2, 41.0, 15.9, 5.8];
    const x = [...doses, ...doses];
    const f = (c: number, xi: number): number => 100 / (1 + 10 ** (Math.log10(xi) - c));
    const sse = (c: number): number => x.reduce((s, xi, i) => s + (y[i]! - f(c, xi)) ** 2, 0);
    // Golden-section search for the SSE minimum over log10 IC50 in [-3, 3].
    let [lo, hi] = [-3, 3];
    const g = (Math.sqrt(5) - 1) / 2;
    for (let k = 0; k < 200; k++) {
      const a = hi - g * (hi - lo);
      const b = lo + g * (hi - lo);
      if (sse(a) < sse(b)) {
        hi = b;
      } else {
        lo = a;
      }
    }
    const c = (lo + hi) / 2;
    const fit = fit4pl(x, y, { fixed: { bottom: 0, top: 100, hill: 1 } });
    expect(fit.log10Potency.estimate).toBeCloseTo(c, 6);
    // SE(c) = √(s² / Σ (∂f/∂c)²), s² = SSE / (n − 1), ∂f/∂c = 100 · v(1 − v) · ln 10 with v = f/100.
    const s2 = sse(c) / (x.length - 1);
    const sumJ2 = x.reduce((s, xi) => {
      const v = f(c, xi) / 100;
      return s + (100 * v * (1 - v) * Math.LN10) ** 2;
    }, 0);
    expect(fit.log10Potency.se).toBeCloseTo(Math.sqrt(s2 / sumJ2), 6);
    expect(fit.df).toBe(11);
  });

  it('needs p + 1 distinct doses and a positive hill', () => {
    // One fitted parameter: two distinct doses are enough; four parameters need five.
    const two = fit4pl([1, 1, 4, 4], [60, 62, 30, 28], { fixed: { bottom: 0, top: 100, hill: 1 } });
    expect(two.df).toBe(3);
    expect(() => fit4pl([1, 2, 4, 8], [90, 70, 40, 20])).toThrow(expect.objectContaining({ code: 'DOSE_RESPONSE_TOO_FEW_DOSES' }) as Error);
    expect(() => fit4pl(doses, doses, { fixed: { hill: 0 } })).toThrow(RangeError);
    expect(() => fit4pl(doses, doses, { fixed: { top: Number.NaN } })).toThrow(RangeError);
  });
});
