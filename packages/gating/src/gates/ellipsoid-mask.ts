import type { Column, Mask } from '@tamkit/core';
import { GateSpecError } from '../errors.js';

/**
 * Ellipsoid test: inside when (x − μ)ᵀ C⁻¹ (x − μ) <= D² (Gating-ML 2.0 section 5.3.3; boundary
 * inclusive). C is inverted as given with Gauss–Jordan elimination and partial pivoting, so a
 * non-symmetric covariance (the compliance suite's Ellipsoid3D) gives the literal general inverse.
 * Non-finite values are outside.
 *
 * @param columns one column per dimension (n >= 1)
 * @param mean μ, n values
 * @param covariance C, n rows of n values
 * @param distanceSquare D²
 * @param gateId for error messages
 * @param within optional parent mask: events outside it are outside (skipped)
 * @throws {GateSpecError} `GATE_SPEC_INVALID` when C is singular
 * @example
 * ellipsoidMask([new Float64Array([0, 2])], [0], [[1]], 1); // Uint8Array [1, 0]
 */
export function ellipsoidMask(
  columns: readonly Column[],
  mean: readonly number[],
  covariance: readonly (readonly number[])[],
  distanceSquare: number,
  gateId = '',
  within: Mask | null = null,
): Mask {
  const n = columns.length;
  if (mean.length !== n || covariance.length !== n) {
    throw new RangeError(`${n} columns, ${mean.length} means, ${covariance.length} covariance rows`);
  }
  const inv = invertGeneral(covariance, gateId);
  const len = columns[0]?.length ?? 0;
  const out = new Uint8Array(len);
  const diff = new Float64Array(n);
  for (let i = 0; i < len; i++) {
    if (within !== null && within[i] === 0) {
      continue;
    }
    for (let j = 0; j < n; j++) {
      diff[j] = columns[j]![i]! - mean[j]!;
    }
    let q = 0;
    for (let r = 0; r < n; r++) {
      let row = 0;
      for (let c = 0; c < n; c++) {
        row += inv[r * n + c]! * diff[c]!;
      }
      q += diff[r]! * row;
    }
    // NaN (from NaN or ∞ inputs) compares false.
    out[i] = q <= distanceSquare ? 1 : 0;
  }
  return out;
}

/** Gauss–Jordan inverse with partial pivoting of an n×n matrix given as rows; row-major result. */
function invertGeneral(rows: readonly (readonly number[])[], gateId: string): Float64Array {
  const n = rows.length;
  const a = new Float64Array(n * n);
  const inv = new Float64Array(n * n);
  rows.forEach((row, r) => {
    if (row.length !== n) {
      throw new RangeError(`covariance row ${r} has ${row.length} entries, expected ${n}`);
    }
    row.forEach((v, c) => {
      a[r * n + c] = v;
    });
    inv[r * n + r] = 1;
  });
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(a[r * n + col]!) > Math.abs(a[pivot * n + col]!)) {
        pivot = r;
      }
    }
    const p = a[pivot * n + col]!;
    if (p === 0 || !Number.isFinite(p)) {
      throw new GateSpecError(
        `gate '${gateId}': covariance matrix is singular; expected an invertible matrix`,
        { gateId, path: 'covariance' },
      );
    }
    if (pivot !== col) {
      for (let c = 0; c < n; c++) {
        swap(a, pivot * n + c, col * n + c);
        swap(inv, pivot * n + c, col * n + c);
      }
    }
    for (let c = 0; c < n; c++) {
      a[col * n + c] = a[col * n + c]! / p;
      inv[col * n + c] = inv[col * n + c]! / p;
    }
    for (let r = 0; r < n; r++) {
      const f = a[r * n + col]!;
      if (r === col || f === 0) {
        continue;
      }
      for (let c = 0; c < n; c++) {
        a[r * n + c] = a[r * n + c]! - f * a[col * n + c]!;
        inv[r * n + c] = inv[r * n + c]! - f * inv[col * n + c]!;
      }
    }
  }
  return inv;
}

function swap(arr: Float64Array, i: number, j: number): void {
  const t = arr[i]!;
  arr[i] = arr[j]!;
  arr[j] = t;
}
