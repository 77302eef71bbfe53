/** Where {@link findValley} splits a one-dimensional distribution. */
export interface Valley {
  /** Threshold on the (transformed) scale the values were given in. */
  readonly threshold: number;
  /** Events strictly below / at or above the threshold. */
  readonly below: number;
  readonly above: number;
  /** Smoothed density at the valley ÷ the lower of the two peaks beside it (0 = empty gap). */
  readonly depth: number;
}

/** Tuning of {@link findValley}. */
export interface FindValleyOptions {
  /** Histogram bins over the finite range of the values. */
  readonly bins: number;
  /** Box-blur radius (bins) of the three smoothing passes. */
  readonly smoothRadius: number;
  /** A valley must fall to at most this fraction of the lower of the highest peaks on each side. */
  readonly maxDepth: number;
  /** Each side of a valley needs at least this many events. */
  readonly minEvents: number;
}

/** Defaults of {@link FindValleyOptions}. */
export const FIND_VALLEY_DEFAULTS: FindValleyOptions = { bins: 256, smoothRadius: 2, maxDepth: 0.5, minEvents: 10 };

function smooth(h: Float64Array, radius: number): Float64Array {
  let cur = h;
  for (let pass = 0; pass < 3; pass++) {
    const out = new Float64Array(cur.length);
    for (let i = 0; i < cur.length; i++) {
      let s = 0;
      let n = 0;
      for (let j = Math.max(0, i - radius); j <= Math.min(cur.length - 1, i + radius); j++) {
        s += cur[j]!;
        n++;
      }
      out[i] = s / n;
    }
    cur = out;
  }
  return cur;
}

/**
 * Finds the valley that best splits a (transformed) distribution into a lower and an upper cluster:
 * a histogram of `bins` bins over the finite values, smoothed by three box-blur passes; every bin
 * whose smoothed density is at most `maxDepth` × the lower of the highest densities on its left and
 * right, with at least `minEvents` events on each side, is a candidate; the candidate with the
 * largest between-class variance (Otsu's criterion) picks the trough, and the threshold is the middle
 * of the trough's lowest run of bins. Returns `null` when no bin qualifies (a unimodal distribution).
 * NaN and infinite values are ignored. O(n + bins²).
 *
 * @example
 * findValley(Float64Array.from([1, 1.1, 0.9, 1, 5, 5.1, 4.9, 5]), { ...FIND_VALLEY_DEFAULTS, minEvents: 2 })?.threshold; // ≈ 3
 */
export function findValley(values: ArrayLike<number>, options: FindValleyOptions = FIND_VALLEY_DEFAULTS): Valley | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      lo = v < lo ? v : lo;
      hi = v > hi ? v : hi;
    }
  }
  if (!(hi > lo)) {
    return null;
  }
  const nb = options.bins;
  const width = (hi - lo) / nb;
  const counts = new Float64Array(nb);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      counts[Math.min(nb - 1, Math.floor((v - lo) / width))]!++;
    }
  }
  const h = smooth(counts, options.smoothRadius);
  const leftMax = new Float64Array(nb);
  const rightMax = new Float64Array(nb);
  const cum = new Float64Array(nb + 1);
  const cumX = new Float64Array(nb + 1);
  for (let i = 0; i < nb; i++) {
    leftMax[i] = Math.max(i > 0 ? leftMax[i - 1]! : 0, h[i]!);
    cum[i + 1] = cum[i]! + counts[i]!;
    cumX[i + 1] = cumX[i]! + counts[i]! * (i + 0.5);
  }
  for (let i = nb - 1; i >= 0; i--) {
    rightMax[i] = Math.max(i < nb - 1 ? rightMax[i + 1]! : 0, h[i]!);
  }
  const total = cum[nb]!;
  const qualifies = (i: number): boolean =>
    i > 0 &&
    i < nb - 1 &&
    h[i]! <= options.maxDepth * Math.min(leftMax[i - 1]!, rightMax[i + 1]!) &&
    cum[i]! >= options.minEvents &&
    total - cum[i + 1]! >= options.minEvents;
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 1; i < nb - 1; i++) {
    if (!qualifies(i)) {
      continue;
    }
    // Otsu between-class variance of a split at the start of bin i.
    const w0 = cum[i]!;
    const w1 = total - w0;
    const m0 = cumX[i]! / w0;
    const m1 = (cumX[nb]! - cumX[i]!) / w1;
    const score = w0 * w1 * (m0 - m1) * (m0 - m1);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  if (best < 0) {
    return null;
  }
  // The trough around the chosen bin; its lowest run of bins; the run's middle.
  let a = best;
  let b = best;
  while (a > 1 && qualifies(a - 1)) {
    a--;
  }
  while (b < nb - 2 && qualifies(b + 1)) {
    b++;
  }
  let minH = Infinity;
  for (let i = a; i <= b; i++) {
    minH = Math.min(minH, h[i]!);
  }
  const tol = minH * 1e-9 + 1e-12;
  let runStart = -1;
  let bestRun: [number, number] | null = null;
  for (let i = a; i <= b + 1; i++) {
    const low = i <= b && h[i]! <= minH + tol;
    if (low && runStart < 0) {
      runStart = i;
    } else if (!low && runStart >= 0) {
      if (bestRun === null || i - runStart > bestRun[1] - bestRun[0] + 1) {
        bestRun = [runStart, i - 1];
      }
      runStart = -1;
    }
  }
  bestRun ??= [best, best];
  const threshold = lo + ((bestRun[0] + bestRun[1] + 1) / 2) * width;
  let below = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v) && v < threshold) {
      below++;
    }
  }
  const depth = minH / Math.min(leftMax[a - 1]!, rightMax[b + 1]!);
  return { threshold, below, above: total - below, depth };
}
