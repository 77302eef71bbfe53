import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { TranswellDataError } from '../errors.js';
import { checkAlternative, type Alternative } from './alternative.js';
import { rankAverage } from './ranks.js';

/** Options of {@link mannWhitneyU}. */
export interface MannWhitneyOptions {
  readonly alternative?: Alternative;
  /**
   * `true` forces the exact null distribution, `false` the normal approximation; by default the exact
   * test is used when both samples have fewer than 50 values and there are no ties (as R `wilcox.test`).
   * The exact test is not available with ties (falls back to the normal approximation).
   */
  readonly exact?: boolean;
  /** Continuity correction of the normal approximation; default true. */
  readonly correct?: boolean;
}

/** Result of {@link mannWhitneyU}. */
export interface MannWhitneyResult {
  readonly test: 'Mann-Whitney U test';
  readonly alternative: Alternative;
  /** U of x = Σ ranks(x) − nx(nx+1)/2 (R's `W`): the number of pairs with x > y, ties counting ½. */
  readonly statistic: number;
  readonly pValue: number;
  /** `'exact'` or `'normal-approximation'` (tie-corrected variance; `continuityCorrection` says if ±½ was applied). */
  readonly method: 'exact' | 'normal-approximation';
  readonly tieCorrected: boolean;
  readonly continuityCorrection: boolean;
  readonly nx: number;
  readonly ny: number;
}

/**
 * Mann-Whitney U (Wilcoxon rank-sum) test of x vs y.
 * Exact: P-values from the permutation distribution of U, counted with the recursion
 * c(u; m, n) = c(u − n; m − 1, n) + c(u; m, n − 1); two-sided p = 2·min(P(U ≤ u), P(U ≥ u)) capped at 1
 * (R's rule). Normal approximation: z = (U − m n/2 − c) / σ with
 * σ² = (m n / 12)·((N + 1) − Σ(t³ − t)/(N(N − 1))) (t = tie sizes) and continuity correction c = ±½.
 *
 * @throws {TranswellDataError} `TRANSWELL_TOO_FEW_VALUES` when a sample is empty.
 * @example
 * mannWhitneyU([0.8, 0.83, 1.89], [1.15, 0.88]).method; // 'exact'
 */
export function mannWhitneyU(
  x: readonly number[],
  y: readonly number[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const alternative = checkAlternative(options.alternative ?? 'two-sided');
  const correct = options.correct ?? true;
  const m = x.length;
  const n = y.length;
  if (m === 0 || n === 0) {
    throw new TranswellDataError(
      'TRANSWELL_TOO_FEW_VALUES',
      `Mann-Whitney U needs at least 1 value per sample, got ${m} and ${n}`,
      { nx: m, ny: n },
    );
  }
  const { ranks, ties } = rankAverage([...x, ...y]);
  let rankSumX = 0;
  for (let i = 0; i < m; i += 1) {
    rankSumX += ranks[i]!;
  }
  const u = rankSumX - (m * (m + 1)) / 2;
  const useExact = (options.exact ?? (m < 50 && n < 50)) && ties.length === 0;
  const base = { test: 'Mann-Whitney U test' as const, alternative, statistic: u, nx: m, ny: n };
  if (useExact) {
    const freq = exactUDistribution(m, n);
    let total = 0;
    for (const f of freq) {
      total += f;
    }
    const cdf = (k: number): number => {
      let s = 0;
      for (let i = 0; i <= Math.min(k, freq.length - 1); i += 1) {
        s += freq[i]!;
      }
      return s / total;
    };
    const lower = cdf(u);
    const upper = 1 - cdf(u - 1);
    let p: number;
    if (alternative === 'less') {
      p = lower;
    } else if (alternative === 'greater') {
      p = upper;
    } else {
      p = Math.min(1, 2 * (u > (m * n) / 2 ? upper : lower));
    }
    return { ...base, pValue: p, method: 'exact', tieCorrected: false, continuityCorrection: false };
  }
  const N = m + n;
  const tieSum = ties.reduce((s, t) => s + t * t * t - t, 0);
  const sigma = Math.sqrt(((m * n) / 12) * (N + 1 - tieSum / (N * (N - 1))));
  let z = u - (m * n) / 2;
  let c = 0;
  if (correct) {
    c = alternative === 'two-sided' ? Math.sign(z) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
  }
  z = (z - c) / sigma;
  let p: number;
  if (alternative === 'less') {
    p = normalCdf(z, 0, 1);
  } else if (alternative === 'greater') {
    p = 1 - normalCdf(z, 0, 1);
  } else {
    p = 2 * Math.min(normalCdf(z, 0, 1), 1 - normalCdf(z, 0, 1));
  }
  return {
    ...base,
    pValue: Math.min(1, p),
    method: 'normal-approximation',
    tieCorrected: ties.length > 0,
    continuityCorrection: correct,
  };
}

/** Frequencies of U = 0..m·n under H0 (all C(m+n, m) rank arrangements equally likely). */
function exactUDistribution(m: number, n: number): Float64Array {
  // rows[j] holds c(·; i, j) for the current i; start with i = 0: c(0; 0, j) = 1.
  let rows: Float64Array[] = Array.from({ length: n + 1 }, () => Float64Array.of(1));
  for (let i = 1; i <= m; i += 1) {
    const next: Float64Array[] = [Float64Array.of(1)];
    for (let j = 1; j <= n; j += 1) {
      const cur = new Float64Array(i * j + 1);
      const a = rows[j]!; // c(·; i − 1, j), shifted by j
      const b = next[j - 1]!; // c(·; i, j − 1)
      for (let k = 0; k < cur.length; k += 1) {
        cur[k] = (k - j >= 0 && k - j < a.length ? a[k - j]! : 0) + (k < b.length ? b[k]! : 0);
      }
      next.push(cur);
    }
    rows = next;
  }
  return rows[n]!;
}
