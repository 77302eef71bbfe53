import jStat from 'jstat';
import { TranswellDataError } from '../errors.js';
import type { Group } from './alternative.js';
import { oneWayLayout } from './pooled-variance.js';

/** One pairwise comparison of {@link tukeyHsd}. */
export interface TukeyComparison {
  /** The later group in input order. */
  readonly a: string;
  /** The earlier group in input order. */
  readonly b: string;
  /** mean(a) − mean(b). */
  readonly difference: number;
  readonly lower: number;
  readonly upper: number;
  /** Family-wise adjusted p-value. */
  readonly pValue: number;
}

/** Result of {@link tukeyHsd}. */
export interface TukeyResult {
  readonly test: 'Tukey HSD';
  readonly df: number;
  readonly msWithin: number;
  readonly confidenceLevel: number;
  readonly comparisons: TukeyComparison[];
}

/**
 * Tukey's honest significant differences (Tukey–Kramer for unequal n), as R `TukeyHSD(aov(...))`:
 * for groups i < j, d = ȳⱼ − ȳᵢ, SE = √(MSW/2 · (1/nᵢ + 1/nⱼ)), q = |d|/SE, p = 1 − P_range(q; k, N − k),
 * interval d ± q_{conf}(k, N − k)·SE, with the studentized range distribution from jStat
 * (`jStat.tukey.cdf`/`inv`). Pairs are listed in R's order (2−1, 3−1, …, 3−2, …).
 *
 * @throws {TranswellDataError} `TRANSWELL_TOO_FEW_VALUES` with fewer than 2 groups or no error df;
 *   `TRANSWELL_CONSTANT_DATA` when the within-group variance is zero.
 * @example
 * tukeyHsd([{ name: 'L', values: [1, 2, 3] }, { name: 'H', values: [5, 6, 8] }]).comparisons[0].pValue;
 */
export function tukeyHsd(groups: readonly Group[], options: { readonly confidenceLevel?: number } = {}): TukeyResult {
  const confidenceLevel = options.confidenceLevel ?? 0.95;
  const layout = oneWayLayout(groups, 'Tukey HSD');
  if (layout.msWithin === 0) {
    throw new TranswellDataError('TRANSWELL_CONSTANT_DATA', 'Tukey HSD: zero variance within every group; the test is undefined', {
      groups: groups.length,
    });
  }
  const k = groups.length;
  const df = layout.dfWithin;
  const qCrit = jStat.tukey.inv(confidenceLevel, k, df);
  const comparisons: TukeyComparison[] = [];
  for (let i = 0; i < k; i += 1) {
    for (let j = i + 1; j < k; j += 1) {
      const difference = layout.means[j]! - layout.means[i]!;
      const se = Math.sqrt((layout.msWithin / 2) * (1 / layout.sizes[i]! + 1 / layout.sizes[j]!));
      const q = Math.abs(difference) / se;
      comparisons.push({
        a: layout.names[j]!,
        b: layout.names[i]!,
        difference,
        lower: difference - qCrit * se,
        upper: difference + qCrit * se,
        pValue: Math.min(1, Math.max(0, 1 - jStat.tukey.cdf(q, k, df))),
      });
    }
  }
  return { test: 'Tukey HSD', df, msWithin: layout.msWithin, confidenceLevel, comparisons };
}
