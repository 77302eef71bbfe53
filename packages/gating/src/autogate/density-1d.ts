import { gaussianKde, silvermanBandwidth } from '../phenotype/kde-valley.js';

/** A Gaussian KDE of ascending values on an even grid, with its main mode. */
export interface Density1d {
  readonly grid: Float64Array;
  readonly density: Float64Array;
  readonly bandwidth: number;
  /** Grid index of the highest density. */
  readonly modeIndex: number;
  /** Position of the highest density. */
  readonly mode: number;
}

/** Grid points of the density estimates of the pre-gates. */
export const DENSITY_GRID_SIZE = 512;

/**
 * Gaussian KDE (linear binning, Silverman bandwidth times `bandwidthFactor`, floored at
 * `minBandwidth`) of ascending values, and its highest mode.
 */
export function density1d(sorted: Float64Array, bandwidthFactor = 1, minBandwidth = 0): Density1d {
  const bandwidth = Math.max(silvermanBandwidth(sorted) * bandwidthFactor, minBandwidth, 1e-9);
  const { grid, density } = gaussianKde(sorted, bandwidth, DENSITY_GRID_SIZE);
  let modeIndex = 0;
  for (let g = 1; g < density.length; g++) {
    if (density[g]! > density[modeIndex]!) {
      modeIndex = g;
    }
  }
  return { grid, density, bandwidth, modeIndex, mode: grid[modeIndex]! };
}

/**
 * Standard deviation of the main mode estimated from its half width at half maximum on one side:
 * σ = HWHM / √(2 ln 2) (exact for a normal peak). `side` -1 looks left of the mode, +1 right.
 * The side away from a neighbouring population gives the cleaner estimate.
 */
export function modeSigma(d: Density1d, side: -1 | 1): number {
  const half = d.density[d.modeIndex]! / 2;
  let g = d.modeIndex;
  while (g + side >= 0 && g + side < d.grid.length && d.density[g]! > half) {
    g += side;
  }
  const hwhm = Math.abs(d.grid[g]! - d.mode);
  return Math.max(hwhm, d.bandwidth) / Math.sqrt(2 * Math.LN2);
}

/** A valley found below the main mode. */
export interface LowerValley {
  /** Position of the density minimum (NaN when none qualifies). */
  readonly value: number;
  /** Height of the highest density left of the valley, minus the valley density, over the main mode's density. */
  readonly prominence: number;
}

/**
 * The deepest valley left of `limit` (a position below the main mode): among local minima g of the
 * density with grid position < limit, the one maximising `max(density left of g) − density(g)`. It
 * counts when that prominence reaches `minProminence` × the main mode's density and the valley is
 * at most `maxDepthRatio` × the left peak.
 */
export function lowerValley(
  d: Density1d,
  limit: number,
  minProminence: number,
  maxDepthRatio: number,
): LowerValley {
  const { grid, density } = d;
  const top = density[d.modeIndex]!;
  let best = -1;
  let bestProminence = 0;
  let leftMax = density[0]!;
  for (let g = 1; g < grid.length - 1 && grid[g]! < limit; g++) {
    leftMax = Math.max(leftMax, density[g - 1]!);
    const v = density[g]!;
    if (v <= density[g - 1]! && v < density[g + 1]!) {
      const prominence = leftMax - v;
      if (prominence > bestProminence && v <= maxDepthRatio * leftMax) {
        bestProminence = prominence;
        best = g;
      }
    }
  }
  if (best < 0 || bestProminence < minProminence * top) {
    return { value: Number.NaN, prominence: bestProminence / top };
  }
  return { value: grid[best]!, prominence: bestProminence / top };
}
