import type { Column } from '@tamkit/core';

/**
 * Assigns each listed event to its nearest centre (squared Euclidean distance; ties go to the
 * lower centre index) in a columnar loop, without building rows. O(events × k × d).
 *
 * @param centres row-major k × d.
 * @param index event positions to assign.
 * @param out receives the centre index at each event position (other positions are left alone).
 * @returns events per centre.
 */
export function assignNearestCentre(
  columns: readonly Column[],
  centres: Float64Array,
  index: Uint32Array,
  out: Uint8Array,
): Uint32Array {
  const d = columns.length;
  const k = centres.length / d;
  const sizes = new Uint32Array(k);
  const point = new Float64Array(d);
  for (let r = 0; r < index.length; r++) {
    const i = index[r]!;
    for (let j = 0; j < d; j++) {
      point[j] = columns[j]![i]!;
    }
    let best = 0;
    let bestDist = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      let dist = 0;
      const base = c * d;
      for (let j = 0; j < d; j++) {
        const diff = point[j]! - centres[base + j]!;
        dist += diff * diff;
      }
      if (dist < bestDist) {
        bestDist = dist;
        best = c;
      }
    }
    out[i] = best;
    sizes[best]!++;
  }
  return sizes;
}
