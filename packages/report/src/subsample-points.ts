import { createRng, sampleIndices } from '@tamkit/core';

/** Events kept for a scatter plot, with what the page must say about them. */
export interface SubsampledPoints {
  readonly x: number[];
  readonly y: number[];
  /** Events before subsampling (NaN included). */
  readonly of: number;
  readonly seed: number;
}

/** The largest scatter the report embeds. */
export const MAX_SCATTER_POINTS = 100_000;

/**
 * Draws at most `max` (≤ 100 000) events without replacement with the seeded RNG of @tamkit/core, in
 * their original order, for a scatter where one is clearer than a density plot.
 *
 * @throws {RangeError} for columns of different length or `max` outside 1..100 000.
 * @example subsamplePoints([1, 2, 3], [4, 5, 6], { max: 2, seed: 1 }).x.length // 2
 */
export function subsamplePoints(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: { readonly max: number; readonly seed: number },
): SubsampledPoints {
  if (x.length !== y.length) {
    throw new RangeError(`subsamplePoints needs columns of equal length, got ${x.length} and ${y.length}`);
  }
  if (!Number.isInteger(options.max) || options.max < 1 || options.max > MAX_SCATTER_POINTS) {
    throw new RangeError(`max must be an integer in 1..${MAX_SCATTER_POINTS}, got ${options.max}`);
  }
  const idx = sampleIndices(x.length, options.max, createRng(options.seed));
  const xs: number[] = [];
  const ys: number[] = [];
  for (const i of idx) {
    xs.push(x[i]!);
    ys.push(y[i]!);
  }
  return { x: xs, y: ys, of: x.length, seed: options.seed };
}
