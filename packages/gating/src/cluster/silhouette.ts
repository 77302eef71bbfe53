import type { Column } from '@tamkit/core';

/**
 * Mean silhouette width (Rousseeuw 1987, J. Comput. Appl. Math. 20:53) of the listed events with
 * Euclidean distance: for event i in cluster A, a(i) = mean distance to the other members of A,
 * b(i) = the smallest mean distance to the members of another cluster, s(i) = (b − a) / max(a, b),
 * and s(i) = 0 when A has one member. NaN when fewer than two clusters are occupied.
 * O(m² × d) for m events: call it on a small subsample.
 *
 * @param labels cluster of each listed event (aligned with `index`), 0..k−1.
 */
export function meanSilhouette(
  columns: readonly Column[],
  index: Uint32Array,
  labels: Uint8Array,
  k: number,
): number {
  const m = index.length;
  const d = columns.length;
  const sizes = new Uint32Array(k);
  for (let r = 0; r < m; r++) {
    sizes[labels[r]!]!++;
  }
  let occupied = 0;
  for (let c = 0; c < k; c++) {
    occupied += sizes[c]! > 0 ? 1 : 0;
  }
  if (occupied < 2) {
    return Number.NaN;
  }
  // Row-major copy of the subsample so the O(m²) loop reads contiguous memory.
  const points = new Float64Array(m * d);
  for (let r = 0; r < m; r++) {
    for (let j = 0; j < d; j++) {
      points[r * d + j] = columns[j]![index[r]!]!;
    }
  }
  const sums = new Float64Array(k);
  let total = 0;
  for (let r = 0; r < m; r++) {
    sums.fill(0);
    const own = labels[r]!;
    for (let q = 0; q < m; q++) {
      let dist = 0;
      for (let j = 0; j < d; j++) {
        const diff = points[r * d + j]! - points[q * d + j]!;
        dist += diff * diff;
      }
      sums[labels[q]!]! += Math.sqrt(dist);
    }
    if (sizes[own]! <= 1) {
      continue; // s(i) = 0 for a singleton
    }
    const a = sums[own]! / (sizes[own]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c !== own && sizes[c]! > 0) {
        b = Math.min(b, sums[c]! / sizes[c]!);
      }
    }
    const denom = Math.max(a, b);
    total += denom > 0 ? (b - a) / denom : 0;
  }
  return total / m;
}
