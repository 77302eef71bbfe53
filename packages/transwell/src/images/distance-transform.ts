/**
 * Exact Euclidean distance transform of a binary mask: for each foreground pixel (mask 1), the
 * distance in pixels to the nearest background pixel (outside the image counts as background, so
 * objects touching the border are not treated as infinite). Background pixels get 0. Linear time,
 * two passes of the lower-envelope algorithm of Felzenszwalb & Huttenlocher (2012, Theory Comput 8:415).
 *
 * @returns a new Float32Array of `width × height`
 */
export function distanceTransform(mask: Uint8Array, width: number, height: number): Float32Array {
  const inf = 1e20;
  const n = Math.max(width, height) + 2;
  const f = new Float64Array(n);
  const d = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  const squared = new Float64Array(width * height);
  // Columns first, padded with one background pixel at each end.
  for (let x = 0; x < width; x++) {
    f[0] = 0;
    for (let y = 0; y < height; y++) {
      f[y + 1] = mask[y * width + x] === 1 ? inf : 0;
    }
    f[height + 1] = 0;
    envelope(f, height + 2, d, v, z);
    for (let y = 0; y < height; y++) {
      squared[y * width + x] = d[y + 1]!;
    }
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    f[0] = 0;
    for (let x = 0; x < width; x++) {
      f[x + 1] = squared[row + x]!;
    }
    f[width + 1] = 0;
    envelope(f, width + 2, d, v, z);
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
    let s = (fq - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
    while (s <= z[k]!) {
      k--;
      s = (fq - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
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
