import { TranswellDataError } from '../errors.js';
import { checkAlternative, type Alternative, type Group } from './alternative.js';
import { dunnettCdf } from './dunnett-distribution.js';
import { oneWayLayout } from './pooled-variance.js';

/** One comparison of {@link dunnettTest}: a group against the control. */
export interface DunnettComparison {
  readonly group: string;
  /** mean(group) − mean(control). */
  readonly difference: number;
  /** t = difference / (s·√(1/n + 1/n₀)), s = pooled SD of all groups. */
  readonly statistic: number;
  /** Family-wise adjusted p-value (single-step, Dunnett 1955). */
  readonly pValue: number;
}

/** Result of {@link dunnettTest}. */
export interface DunnettResult {
  readonly test: "Dunnett's test";
  readonly control: string;
  readonly alternative: Alternative;
  /** Error degrees of freedom, N − k. */
  readonly df: number;
  readonly msWithin: number;
  readonly comparisons: DunnettComparison[];
}

/**
 * Dunnett's many-to-one test (single step, Dunnett 1955): each group against `control`, with the
 * pooled within-group variance of all groups (df = N − k) and p-values from the multivariate t
 * distribution with correlations ρᵢⱼ = √(nᵢnⱼ/((nᵢ + n₀)(nⱼ + n₀))), integrated numerically
 * ({@link dunnettCdf}). `'greater'`: groups above the control; `'less'`: below.
 *
 * @throws {TranswellDataError} `TRANSWELL_UNKNOWN_CONDITION` when `control` is not a group name;
 *   `TRANSWELL_TOO_FEW_VALUES` with no treatment group or no error df; `TRANSWELL_CONSTANT_DATA` when
 *   the within-group variance is zero.
 * @example
 * dunnettTest([{ name: 'ctrl', values: [7.4, 8.5, 7.2] }, { name: 'a', values: [9.8, 8.8, 7.7] }], 'ctrl');
 */
export function dunnettTest(
  groups: readonly Group[],
  control: string,
  options: { readonly alternative?: Alternative } = {},
): DunnettResult {
  const alternative = checkAlternative(options.alternative ?? 'two-sided');
  const ci = groups.findIndex((g) => g.name === control);
  if (ci < 0) {
    throw new TranswellDataError(
      'TRANSWELL_UNKNOWN_CONDITION',
      `Dunnett's test: no group named '${control}'; available: ${groups.map((g) => g.name).join(', ')}`,
      { condition: control, available: groups.map((g) => g.name) },
    );
  }
  const layout = oneWayLayout(groups, "Dunnett's test");
  if (layout.msWithin === 0) {
    throw new TranswellDataError('TRANSWELL_CONSTANT_DATA', "Dunnett's test: zero variance within every group; the test is undefined", {
      groups: groups.length,
    });
  }
  const s = Math.sqrt(layout.msWithin);
  const n0 = layout.sizes[ci]!;
  const m0 = layout.means[ci]!;
  const others = layout.names.map((_, i) => i).filter((i) => i !== ci);
  const lambdas = others.map((i) => Math.sqrt(layout.sizes[i]! / (layout.sizes[i]! + n0)));
  const df = layout.dfWithin;
  const comparisons = others.map((i) => {
    const difference = layout.means[i]! - m0;
    const statistic = difference / (s * Math.sqrt(1 / layout.sizes[i]! + 1 / n0));
    let pValue: number;
    if (alternative === 'two-sided') {
      pValue = 1 - dunnettCdf(Math.abs(statistic), lambdas, df, 'two-sided');
    } else if (alternative === 'greater') {
      pValue = 1 - dunnettCdf(statistic, lambdas, df, 'greater');
    } else {
      pValue = 1 - dunnettCdf(-statistic, lambdas, df, 'greater');
    }
    return { group: layout.names[i]!, difference, statistic, pValue: Math.min(1, Math.max(0, pValue)) };
  });
  return { test: "Dunnett's test", control, alternative, df, msWithin: layout.msWithin, comparisons };
}
