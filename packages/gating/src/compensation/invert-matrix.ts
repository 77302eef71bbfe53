import { CompensationError } from '../errors.js';

/**
 * Inverts an n×n row-major matrix by Gauss–Jordan elimination with partial pivoting (largest
 * absolute pivot in each column), into a new Float64Array. A pivot no larger than
 * n·ε·‖A‖∞ (ε = 2^−52) counts as zero, so a matrix singular up to rounding is reported as singular
 * instead of giving a meaningless inverse. O(n³).
 *
 * @throws {CompensationError} code `COMP_SINGULAR_MATRIX` (context `{ column }`: the 0-based
 *   column left without a pivot), or `COMP_BAD_MATRIX` (context `{ row, column }`) for a
 *   non-finite entry.
 * @throws {RangeError} when `values.length !== n·n`.
 * @example
 * invertMatrix(new Float64Array([2, 0, 0, 4]), 2); // Float64Array [0.5, 0, 0, 0.25]
 */
export function invertMatrix(values: Float64Array, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 0 || values.length !== n * n) {
    throw new RangeError(`matrix of ${values.length} values is not ${n}×${n}`);
  }
  // Augmented [A | I], row-major, 2n columns.
  const w = 2 * n;
  const m = new Float64Array(n * w);
  let norm = 0;
  for (let r = 0; r < n; r++) {
    let rowSum = 0;
    for (let c = 0; c < n; c++) {
      const v = values[r * n + c]!;
      if (!Number.isFinite(v)) {
        throw new CompensationError(
          'COMP_BAD_MATRIX',
          `matrix entry at row ${r + 1}, column ${c + 1} is ${v}; expected a finite number`,
          { row: r, column: c },
        );
      }
      m[r * w + c] = v;
      rowSum += Math.abs(v);
    }
    m[r * w + n + r] = 1;
    norm = Math.max(norm, rowSum);
  }
  const tiny = n * Number.EPSILON * norm;
  for (let col = 0; col < n; col++) {
    let pivotRow = col;
    let best = Math.abs(m[col * w + col]!);
    for (let r = col + 1; r < n; r++) {
      const v = Math.abs(m[r * w + col]!);
      if (v > best) {
        best = v;
        pivotRow = r;
      }
    }
    if (!(best > tiny)) {
      throw new CompensationError(
        'COMP_SINGULAR_MATRIX',
        `matrix is singular: no pivot in column ${col + 1} (largest |value| ${best}, needs > ${tiny})`,
        { column: col },
      );
    }
    if (pivotRow !== col) {
      for (let c = 0; c < w; c++) {
        const t = m[col * w + c]!;
        m[col * w + c] = m[pivotRow * w + c]!;
        m[pivotRow * w + c] = t;
      }
    }
    const p = m[col * w + col]!;
    for (let c = 0; c < w; c++) {
      m[col * w + c] = m[col * w + c]! / p;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) {
        continue;
      }
      const f = m[r * w + col]!;
      if (f === 0) {
        continue;
      }
      for (let c = 0; c < w; c++) {
        m[r * w + c] = m[r * w + c]! - f * m[col * w + c]!;
      }
    }
  }
  const inv = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      inv[r * n + c] = m[r * w + n + c]!;
    }
  }
  return inv;
}
