import type { Column } from '@tamkit/core';

/**
 * The one adapter between tamkit's columns and third-party array inputs: rows `[x₀, x₁, …]` of the
 * selected events, as ml-kmeans wants them (`number[][]`). Only ever called on a subsample, never on a
 * whole table. O(selected × columns).
 *
 * @param index event positions to copy, in the order wanted.
 * @example
 * toRows([new Float32Array([1, 2, 3]), new Float64Array([4, 5, 6])], [0, 2]); // [[1, 4], [3, 6]]
 */
export function toRows(columns: readonly Column[], index: ArrayLike<number>): number[][] {
  const rows: number[][] = new Array<number[]>(index.length);
  for (let r = 0; r < index.length; r++) {
    const i = index[r]!;
    const row = new Array<number>(columns.length);
    for (let d = 0; d < columns.length; d++) {
      row[d] = columns[d]![i]!;
    }
    rows[r] = row;
  }
  return rows;
}

/** Flattens k rows of d values into a row-major `Float64Array` (k × d). */
export function flattenRows(rows: readonly (readonly number[])[], dimensions: number): Float64Array {
  const out = new Float64Array(rows.length * dimensions);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let d = 0; d < dimensions; d++) {
      out[r * dimensions + d] = row[d]!;
    }
  }
  return out;
}

/** The inverse of {@link flattenRows}: k rows of d values from a row-major array. */
export function unflattenRows(flat: Float64Array, dimensions: number): number[][] {
  const rows: number[][] = [];
  for (let r = 0; r * dimensions < flat.length; r++) {
    rows.push(Array.from(flat.subarray(r * dimensions, (r + 1) * dimensions)));
  }
  return rows;
}
