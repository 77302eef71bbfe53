import type { Column, Mask } from '@tamkit/core';

/**
 * Rectangle (range) test over n columns: inside when `min <= v < max` in every dimension (half-open,
 * Gating-ML 2.0 section 5.3.1; FlowKit and the compliance suite agree). A missing bound is unbounded,
 * but non-finite values (NaN, ±∞) are always outside.
 *
 * @param columns one column per dimension, equal lengths
 * @param bounds one `{ min?, max? }` per column
 * @param within optional parent mask: the result is ANDed with it
 * @throws {RangeError} on mismatched lengths
 * @example
 * rectangleMask([new Float64Array([1, 2, 3])], [{ min: 1, max: 3 }]); // Uint8Array [1, 1, 0]
 */
export function rectangleMask(
  columns: readonly Column[],
  bounds: readonly { readonly min?: number | undefined; readonly max?: number | undefined }[],
  within: Mask | null = null,
): Mask {
  if (columns.length !== bounds.length || columns.length === 0) {
    throw new RangeError(`${columns.length} columns for ${bounds.length} bounds`);
  }
  const len = columns[0]!.length;
  const out = within ? within.slice() : new Uint8Array(len).fill(1);
  columns.forEach((col, d) => {
    if (col.length !== len) {
      throw new RangeError(`column ${d} has ${col.length} values, expected ${len}`);
    }
    const lo = bounds[d]!.min ?? -Number.MAX_VALUE;
    const hi = bounds[d]!.max ?? Infinity;
    for (let i = 0; i < len; i++) {
      const v = col[i]!;
      // `v >= lo` is false for NaN and -∞, `v < hi` false for +∞.
      if (!(v >= lo && v < hi)) {
        out[i] = 0;
      }
    }
  });
  return out;
}
