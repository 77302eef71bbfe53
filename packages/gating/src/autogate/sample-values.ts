import { sampleIndices, type Column, type Mask, type Rng } from '@tamkit/core';

/**
 * Finite values of `column` (mapped by `map` when given) at a seeded random subset of at most `size`
 * events of `mask` (every event when null), ascending. Fits run on such subsamples so that their cost
 * does not grow with the file; the seed makes them reproducible. O(n + size log size).
 */
export function sampleValues(
  column: Column,
  mask: Mask | null,
  size: number,
  rng: Rng,
  map?: (value: number) => number,
): Float64Array {
  const n = column.length;
  let members: Uint32Array | null = null;
  if (mask !== null) {
    members = new Uint32Array(countOnes(mask));
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (mask[i] === 1) {
        members[m++] = i;
      }
    }
  }
  const chosen = sampleIndices(members === null ? n : members.length, size, rng);
  const out = new Float64Array(chosen.length);
  let k = 0;
  for (let j = 0; j < chosen.length; j++) {
    const raw = column[members === null ? chosen[j]! : members[chosen[j]!]!]!;
    const v = map === undefined ? raw : map(raw);
    if (Number.isFinite(v)) {
      out[k++] = v;
    }
  }
  return out.slice(0, k).sort();
}

/** Number of events with mask value 1. */
export function countOnes(mask: Mask): number {
  let c = 0;
  for (let i = 0; i < mask.length; i++) {
    c += mask[i] === 1 ? 1 : 0;
  }
  return c;
}
