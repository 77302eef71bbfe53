import type { Binned2d } from './bin-events.js';
import { base64, encodePngIndexed } from './png-thumbnail.js';

/** Viridis at 9 even stops (matplotlib's table, every 32nd entry), sRGB 0–255. */
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** Viridis colour of `t` in [0, 1], linearly interpolated between the stops. @example viridis(0) // [68, 1, 84] */
export function viridis(t: number): [number, number, number] {
  const u = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(u));
  const f = u - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  return [
    Math.round(a[0] + f * (b[0] - a[0])),
    Math.round(a[1] + f * (b[1] - a[1])),
    Math.round(a[2] + f * (b[2] - a[2])),
  ];
}

/** White, then viridis at 255 even steps from 0 to 1. */
const DENSITY_PALETTE: readonly (readonly [number, number, number])[] = [[255, 255, 255], ...Array.from({ length: 255 }, (_, i) => viridis(i / 254))];

/**
 * A 2-D histogram as a PNG `data:` URI, one pixel per bin, top row = highest y bin: colour = viridis of
 * log10(count) / log10(max count) (a bin of 1 event at the bottom of the scale, the fullest bin at the
 * top, in 255 steps: an 8-bit palette PNG), empty bins white. Drawing a density as one image instead of a heatmap trace is what keeps a
 * report of many samples fast to open (see docs/benchmarks-report.md).
 *
 * @example densityImageUri(bin2d([0.5], [0.5], { xRange: [0, 1], yRange: [0, 1], bins: 2 })).startsWith('data:image/png') // true
 */
export function densityImageUri(density: Binned2d): string {
  const { xBins: w, yBins: h } = density;
  let max = 0;
  for (const row of density.counts) {
    for (const c of row) {
      max = Math.max(max, c);
    }
  }
  const logMax = Math.log10(Math.max(max, 1));
  // Palette image: index 0 white (empty bins), 1..255 viridis from 0 to 1 (a third of RGB's bytes).
  const indices = new Uint8Array(w * h);
  for (let r = 0; r < h; r++) {
    const row = density.counts[r]!;
    const out = (h - 1 - r) * w;
    for (let c = 0; c < w; c++) {
      const n = row[c] ?? 0;
      if (n > 0) {
        indices[out + c] = 1 + Math.round((logMax > 0 ? Math.log10(n) / logMax : 1) * 254);
      }
    }
  }
  return `data:image/png;base64,${base64(encodePngIndexed({ indices, width: w, height: h, palette: DENSITY_PALETTE }))}`;
}
