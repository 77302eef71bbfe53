import kruskalTest from '@stdlib/stats-kruskal-test';
import { TranswellDataError } from '../errors.js';
import type { Group } from './alternative.js';

/** Result of {@link kruskalWallis}. */
export interface KruskalWallisResult {
  readonly test: 'Kruskal-Wallis rank sum test';
  /** Tie-corrected H, referred to χ²(k − 1). */
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

/**
 * Kruskal–Wallis rank-sum test (via `@stdlib/stats-kruskal-test`):
 * H = [12/(N(N+1)) Σ Rᵢ²/nᵢ − 3(N+1)] / [1 − Σ(t³ − t)/(N³ − N)], p = P(χ²(k − 1) ≥ H),
 * as R `kruskal.test`.
 *
 * @throws {TranswellDataError} `TRANSWELL_TOO_FEW_VALUES` with fewer than 2 groups or an empty group.
 * @example
 * kruskalWallis([{ name: 'a', values: [1, 2, 3] }, { name: 'b', values: [4, 5, 6] }]).pValue;
 */
export function kruskalWallis(groups: readonly Group[]): KruskalWallisResult {
  if (groups.length < 2 || groups.some((g) => g.values.length === 0)) {
    throw new TranswellDataError(
      'TRANSWELL_TOO_FEW_VALUES',
      `Kruskal-Wallis needs at least 2 non-empty groups, got ${groups.map((g) => g.values.length).join(', ') || 'none'}`,
      { sizes: groups.map((g) => g.values.length) },
    );
  }
  const values = groups.flatMap((g) => g.values);
  const labels = groups.flatMap((g, i) => g.values.map(() => i));
  const r = kruskalTest(values, { groups: labels });
  return { test: 'Kruskal-Wallis rank sum test', statistic: r.statistic, df: r.df, pValue: r.pValue };
}
