import { sampleIndices, type Column, type Mask, type Rng } from '@tamkit/core';

/**
 * Finite values of `column` (mapped by `map` when given) at a seeded random subset of about `size`
 * events of `mask` (every event when null; all of them when the mask has at most `size`), ascending. Fits run on such subsamples so that their cost
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
  // A uniform subset of all events, kept where the mask is set, is a uniform subset of the mask's
  // events; drawing n·size/m of them gives about `size` without listing the mask's events.
  const m = mask === null ? n : countOnes(mask);
  const draws = m === 0 ? 0 : Math.min(n, Math.ceil((size * n) / m));
  const chosen = sampleIndices(n, draws, rng);
  const out = new Float64Array(chosen.length);
  let k = 0;
  for (let j = 0; j < chosen.length; j++) {
    const i = chosen[j]!;
    if (mask !== null && mask[i] !== 1) {
      continue;
    }
    const raw = column[i]!;
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
