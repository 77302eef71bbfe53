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
