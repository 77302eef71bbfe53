import { quantileSorted } from './sorted-values.js';

/** Result of {@link kdeValley}: the valley position, or NaN when the density has one main mode. */
export interface KdeValley {
  readonly value: number;
  readonly bandwidth: number;
  /** Positions of the two main modes, ascending (one entry when unimodal). */
  readonly modes: readonly number[];
  /** Density at the valley divided by the density of the lower of the two modes (0..1). */
  readonly depthRatio: number;
}

/** Silverman's rule of thumb (1986, eq. 3.31): h = 0.9 · min(s, IQR / 1.34) · n^(−1/5). */
export function silvermanBandwidth(sorted: Float64Array): number {
  const n = sorted.length;
  if (n < 2) {
    return 0;
  }
  let mean = 0;
  for (let i = 0; i < n; i++) {
    mean += sorted[i]!;
  }
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    ss += (sorted[i]! - mean) ** 2;
  }
  const sd = Math.sqrt(ss / (n - 1));
  const iqr = (quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25)) / 1.34;
  const spread = iqr > 0 ? Math.min(sd, iqr) : sd;
  return 0.9 * spread * n ** -0.2;
}

/**
 * Gaussian kernel density of ascending values on an even grid of `gridSize` points, by linear binning
 * followed by a discrete convolution truncated at 4 bandwidths (Wand 1994, J. Comput. Graph. Stat.
 * 3:433). The grid spans the 0.1th to 99.9th percentiles widened by 3 bandwidths, so single outliers
 * do not coarsen it. O(n + gridSize · kernel width).
 */
export function gaussianKde(
  sorted: Float64Array,
  bandwidth: number,
  gridSize: number,
): { grid: Float64Array; density: Float64Array } {
  const lo = quantileSorted(sorted, 0.001) - 3 * bandwidth;
  const hi = quantileSorted(sorted, 0.999) + 3 * bandwidth;
  const step = (hi - lo) / (gridSize - 1);
  const weights = new Float64Array(gridSize);
  for (let i = 0; i < sorted.length; i++) {
    const pos = (sorted[i]! - lo) / step;
    const j = Math.floor(pos);
    if (j < 0 || j >= gridSize - 1) {
      continue;
    }
    const f = pos - j;
    weights[j]! += 1 - f;
    weights[j + 1]! += f;
  }
  const half = Math.min(gridSize - 1, Math.ceil((4 * bandwidth) / step));
  const kernel = new Float64Array(half + 1);
  const norm = 1 / (sorted.length * bandwidth * Math.sqrt(2 * Math.PI));
  for (let j = 0; j <= half; j++) {
    kernel[j] = norm * Math.exp(-0.5 * ((j * step) / bandwidth) ** 2);
  }
  const grid = new Float64Array(gridSize);
  const density = new Float64Array(gridSize);
  for (let g = 0; g < gridSize; g++) {
    grid[g] = lo + g * step;
    let d = weights[g]! * kernel[0]!;
    for (let j = 1; j <= half; j++) {
      const a = g - j;
      const b = g + j;
      d += ((a >= 0 ? weights[a]! : 0) + (b < gridSize ? weights[b]! : 0)) * kernel[j]!;
    }
    density[g] = d;
  }
  return { grid, density };
}

/**
 * The density valley between the two main modes of a Gaussian KDE of ascending values. The main
 * mode is the highest local maximum; the second is the local maximum with the largest prominence
 * over the minimum between it and the main mode (d(mode) − d(valley)). It counts only when that
 * prominence reaches `minProminence` × the main mode's density, which ignores ripples of the
 * estimate in sparse tails and on the flanks of a single population. The grid minimum is refined by
 * fitting a parabola through it and its neighbours.
 */
export function kdeValley(
  sorted: Float64Array,
  options: { bandwidth: number; gridSize: number; minProminence: number },
): KdeValley {
  const { bandwidth, gridSize, minProminence } = options;
  if (!(bandwidth > 0)) {
    return { value: Number.NaN, bandwidth, modes: sorted.length > 0 ? [sorted[0]!] : [], depthRatio: 1 };
  }
  const { grid, density } = gaussianKde(sorted, bandwidth, gridSize);
  const peaks: number[] = [];
  for (let g = 1; g < gridSize - 1; g++) {
    const d = density[g]!;
    // '>' on the left and '>=' on the right takes the first point of a flat top.
    if (d > density[g - 1]! && d >= density[g + 1]!) {
      peaks.push(g);
    }
  }
  let top = peaks[0];
  for (const p of peaks) {
    if (density[p]! > density[top!]!) {
      top = p;
    }
  }
  if (top === undefined) {
    return { value: Number.NaN, bandwidth, modes: [], depthRatio: 1 };
  }
  let second = -1;
  let valley = -1;
  let bestProminence = 0;
  for (const p of peaks) {
    if (p === top) {
      continue;
    }
    let v = Math.min(p, top);
    for (let g = v + 1; g <= Math.max(p, top); g++) {
      if (density[g]! < density[v]!) {
        v = g;
      }
    }
    const prominence = density[p]! - density[v]!;
    if (prominence > bestProminence) {
      bestProminence = prominence;
      second = p;
      valley = v;
    }
  }
  if (second < 0 || bestProminence < minProminence * density[top]!) {
    return { value: Number.NaN, bandwidth, modes: [grid[top]!], depthRatio: 1 };
  }
  const dm = density[valley - 1]!;
  const d0 = density[valley]!;
  const dp = density[valley + 1]!;
  const curvature = dp - 2 * d0 + dm;
  const offset = curvature > 0 ? (0.5 * (dm - dp)) / curvature : 0;
  const step = grid[1]! - grid[0]!;
  const left = Math.min(top, second);
  const right = Math.max(top, second);
  return {
    value: grid[valley]! + offset * step,
    bandwidth,
    modes: [grid[left]!, grid[right]!],
    depthRatio: d0 / Math.min(density[left]!, density[right]!),
  };
}
