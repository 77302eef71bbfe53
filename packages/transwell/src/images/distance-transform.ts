/**
 * Exact Euclidean distance transform of a binary mask: for each foreground pixel (mask 1), the
 * distance in pixels to the nearest background pixel (outside the image counts as background, so
 * objects touching the border are not treated as infinite). Background pixels get 0. Linear time:
 * column distances by a downward and an upward sweep (run over whole rows for cache locality), then
 * the lower-envelope pass of Felzenszwalb & Huttenlocher (2012, Theory Comput 8:415) along rows.
 *
 * @returns a new Float32Array of `width × height`
 */
export function distanceTransform(mask: Uint8Array, width: number, height: number): Float32Array {
  // 1-D distance to the nearest background pixel in the same column (height + 1 = none).
  const column = new Float32Array(width * height);
  for (let x = 0; x < width; x++) {
    column[x] = mask[x] === 1 ? 1 : 0;
  }
  for (let y = 1; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      column[row + x] = mask[row + x] === 1 ? column[row - width + x]! + 1 : 0;
    }
  }
  const lastRow = (height - 1) * width;
  for (let x = 0; x < width; x++) {
    if (mask[lastRow + x] === 1) {
      column[lastRow + x] = 1;
    }
  }
  for (let y = height - 2; y >= 0; y--) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const below = column[row + width + x]! + 1;
      if (below < column[row + x]!) {
        column[row + x] = below;
      }
    }
  }
  const out = new Float32Array(width * height);
  const n = width + 2;
  const f = new Float64Array(n);
  const d = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let any = false;
    f[0] = 0;
    for (let x = 0; x < width; x++) {
      const c = column[row + x]!;
      f[x + 1] = c * c;
      any ||= c > 0;
    }
    if (!any) {
      continue;
    }
    f[width + 1] = 0;
    envelope(f, n, d, v, z);
    for (let x = 0; x < width; x++) {
      out[row + x] = Math.sqrt(d[x + 1]!);
    }
  }
  return out;
}

function envelope(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    const fq = f[q]! + q * q;
    let vk = v[k]!;
    let s = (fq - (f[vk]! + vk * vk)) / (2 * q - 2 * vk);
    while (s <= z[k]!) {
      k--;
      vk = v[k]!;
      s = (fq - (f[vk]! + vk * vk)) / (2 * q - 2 * vk);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) {
      k++;
    }
    const dq = q - v[k]!;
    d[q] = dq * dq + f[v[k]!]!;
  }
}
