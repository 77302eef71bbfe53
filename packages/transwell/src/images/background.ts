/**
 * Estimates a smooth background plane: the `percentile` of each `block × block` tile (a
 * 1024-bin histogram over [lo, hi], on every other row and column for tiles ≥ 32 px), a 3 × 3 median over the tile grid (so a tile filled by a
 * cluster of cells does not leave a hole), then bilinear interpolation between tile centres.
 * This approximates a rolling-ball background for objects much smaller than a tile.
 *
 * @param values row-major plane, `width × height`
 * @param percentile in [0, 1]: high for a light background (crystal violet), low for a dark one
 * @returns a new plane of the same size
 */
export function estimateBackground(
  values: Float32Array,
  width: number,
  height: number,
  block: number,
  percentile: number,
): Float32Array {
  const bins = 1024;
  // Tiles of 32 px and more are sampled on every other row and column (a quarter of the pixels).
  const step = block >= 32 ? 2 : 1;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i += step) {
    const v = values[i]!;
    if (v < lo) {
      lo = v;
    }
    if (v > hi) {
      hi = v;
    }
  }
  const span = hi > lo ? hi - lo : 1;
  const gw = Math.max(1, Math.round(width / block));
  const gh = Math.max(1, Math.round(height / block));
  const grid = new Float32Array(gw * gh);
  const hist = new Uint32Array(bins);
  for (let gy = 0; gy < gh; gy++) {
    const y0 = Math.floor((gy * height) / gh);
    const y1 = Math.floor(((gy + 1) * height) / gh);
    for (let gx = 0; gx < gw; gx++) {
      const x0 = Math.floor((gx * width) / gw);
      const x1 = Math.floor(((gx + 1) * width) / gw);
      hist.fill(0);
      let n = 0;
      for (let y = y0; y < y1; y += step) {
        const row = y * width;
        for (let x = x0; x < x1; x += step) {
          let b = Math.floor(((values[row + x]! - lo) / span) * bins);
          b = b < 0 ? 0 : b >= bins ? bins - 1 : b;
          hist[b]!++;
          n++;
        }
      }
      const target = percentile * n;
      let acc = 0;
      let b = 0;
      for (; b < bins - 1; b++) {
        acc += hist[b]!;
        if (acc >= target) {
          break;
        }
      }
      grid[gy * gw + gx] = lo + ((b + 0.5) / bins) * span;
    }
  }
  const smooth = medianOfNeighbours(grid, gw, gh);
  return interpolateGrid(smooth, gw, gh, width, height);
}

function medianOfNeighbours(grid: Float32Array, gw: number, gh: number): Float32Array {
  const out = new Float32Array(grid.length);
  const buffer: number[] = [];
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      buffer.length = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = gx + dx;
          const y = gy + dy;
          if (x >= 0 && x < gw && y >= 0 && y < gh) {
            buffer.push(grid[y * gw + x]!);
          }
        }
      }
      buffer.sort((a, b) => a - b);
      const mid = buffer.length >> 1;
      out[gy * gw + gx] = buffer.length % 2 === 1 ? buffer[mid]! : (buffer[mid - 1]! + buffer[mid]!) / 2;
    }
  }
  return out;
}

function interpolateGrid(grid: Float32Array, gw: number, gh: number, width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  const cellW = width / gw;
  const cellH = height / gh;
  const xi0 = new Int32Array(width);
  const xi1 = new Int32Array(width);
  const xf = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const g = Math.min(Math.max((x + 0.5) / cellW - 0.5, 0), gw - 1);
    const i0 = Math.floor(g);
    xi0[x] = i0;
    xi1[x] = Math.min(i0 + 1, gw - 1);
    xf[x] = g - i0;
  }
  for (let y = 0; y < height; y++) {
    const g = Math.min(Math.max((y + 0.5) / cellH - 0.5, 0), gh - 1);
    const j0 = Math.floor(g);
    const j1 = Math.min(j0 + 1, gh - 1);
    const fy = g - j0;
    const r0 = j0 * gw;
    const r1 = j1 * gw;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const a = xi0[x]!;
      const b = xi1[x]!;
      const fx = xf[x]!;
      const top = grid[r0 + a]! * (1 - fx) + grid[r0 + b]! * fx;
      const bottom = grid[r1 + a]! * (1 - fx) + grid[r1 + b]! * fx;
      out[row + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}
