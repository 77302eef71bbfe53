import fCdf from '@stdlib/stats-base-dists-f-cdf';
import jStat from 'jstat';
import { TranswellDataError } from '../errors.js';
import type { Group } from './alternative.js';

/** Mean, variance and size of each group, checked for the unequal-variance tests. */
function describe(groups: readonly Group[], testName: string): { names: string[]; n: number[]; mean: number[]; variance: number[] } {
  if (groups.length < 2) {
    throw new TranswellDataError('TRANSWELL_TOO_FEW_VALUES', `${testName} needs at least 2 groups, got ${groups.length}`, { groups: groups.length });
  }
  const n = groups.map((g) => g.values.length);
  const mean = groups.map((g) => g.values.reduce((a, b) => a + b, 0) / g.values.length);
  const variance = groups.map((g, i) => g.values.reduce((a, v) => a + (v - mean[i]!) ** 2, 0) / (g.values.length - 1));
  groups.forEach((g, i) => {
    if (n[i]! < 2) {
      throw new TranswellDataError('TRANSWELL_TOO_FEW_VALUES', `${testName}: group '${g.name}' has ${n[i]} value(s); each group needs at least 2 for its own variance`, { group: g.name });
    }
    if (!(variance[i]! > 0)) {
      throw new TranswellDataError('TRANSWELL_CONSTANT_DATA', `${testName}: group '${g.name}' has zero variance; the test weights groups by 1/variance`, { group: g.name });
    }
  });
  return { names: groups.map((g) => g.name), n, mean, variance };
}

/** Result of {@link welchAnova}. */
export interface WelchAnovaResult {
  readonly test: "Welch's ANOVA";
  readonly statistic: number;
  readonly df1: number;
  /** Fractional denominator degrees of freedom. */
  readonly df2: number;
  readonly pValue: number;
}

/**
 * Welch's one-way ANOVA for unequal variances (Welch 1951; R `oneway.test(var.equal = FALSE)`):
 * with wᵢ = nᵢ/sᵢ², W = Σwᵢ, the weighted mean m = Σwᵢȳᵢ/W and Λ = Σ (1 − wᵢ/W)²/(nᵢ − 1),
 * F = [Σ wᵢ(ȳᵢ − m)²/(k − 1)] / [1 + 2(k − 2)Λ/(k² − 1)], df1 = k − 1, df2 = (k² − 1)/(3Λ),
 * p = P(F(df1, df2) ≥ F). With two groups it is Welch's t-test (F = t²).
 *
 * @throws {TranswellDataError} `TRANSWELL_TOO_FEW_VALUES` with fewer than 2 groups or a group of fewer
 *   than 2 values; `TRANSWELL_CONSTANT_DATA` for a group with zero variance.
 * @example welchAnova([{ name: 'a', values: [1, 2, 3] }, { name: 'b', values: [4, 6, 9] }]).df1 // 1
 */
export function welchAnova(groups: readonly Group[]): WelchAnovaResult {
  const { n, mean, variance } = describe(groups, "Welch's ANOVA");
  const k = groups.length;
  const w = n.map((ni, i) => ni / variance[i]!);
  const W = w.reduce((a, b) => a + b, 0);
  const m = w.reduce((a, wi, i) => a + wi * mean[i]!, 0) / W;
  const lambda = w.reduce((a, wi, i) => a + (1 - wi / W) ** 2 / (n[i]! - 1), 0);
  const a = w.reduce((s, wi, i) => s + wi * (mean[i]! - m) ** 2, 0) / (k - 1);
  const statistic = a / (1 + (2 * (k - 2) * lambda) / (k * k - 1));
  const df1 = k - 1;
  const df2 = (k * k - 1) / (3 * lambda);
  return { test: "Welch's ANOVA", statistic, df1, df2, pValue: Number.isFinite(statistic) ? 1 - fCdf(statistic, df1, df2) : 0 };
}

/** One pair of {@link gamesHowell}: the same fields as a Tukey comparison, with its own SE and df. */
export interface GamesHowellComparison {
  /** The later group in input order. */
  readonly a: string;
  /** The earlier group in input order. */
  readonly b: string;
  /** mean(a) − mean(b). */
  readonly difference: number;
  readonly se: number;
  /** Welch–Satterthwaite degrees of freedom of the pair. */
  readonly df: number;
  readonly lower: number;
  readonly upper: number;
  /** Family-wise adjusted p-value. */
  readonly pValue: number;
}

/** Result of {@link gamesHowell}. */
export interface GamesHowellResult {
  readonly test: 'Games-Howell';
  readonly confidenceLevel: number;
  readonly comparisons: GamesHowellComparison[];
}

/**
 * Games–Howell pairwise comparisons (Games & Howell 1976), Tukey's test without equal variances: for
 * groups i < j, d = ȳⱼ − ȳᵢ, vᵢ = sᵢ²/nᵢ, SE = √(vᵢ + vⱼ), df = (vᵢ + vⱼ)²/(vᵢ²/(nᵢ − 1) + vⱼ²/(nⱼ − 1)),
 * p = 1 − P_range(√2·|d|/SE; k, df), interval d ± q_conf(k, df)·SE/√2 (jStat's studentized range).
 * Pairs are in R's order (2−1, 3−1, …, 3−2, …). With two groups p is Welch's two-sided p.
 *
 * @throws {TranswellDataError} as {@link welchAnova}.
 * @example gamesHowell(groups).comparisons.filter((c) => c.pValue < 0.05)
 */
export function gamesHowell(groups: readonly Group[], options: { readonly confidenceLevel?: number } = {}): GamesHowellResult {
  const confidenceLevel = options.confidenceLevel ?? 0.95;
  const { names, n, mean, variance } = describe(groups, 'Games-Howell');
  const k = groups.length;
  const comparisons: GamesHowellComparison[] = [];
  for (let i = 0; i < k; i += 1) {
    for (let j = i + 1; j < k; j += 1) {
      const vi = variance[i]! / n[i]!;
      const vj = variance[j]! / n[j]!;
      const se = Math.sqrt(vi + vj);
      const df = (vi + vj) ** 2 / (vi ** 2 / (n[i]! - 1) + vj ** 2 / (n[j]! - 1));
      const difference = mean[j]! - mean[i]!;
      const half = (jStat.tukey.inv(confidenceLevel, k, df) * se) / Math.SQRT2;
      comparisons.push({
        a: names[j]!,
        b: names[i]!,
        difference,
        se,
        df,
        lower: difference - half,
        upper: difference + half,
        pValue: Math.min(1, Math.max(0, 1 - jStat.tukey.cdf((Math.SQRT2 * Math.abs(difference)) / se, k, df))),
      });
    }
  }
  return { test: 'Games-Howell', confidenceLevel, comparisons };
}
