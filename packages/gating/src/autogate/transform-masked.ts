import type { Column, Mask } from '@tamkit/core';
import type { Transform } from '../transforms/transform-spec.js';

/**
 * `transform.apply` on the events of `mask` only (NaN elsewhere), into a new Float64Array: the
 * display values of a gated population without transforming the events gated out. O(n).
 */
export function transformMasked(
  transform: Transform,
  column: Column,
  mask: Mask | null,
): Float64Array {
  if (mask === null) {
    return transform.applyColumn(column);
  }
  const out = new Float64Array(column.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = mask[i] === 1 ? transform.apply(column[i]!) : Number.NaN;
  }
  return out;
}
