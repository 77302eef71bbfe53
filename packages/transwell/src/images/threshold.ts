/** Automatic threshold methods for {@link autoThreshold}. */
export type ThresholdMethod = 'otsu' | 'triangle' | 'li';

/** Bins of the histogram the automatic thresholds are computed on. */
export const THRESHOLD_BINS = 1024;

/**
 * Automatic threshold of a plane from its 1024-bin histogram over [min, max]. Pixels strictly
 * above the returned value are foreground.
 *
 * - `otsu`: maximises the between-class variance (Otsu 1979, IEEE Trans SMC 9:62).
 * - `triangle`: the bin farthest from the line joining the histogram peak to its far tail
 *   (Zack et al. 1977, J Histochem Cytochem 25:741); suits a small bright foreground.
 * - `li`: iterative minimum cross-entropy (Li & Tam 1998, Pattern Recognit Lett 19:771), as in
 *   scikit-image `threshold_li`.
 *
 * @returns the threshold in the units of `values`; the minimum when the plane is constant
 * @example
 * autoThreshold(new Float32Array([0, 0, 1, 1]), 'otsu'); // between 0 and 1
 */
export function autoThreshold(values: Float32Array, method: ThresholdMethod): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) {
      lo = v;
    }
    if (v > hi) {
      hi = v;
    }
  }
  if (!(hi > lo)) {
    return lo;
  }
  const bins = THRESHOLD_BINS;
  const width = (hi - lo) / bins;
  const hist = new Float64Array(bins);
  for (let i = 0; i < values.length; i++) {
    let b = Math.floor((values[i]! - lo) / width);
    b = b >= bins ? bins - 1 : b;
    hist[b]!++;
  }
  // Index k means "foreground is bins > k"; the value is the upper edge of bin k.
  const k = method === 'otsu' ? otsuBin(hist) : method === 'triangle' ? triangleBin(hist) : liBin(hist);
  return lo + (k + 1) * width;
}

function otsuBin(hist: Float64Array): number {
  let total = 0;
  let sumAll = 0;
  for (let i = 0; i < hist.length; i++) {
    total += hist[i]!;
    sumAll += i * hist[i]!;
  }
  let weightBack = 0;
  let sumBack = 0;
  let best = -1;
  let bestK = 0;
  let bestLastK = 0;
  for (let k = 0; k < hist.length - 1; k++) {
    weightBack += hist[k]!;
    sumBack += k * hist[k]!;
    const weightFore = total - weightBack;
    if (weightBack === 0 || weightFore === 0) {
      continue;
    }
    const meanBack = sumBack / weightBack;
    const meanFore = (sumAll - sumBack) / weightFore;
    const between = weightBack * weightFore * (meanBack - meanFore) ** 2;
    if (between > best * (1 + 1e-12)) {
      best = between;
      bestK = k;
      bestLastK = k;
    } else if (between >= best * (1 - 1e-12)) {
      bestLastK = k;
    }
  }
  // Empty bins between two classes give a plateau of equal scores: take its middle.
  return Math.floor((bestK + bestLastK) / 2);
}

function triangleBin(hist: Float64Array): number {
  let peak = 0;
  let first = -1;
  let last = 0;
  for (let i = 0; i < hist.length; i++) {
    if (hist[i]! > hist[peak]!) {
      peak = i;
    }
    if (hist[i]! > 0) {
      if (first < 0) {
        first = i;
      }
      last = i;
    }
  }
  // Work on the longer tail side of the peak.
  const toHigh = last - peak >= peak - first;
  const end = toHigh ? last : first;
  const dx = end - peak;
  const dy = -hist[peak]!;
  let best = -1;
  let bestK = peak;
  const step = toHigh ? 1 : -1;
  for (let i = peak; i !== end; i += step) {
    // Distance from (i, hist[i]) to the line through (peak, hist[peak]) and (end, 0), unnormalised.
    const d = Math.abs(dy * (i - peak) - dx * (hist[i]! - hist[peak]!));
    if (d > best) {
      best = d;
      bestK = i;
    }
  }
  return toHigh ? bestK : Math.max(bestK - 1, 0);
}

function liBin(hist: Float64Array): number {
  // Bin centres shifted to be positive (log needs it): value of bin i is i + 1.
  let total = 0;
  let sum = 0;
  for (let i = 0; i < hist.length; i++) {
    total += hist[i]!;
    sum += (i + 1) * hist[i]!;
  }
  let t = sum / total;
  for (let iter = 0; iter < 200; iter++) {
    let nb = 0;
    let sb = 0;
    for (let i = 0; i + 1 <= t && i < hist.length; i++) {
      nb += hist[i]!;
      sb += (i + 1) * hist[i]!;
    }
    const nf = total - nb;
    if (nb === 0 || nf === 0) {
      break;
    }
    const mb = sb / nb;
    const mf = (sum - sb) / nf;
    const next = (mf - mb) / (Math.log(mf) - Math.log(mb));
    if (Math.abs(next - t) < 0.5) {
      t = next;
      break;
    }
    t = next;
  }
  return Math.min(Math.max(Math.floor(t) - 1, 0), hist.length - 2);
}

/**
 * Robust background level and pixel noise of a plane: the median of the values, and the SD of
 * the noise from the differences of pixels `lag` apart along rows, 1.4826 × MAD(diff) ÷ √2. With
 * a lag beyond the smoothing's reach, neighbouring noise is independent, a smooth residual
 * gradient cancels in the difference, and the minority of differences that cross an object edge
 * do not move the median. Planes over 2^20 pixels are sampled on every other row. Histograms of
 * 4096 bins.
 *
 * @example
 * robustNoise(plane, 1024, 1024, 4); // { median, sd }
 */
export function robustNoise(values: Float32Array, width: number, height: number, lag: number): { median: number; sd: number } {
  const rowStep = width * height > 1 << 20 ? 2 : 1;
  const rows = Math.ceil(height / rowStep);
  const sample = new Float32Array(rows * width);
  const perRow = Math.max(0, width - lag);
  const diffs = new Float32Array(rows * perRow);
  let k = 0;
  let j = 0;
  for (let y = 0; y < height; y += rowStep) {
    const row = y * width;
    sample.set(values.subarray(row, row + width), k);
    k += width;
    for (let x = 0; x < perRow; x++) {
      diffs[j++] = Math.abs(values[row + x + lag]! - values[row + x]!);
    }
  }
  const median = histogramMedian(sample);
  return { median, sd: diffs.length === 0 ? 0 : (1.4826 * histogramMedian(diffs)) / Math.SQRT2 };
}

function histogramMedian(values: Float32Array): number {
  const count = values.length;
  if (count === 0) {
    return 0;
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < count; k++) {
    const v = values[k]!;
    if (v < lo) {
      lo = v;
    }
    if (v > hi) {
      hi = v;
    }
  }
  if (!(hi > lo)) {
    return lo;
  }
  const bins = 4096;
  const width = (hi - lo) / bins;
  const hist = new Uint32Array(bins);
  for (let k = 0; k < count; k++) {
    let b = Math.floor((values[k]! - lo) / width);
    b = b >= bins ? bins - 1 : b;
    hist[b]!++;
  }
  const half = count / 2;
  let acc = 0;
  for (let b = 0; b < bins; b++) {
    const next = acc + hist[b]!;
    if (next >= half) {
      // Linear interpolation inside the bin.
      return lo + (b + (half - acc) / Math.max(hist[b]!, 1)) * width;
    }
    acc = next;
  }
  return hi;
}
