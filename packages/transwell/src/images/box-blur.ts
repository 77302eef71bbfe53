/**
 * Box blur of radius `radius` (window 2r+1) along rows then columns, with edges clamped; O(n)
 * whatever the radius (running sums; the column pass runs over whole rows for cache locality).
 * Two passes approximate a Gaussian with σ² = 2·r(r+1)/3.
 *
 * @param values row-major plane of `width × height`
 * @returns a new plane
 * @throws {RangeError} when the radius is negative or not an integer
 * @example
 * boxBlur(new Float32Array([0, 3, 0]), 3, 1, 1); // ≈ [1, 1, 1]
 */
export function boxBlur(values: Float32Array, width: number, height: number, radius: number): Float32Array {
  if (!Number.isSafeInteger(radius) || radius < 0) {
    throw new RangeError(`blur radius must be a non-negative integer, got ${radius}`);
  }
  if (radius === 0) {
    return values.slice();
  }
  const scale = 1 / (2 * radius + 1);
  const tmp = new Float32Array(values.length);
  const lastX = width - 1;
  for (let y = 0; y < height; y++) {
    const base = y * width;
    let sum = 0;
    for (let i = -radius; i <= radius; i++) {
      sum += values[base + (i < 0 ? 0 : i > lastX ? lastX : i)]!;
    }
    for (let x = 0; x < width; x++) {
      tmp[base + x] = sum * scale;
      const add = x + radius + 1;
      const drop = x - radius;
      sum += values[base + (add > lastX ? lastX : add)]! - values[base + (drop < 0 ? 0 : drop)]!;
    }
  }
  // Columns: one running sum per column, advanced a row at a time.
  const out = new Float32Array(values.length);
  const sums = new Float64Array(width);
  const lastY = height - 1;
  for (let i = -radius; i <= radius; i++) {
    const row = (i < 0 ? 0 : i > lastY ? lastY : i) * width;
    for (let x = 0; x < width; x++) {
      sums[x]! += tmp[row + x]!;
    }
  }
  for (let y = 0; y < height; y++) {
    const base = y * width;
    const add = y + radius + 1;
    const drop = y - radius;
    const addRow = (add > lastY ? lastY : add) * width;
    const dropRow = (drop < 0 ? 0 : drop) * width;
    for (let x = 0; x < width; x++) {
      const s = sums[x]!;
      out[base + x] = s * scale;
      sums[x] = s + tmp[addRow + x]! - tmp[dropRow + x]!;
    }
  }
  return out;
}
