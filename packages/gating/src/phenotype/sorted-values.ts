import type { Column, Mask } from '@tamkit/core';

/**
 * The finite values of `values` inside `mask` (all events when `mask` is null), copied into a new
 * ascending `Float64Array`, and the number of non-finite values skipped. O(n log n).
 *
 * @throws {RangeError} when the mask length differs from the column length.
 */
export function sortedFinite(
  values: Column,
  mask: Mask | null,
): { sorted: Float64Array; skipped: number } {
  if (mask !== null && mask.length !== values.length) {
    throw new RangeError(`mask length ${mask.length} differs from column length ${values.length}`);
  }
  const out = new Float64Array(values.length);
  let n = 0;
  let skipped = 0;
  for (let i = 0; i < values.length; i++) {
    if (mask !== null && mask[i] !== 1) {
      continue;
    }
    const v = values[i]!;
    if (Number.isFinite(v)) {
      out[n++] = v;
    } else {
      skipped++;
    }
  }
  return { sorted: out.slice(0, n).sort(), skipped };
}

/**
 * Quantile of ascending values by linear interpolation between order statistics: Hyndman & Fan
 * (1996) definition 7, the default of R's `quantile` and numpy's `percentile`:
 * h = (n − 1)·p, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) with 0-based x. NaN when empty.
 *
 * @param p probability in [0, 1].
 * @throws {RangeError} when p is outside [0, 1].
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
  }
  const n = sorted.length;
  if (n === 0) {
    return Number.NaN;
  }
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

/** Median of ascending values (definition 7 at p = 0.5: the middle value or the mean of the two). */
export function medianSorted(sorted: ArrayLike<number>): number {
  return quantileSorted(sorted, 0.5);
}

/** Scale factor making the MAD a consistent estimator of σ for normal data: 1 / Φ⁻¹(3/4). */
export const MAD_TO_SD = 1.4826;

/**
 * Robust SD (rSD) = 1.4826 × median(|x − median(x)|), the scaled median absolute deviation
 * (Rousseeuw & Croux 1993, J. Am. Stat. Assoc. 88:1273). NaN when empty.
 */
export function robustSdSorted(sorted: Float64Array): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const med = medianSorted(sorted);
  const dev = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    dev[i] = Math.abs(sorted[i]! - med);
  }
  dev.sort();
  return MAD_TO_SD * medianSorted(dev);
}
