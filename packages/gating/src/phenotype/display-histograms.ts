import { createRng, sampleIndices, type Mask } from '@tamkit/core';
import type { Transform } from '../transforms/transform-spec.js';
import type { DisplayHistogram1d, DisplayHistogram2d } from './phenotype-display.js';

/** `v` rounded to 6 significant digits (display values in the JSON). @example round6(0.123456789) // 0.123457 */
export function round6(v: number): number {
  return Number(v.toPrecision(6));
}

/**
 * Axis range from a seeded subsample of the masked values: the `q` and `1 − q` quantiles widened to
 * hold `extra` (gate bounds, thresholds), padded by 5 % each side, rounded outwards to 6 significant
 * digits. At most `sampleSize` finite values per column are drawn (seeded, without replacement).
 *
 * @example displayRange([{ values: [0, 10], mask: null }], [], { sampleSize: 100, quantile: 0, seed: 1 }) // [-0.5, 10.5]
 */
export function displayRange(
  columns: readonly { values: ArrayLike<number>; mask: Mask | null }[],
  extra: readonly number[],
  options: { sampleSize: number; quantile: number; seed: number },
): [number, number] {
  const rng = createRng(options.seed);
  const picked: number[] = [];
  for (const { values, mask } of columns) {
    const idx: number[] = [];
    for (let i = 0; i < values.length; i++) {
      if ((mask === null || mask[i] === 1) && Number.isFinite(values[i]!)) {
        idx.push(i);
      }
    }
    for (const k of sampleIndices(idx.length, options.sampleSize, rng)) {
      picked.push(values[idx[k]!]!);
    }
  }
  picked.sort((a, b) => a - b);
  let lo = picked.length > 0 ? picked[Math.floor(options.quantile * (picked.length - 1))]! : 0;
  let hi = picked.length > 0 ? picked[Math.ceil((1 - options.quantile) * (picked.length - 1))]! : 1;
  for (const e of extra) {
    if (Number.isFinite(e)) {
      lo = Math.min(lo, e);
      hi = Math.max(hi, e);
    }
  }
  if (!(hi > lo)) {
    hi = lo + (Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1);
  }
  const pad = (hi - lo) * 0.05;
  const a = round6(lo - pad);
  const b = round6(hi + pad);
  return [a > lo - pad ? lo - pad : a, b < hi + pad ? hi + pad : b];
}

/** Bin of `v` on `bins` equal bins over [lo, hi): values outside go to the edge bins; -1 for NaN. */
function clampedBin(
  v: number,
  lo: number,
  hi: number,
  bins: number,
): { bin: number; clamped: boolean } {
  if (Number.isNaN(v)) {
    return { bin: -1, clamped: false };
  }
  const b = Math.floor(((v - lo) / (hi - lo)) * bins);
  if (b < 0) {
    return { bin: 0, clamped: true };
  }
  if (b >= bins) {
    return { bin: bins - 1, clamped: v >= hi };
  }
  return { bin: b, clamped: false };
}

/**
 * 1-D histogram of the masked values (all when `mask` is null) on `bins` equal bins over `range`
 * (display units): values beyond the range go to the edge bins (`clamped`), NaN is skipped (`nan`),
 * empty edge bins are dropped (see {@link DisplayHistogram1d}). O(n).
 *
 * @example displayHistogram1d([-5, 0.1, 0.5, 2], null, [0, 1], 4) // { first: 0, counts: [2, 0, 1, 1], total: 4, clamped: 2, nan: 0 }
 */
export function displayHistogram1d(
  values: ArrayLike<number>,
  mask: Mask | null,
  range: readonly [number, number],
  bins: number,
): DisplayHistogram1d {
  const counts = new Uint32Array(bins);
  let clamped = 0;
  let nan = 0;
  for (let i = 0; i < values.length; i++) {
    if (mask !== null && mask[i] !== 1) {
      continue;
    }
    const b = clampedBin(values[i]!, range[0], range[1], bins);
    if (b.bin < 0) {
      nan++;
      continue;
    }
    clamped += b.clamped ? 1 : 0;
    counts[b.bin]!++;
  }
  let first = 0;
  let last = bins - 1;
  while (first <= last && counts[first] === 0) {
    first++;
  }
  while (last >= first && counts[last] === 0) {
    last--;
  }
  const kept = Array.from(counts.subarray(first, last + 1));
  const total = kept.reduce((s, c) => s + c, 0);
  return { first: kept.length === 0 ? 0 : first, counts: kept, total, clamped, nan };
}

/**
 * 2-D histogram of the masked events, rows along y, edge handling as {@link displayHistogram1d}; empty
 * edge rows and columns are dropped (see {@link DisplayHistogram2d}). O(n + bins²).
 *
 * @example displayHistogram2d([0.7], [0.2], null, { range: [0, 1], bins: 2 }, { range: [0, 1], bins: 2 }).counts // [[1]]
 */
export function displayHistogram2d(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  mask: Mask | null,
  xAxis: { range: readonly [number, number]; bins: number },
  yAxis: { range: readonly [number, number]; bins: number },
): DisplayHistogram2d {
  const nx = xAxis.bins;
  const ny = yAxis.bins;
  const grid = new Uint32Array(nx * ny);
  let clamped = 0;
  let nan = 0;
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    if (mask !== null && mask[i] !== 1) {
      continue;
    }
    const bx = clampedBin(x[i]!, xAxis.range[0], xAxis.range[1], nx);
    const by = clampedBin(y[i]!, yAxis.range[0], yAxis.range[1], ny);
    if (bx.bin < 0 || by.bin < 0) {
      nan++;
      continue;
    }
    clamped += bx.clamped || by.clamped ? 1 : 0;
    grid[by.bin * nx + bx.bin]!++;
    total++;
  }
  let x0 = nx;
  let x1 = -1;
  let y0 = ny;
  let y1 = -1;
  for (let r = 0; r < ny; r++) {
    for (let c = 0; c < nx; c++) {
      if (grid[r * nx + c]! > 0) {
        x0 = Math.min(x0, c);
        x1 = Math.max(x1, c);
        y0 = Math.min(y0, r);
        y1 = Math.max(y1, r);
      }
    }
  }
  const counts: number[][] = [];
  for (let r = y0; r <= y1; r++) {
    counts.push(Array.from(grid.subarray(r * nx + x0, r * nx + x1 + 1)));
  }
  return { xFirst: x1 < 0 ? 0 : x0, yFirst: y1 < 0 ? 0 : y0, counts, total, clamped, nan };
}

/**
 * 0 and ±10^k (k = 0..7, data units) with their display positions inside `range`, sorted by position;
 * none on a linear axis (`transform` null), where the report chooses its own ticks.
 *
 * @example displayTicks(createTransform({ kind: 'asinh', t: 1000, m: 3, a: 0 }), [0, 1]).map((t) => t.value) // [0, 1, 10, 100, 1000]
 */
export function displayTicks(
  transform: Transform | null,
  range: readonly [number, number],
): { value: number; position: number }[] {
  if (transform === null) {
    return [];
  }
  const out: { value: number; position: number }[] = [];
  for (const value of [0, ...[0, 1, 2, 3, 4, 5, 6, 7].flatMap((k) => [10 ** k, -(10 ** k)])]) {
    const position = transform.apply(value);
    if (Number.isFinite(position) && position >= range[0] && position <= range[1]) {
      out.push({ value, position: round6(position) });
    }
  }
  return out.sort((a, b) => a.position - b.position);
}
