import fCdf from '@stdlib/stats-base-dists-f-cdf';
import type { Group } from './alternative.js';
import { oneWayLayout } from './pooled-variance.js';

/** Result of {@link oneWayAnova}. */
export interface AnovaResult {
  readonly test: 'one-way ANOVA';
  /** F = (SSB/(k − 1)) / (SSW/(N − k)). */
  readonly statistic: number;
  readonly df1: number;
  readonly df2: number;
  readonly pValue: number;
  readonly ssBetween: number;
  readonly ssWithin: number;
  readonly msWithin: number;
  readonly groups: { readonly name: string; readonly n: number; readonly mean: number }[];
}

/**
 * One-way ANOVA (equal variances): F = MSB/MSW with MSB = Σ nᵢ(ȳᵢ − ȳ)²/(k − 1),
 * MSW = Σ Σ (yᵢⱼ − ȳᵢ)²/(N − k); p = P(F(k − 1, N − k) ≥ F).
 *
 * @throws {TranswellDataError} `TRANSWELL_TOO_FEW_VALUES` with fewer than 2 groups, an empty group or N ≤ k.
 * @example
 * oneWayAnova([{ name: 'a', values: [1, 2, 3] }, { name: 'b', values: [4, 5, 6] }]).statistic; // 13.5
 */
export function oneWayAnova(groups: readonly Group[]): AnovaResult {
  const layout = oneWayLayout(groups, 'one-way ANOVA');
  const df1 = groups.length - 1;
  const df2 = layout.dfWithin;
  const statistic = layout.ssBetween / df1 / layout.msWithin;
  return {
    test: 'one-way ANOVA',
    statistic,
    df1,
    df2,
    pValue: Number.isFinite(statistic) ? 1 - fCdf(statistic, df1, df2) : 0,
    ssBetween: layout.ssBetween,
    ssWithin: layout.ssWithin,
    msWithin: layout.msWithin,
    groups: layout.names.map((name, i) => ({ name, n: layout.sizes[i]!, mean: layout.means[i]! })),
  };
}
