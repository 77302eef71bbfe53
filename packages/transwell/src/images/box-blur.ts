/**
 * Box blur of radius `radius` (window 2r+1) along rows then columns, with edges clamped; O(n)
 * whatever the radius (running sums). Two passes approximate a Gaussian with σ² = 2·r(r+1)/3.
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
  const tmp = new Float32Array(values.length);
  const out = new Float32Array(values.length);
  const line = new Float32Array(Math.max(width, height));
  const window = 2 * radius + 1;
  // Rows.
  for (let y = 0; y < height; y++) {
    const base = y * width;
    blurLine(values, base, 1, width, radius, window, line);
    tmp.set(line.subarray(0, width), base);
  }
  // Columns.
  for (let x = 0; x < width; x++) {
    blurLine(tmp, x, width, height, radius, window, line);
    for (let y = 0; y < height; y++) {
      out[y * width + x] = line[y]!;
    }
  }
  return out;
}

function blurLine(
  src: Float32Array,
  start: number,
  step: number,
  length: number,
  radius: number,
  window: number,
  out: Float32Array,
): void {
  const last = length - 1;
  const at = (i: number): number => src[start + (i < 0 ? 0 : i > last ? last : i) * step]!;
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    sum += at(i);
  }
  for (let i = 0; i < length; i++) {
    out[i] = sum / window;
    sum += at(i + radius + 1) - at(i - radius);
  }
}
