/** A 2-D histogram on display units: `counts[row][col]`, rows along y. */
export interface Binned2d {
  readonly xRange: readonly [number, number];
  readonly yRange: readonly [number, number];
  readonly xBins: number;
  readonly yBins: number;
  /** Row-major counts, `yBins` rows of `xBins`. */
  readonly counts: readonly (readonly number[])[];
  /** Events counted (inside both ranges). */
  readonly total: number;
  /** Events outside a range (not counted) and events with NaN (skipped). */
  readonly outside: number;
  readonly nan: number;
}

/** A 1-D histogram on display units. */
export interface Binned1d {
  readonly range: readonly [number, number];
  readonly counts: readonly number[];
  readonly total: number;
  readonly outside: number;
  readonly nan: number;
}

function checkRange(range: readonly [number, number], name: string): void {
  if (!Number.isFinite(range[0]) || !Number.isFinite(range[1]) || !(range[1] > range[0])) {
    throw new RangeError(`${name} must be finite and ascending, got [${range[0]}, ${range[1]}]`);
  }
}

function binOf(v: number, lo: number, hi: number, bins: number): number {
  // Bins are [edge_i, edge_i+1); the upper range end belongs to the last bin.
  if (v < lo || v > hi) {
    return -1;
  }
  return v === hi ? bins - 1 : Math.floor(((v - lo) / (hi - lo)) * bins);
}

/**
 * Counts events into a `xBins × yBins` grid over the given display ranges (O(n)). This is what the
 * report embeds instead of raw events: a 256 × 256 grid is the same size whatever the event count.
 * NaN events are skipped and counted in `nan`; events outside a range in `outside`.
 *
 * @throws {RangeError} for columns of different length, bad ranges or a bin count below 1.
 * @example bin2d([0.5], [0.5], { xRange: [0, 1], yRange: [0, 1], bins: 2 }).counts // [[0, 0], [0, 1]]
 */
export function bin2d(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: { readonly xRange: readonly [number, number]; readonly yRange: readonly [number, number]; readonly bins: number; readonly yBins?: number },
): Binned2d {
  if (x.length !== y.length) {
    throw new RangeError(`bin2d needs columns of equal length, got ${x.length} and ${y.length}`);
  }
  checkRange(options.xRange, 'xRange');
  checkRange(options.yRange, 'yRange');
  const xBins = options.bins;
  const yBins = options.yBins ?? options.bins;
  if (!Number.isInteger(xBins) || xBins < 1 || !Number.isInteger(yBins) || yBins < 1) {
    throw new RangeError(`bin counts must be positive integers, got ${xBins} × ${yBins}`);
  }
  const grid = new Float64Array(xBins * yBins);
  let outside = 0;
  let nan = 0;
  const [x0, x1] = options.xRange;
  const [y0, y1] = options.yRange;
  for (let i = 0; i < x.length; i++) {
    const xv = x[i]!;
    const yv = y[i]!;
    if (Number.isNaN(xv) || Number.isNaN(yv)) {
      nan++;
      continue;
    }
    const bx = binOf(xv, x0, x1, xBins);
    const by = binOf(yv, y0, y1, yBins);
    if (bx < 0 || by < 0) {
      outside++;
      continue;
    }
    grid[by * xBins + bx]! += 1;
  }
  const counts: number[][] = [];
  for (let r = 0; r < yBins; r++) {
    counts.push(Array.from(grid.subarray(r * xBins, (r + 1) * xBins)));
  }
  return { xRange: [x0, x1], yRange: [y0, y1], xBins, yBins, counts, total: x.length - outside - nan, outside, nan };
}

/**
 * Counts values into `bins` equal bins over `range` (display units); NaN skipped, out-of-range counted.
 *
 * @throws {RangeError} for a bad range or bin count.
 * @example bin1d([0, 0.2, 0.9], { range: [0, 1], bins: 2 }).counts // [2, 1]
 */
export function bin1d(values: ArrayLike<number>, options: { readonly range: readonly [number, number]; readonly bins: number }): Binned1d {
  checkRange(options.range, 'range');
  if (!Number.isInteger(options.bins) || options.bins < 1) {
    throw new RangeError(`bins must be a positive integer, got ${options.bins}`);
  }
  const counts = new Array<number>(options.bins).fill(0);
  let outside = 0;
  let nan = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      nan++;
      continue;
    }
    const b = binOf(v, options.range[0], options.range[1], options.bins);
    if (b < 0) {
      outside++;
    } else {
      counts[b]! += 1;
    }
  }
  return { range: [options.range[0], options.range[1]], counts, total: values.length - outside - nan, outside, nan };
}

/** Centres of `bins` equal bins over `range`. @example binCentres([0, 1], 2) // [0.25, 0.75] */
export function binCentres(range: readonly [number, number], bins: number): number[] {
  const w = (range[1] - range[0]) / bins;
  return Array.from({ length: bins }, (_, i) => range[0] + (i + 0.5) * w);
}
