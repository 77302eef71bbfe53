import ttest2 from '@stdlib/stats-ttest2';
import { TranswellDataError } from '../errors.js';
import { checkAlternative, type Alternative } from './alternative.js';

/** Options of {@link tTest}. */
export interface TTestOptions {
  /** `'unequal'` = Welch (default), `'equal'` = Student's pooled-variance test. */
  readonly variance?: 'unequal' | 'equal';
  readonly alternative?: Alternative;
  /** Confidence level of the interval for mean(x) − mean(y); default 0.95. */
  readonly confidenceLevel?: number;
}

/** Result of a two-sample t-test. */
export interface TTestResult {
  readonly test: "Welch two-sample t-test" | "Student two-sample t-test";
  readonly alternative: Alternative;
  /** t = (mean(x) − mean(y)) / SE. */
  readonly statistic: number;
  /** Degrees of freedom (Welch–Satterthwaite for Welch, nx + ny − 2 for Student). */
  readonly df: number;
  readonly pValue: number;
  readonly meanX: number;
  readonly meanY: number;
  /** mean(x) − mean(y). */
  readonly difference: number;
  /** Confidence interval of the difference; the open side of a one-sided test is `null` (unbounded, kept JSON-safe). */
  readonly ci: readonly [number | null, number | null];
  readonly confidenceLevel: number;
}

export const T_TEST_DEFAULTS: Required<TTestOptions> = {
  variance: 'unequal',
  alternative: 'two-sided',
  confidenceLevel: 0.95,
};

/**
 * Two-sample t-test of mean(x) − mean(y) = 0 (p-values from `@stdlib/stats-ttest2`).
 * Welch (default): SE = √(sx²/nx + sy²/ny), df = SE⁴ / ((sx²/nx)²/(nx−1) + (sy²/ny)²/(ny−1)).
 * Student: SE = sp·√(1/nx + 1/ny), sp² = ((nx−1)sx² + (ny−1)sy²)/(nx+ny−2), df = nx+ny−2.
 * Welch is the default because migration counts rarely have equal variances across conditions and
 * Welch loses little power when they do.
 *
 * @throws {TranswellDataError} `TRANSWELL_TOO_FEW_VALUES` when a sample has fewer than 2 values;
 *   `TRANSWELL_CONSTANT_DATA` when both samples have zero variance.
 * @example
 * tTest([0.7, -1.6, -0.2], [1.9, 0.8, 1.1]).pValue;
 */
export function tTest(x: readonly number[], y: readonly number[], options: TTestOptions = {}): TTestResult {
  const o = { ...T_TEST_DEFAULTS, ...options };
  const alternative = checkAlternative(o.alternative);
  if (x.length < 2 || y.length < 2) {
    throw new TranswellDataError(
      'TRANSWELL_TOO_FEW_VALUES',
      `t-test needs at least 2 values per sample, got ${x.length} and ${y.length}`,
      { nx: x.length, ny: y.length },
    );
  }
  const r = ttest2([...x], [...y], { alternative, variance: o.variance, alpha: 1 - o.confidenceLevel });
  if (!Number.isFinite(r.statistic)) {
    throw new TranswellDataError('TRANSWELL_CONSTANT_DATA', 'both samples have zero variance; a t-test is undefined', {
      nx: x.length,
      ny: y.length,
    });
  }
  const bound = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) ? null : v);
  const ci: [number | null, number | null] = [bound(r.ci[0]), bound(r.ci[1])];
  return {
    test: o.variance === 'unequal' ? 'Welch two-sample t-test' : 'Student two-sample t-test',
    alternative,
    statistic: r.statistic,
    df: r.df,
    pValue: r.pValue,
    meanX: r.xmean,
    meanY: r.ymean,
    difference: r.xmean - r.ymean,
    ci,
    confidenceLevel: o.confidenceLevel,
  };
}

/** Welch two-sample t-test ({@link tTest} with `variance: 'unequal'`). @example welchTTest([1, 2, 3], [4, 5, 7]) */
export function welchTTest(x: readonly number[], y: readonly number[], options: Omit<TTestOptions, 'variance'> = {}): TTestResult {
  return tTest(x, y, { ...options, variance: 'unequal' });
}

/** Student (pooled-variance) two-sample t-test ({@link tTest} with `variance: 'equal'`). @example studentTTest([1, 2, 3], [4, 5, 7]) */
export function studentTTest(x: readonly number[], y: readonly number[], options: Omit<TTestOptions, 'variance'> = {}): TTestResult {
  return tTest(x, y, { ...options, variance: 'equal' });
}
