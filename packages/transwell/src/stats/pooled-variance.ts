import { fsum } from '@tamkit/core';
import { TranswellDataError } from '../errors.js';
import type { Group } from './alternative.js';

/** Per-group means and the pooled within-group variance of a one-way layout. */
export interface OneWayLayout {
  readonly names: string[];
  readonly sizes: number[];
  readonly means: number[];
  readonly grandMean: number;
  /** Σ nᵢ(meanᵢ − grand mean)². */
  readonly ssBetween: number;
  /** Σᵢ Σⱼ (xᵢⱼ − meanᵢ)². */
  readonly ssWithin: number;
  /** N − k. */
  readonly dfWithin: number;
  /** ssWithin / (N − k), the pooled variance. */
  readonly msWithin: number;
}

/** Computes the one-way layout; throws when there are fewer than 2 groups or no error df. */
export function oneWayLayout(groups: readonly Group[], testName: string): OneWayLayout {
  if (groups.length < 2) {
    throw new TranswellDataError('TRANSWELL_TOO_FEW_VALUES', `${testName} needs at least 2 groups, got ${groups.length}`, {
      groups: groups.length,
    });
  }
  for (const g of groups) {
    if (g.values.length === 0) {
      throw new TranswellDataError('TRANSWELL_TOO_FEW_VALUES', `${testName}: group '${g.name}' has no values`, {
        group: g.name,
      });
    }
  }
  const sizes = groups.map((g) => g.values.length);
  const means = groups.map((g) => fsum(g.values) / g.values.length);
  const N = sizes.reduce((a, b) => a + b, 0);
  const grandMean = fsum(groups.flatMap((g) => g.values)) / N;
  const ssBetween = fsum(means.map((m, i) => sizes[i]! * (m - grandMean) ** 2));
  const ssWithin = fsum(groups.flatMap((g, i) => g.values.map((v) => (v - means[i]!) ** 2)));
  const dfWithin = N - groups.length;
  if (dfWithin < 1) {
    throw new TranswellDataError(
      'TRANSWELL_TOO_FEW_VALUES',
      `${testName}: ${N} values in ${groups.length} groups leave no error degrees of freedom; expected replicates`,
      { values: N, groups: groups.length },
    );
  }
  return {
    names: groups.map((g) => g.name),
    sizes,
    means,
    grandMean,
    ssBetween,
    ssWithin,
    dfWithin,
    msWithin: ssWithin / dfWithin,
  };
}
