import type { Column, Mask } from '@tamkit/core';

/**
 * Even-odd point-in-polygon test over two columns (Gating-ML 2.0 section 5.3.2).
 *
 * Each edge a→b counts as crossed by the rightward ray from p when p.y lies in the edge's half-open
 * y span and p is strictly on the inner side of the edge, decided by the sign of the cross product
 * (b − a) × (p − a) exactly as Sunday's crossing/winding test computes it (an upward edge counts when
 * the product is > 0, a downward one when it is < 0; horizontal edges never count). The event is
 * inside when the count is odd. Consequences: points on left and bottom edges are inside, points on
 * right and top edges outside; self-intersecting polygons are allowed; NaN and ±∞ are outside.
 *
 * Complexity O(events × vertices), with a bounding-box reject first.
 *
 * @param x values of the first dimension
 * @param y values of the second dimension
 * @param vertices polygon vertices (>= 3), closing edge implicit
 * @param within optional parent mask: events outside it are outside (skipped)
 * @param out optional mask to write into (reused between calls)
 * @returns a new mask (1 = inside)
 * @throws {RangeError} when x and y differ in length or there are fewer than 3 vertices
 * @example
 * polygonMask(new Float64Array([1, 5]), new Float64Array([1, 5]), [[0, 0], [2, 0], [2, 2], [0, 2]]);
 * // Uint8Array [1, 0]
 */
export function polygonMask(
  x: Column,
  y: Column,
  vertices: readonly (readonly [number, number])[],
  within: Mask | null = null,
  out: Mask = new Uint8Array(x.length),
): Mask {
  if (x.length !== y.length || out.length !== x.length || (within && within.length !== x.length)) {
    throw new RangeError(`column lengths differ: ${x.length}, ${y.length}, mask ${out.length}`);
  }
  const n = vertices.length;
  if (n < 3) {
    throw new RangeError(`a polygon needs at least 3 vertices, got ${n}`);
  }
  const edges = polygonEdges(vertices);
  const len = x.length;
  if (edges.slabY.length < 2) {
    // Every vertex at the same y: no edge counts, nothing is inside.
    out.fill(0);
    return out;
  }
  if (within === null) {
    for (let i = 0; i < len; i++) {
      out[i] = insideOdd(edges, x[i]!, y[i]!);
    }
  } else {
    for (let i = 0; i < len; i++) {
      out[i] = within[i] === 0 ? 0 : insideOdd(edges, x[i]!, y[i]!);
    }
  }
  return out;
}

/** 1 when (px, py) is inside (odd crossing count), else 0; NaN and points outside the bounding box are 0. */
function insideOdd(edges: PolygonEdges, px: number, py: number): number {
  const { slabY, slabStart, ax, ay, sdx, sdy, minX, maxX, minY, maxY, cellScale, cellSlab } = edges;
  if (!(px >= minX && px <= maxX && py >= minY && py < maxY)) {
    return 0;
  }
  // Slab k with slabY[k] <= py < slabY[k + 1]: its edges are exactly those whose half-open y span
  // contains py. A uniform grid over y names the slab directly unless the cell holds a slab
  // boundary (-1), where a binary search decides.
  let lo = cellSlab[Math.floor((py - minY) * cellScale)]!;
  if (lo < 0) {
    lo = 0;
    let hi = slabY.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (py >= slabY[mid]!) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
  }
  let odd = 0;
  const endEdge = slabStart[lo + 1]!;
  for (let e = slabStart[lo]!; e < endEdge; e++) {
    // sdx, sdy carry the edge direction's sign, so "> 0" is Sunday's upward "> 0" and downward "< 0".
    if (sdx[e]! * (py - ay[e]!) - (px - ax[e]!) * sdy[e]! > 0) {
      odd ^= 1;
    }
  }
  return odd;
}

/** Cells of the y grid that maps a y value to its slab. */
const GRID_CELLS = 1024;

interface PolygonEdges {
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
  /** GRID_CELLS / (maxY − minY): y → grid cell. */
  readonly cellScale: number;
  /** Per grid cell (one extra for rounding at the top), the slab that holds the whole cell, or −1. */
  readonly cellSlab: Int32Array;
  /** Sorted distinct vertex y values: slab k is [slabY[k], slabY[k + 1]). */
  readonly slabY: Float64Array;
  /** Edges of slab k are entries slabStart[k] .. slabStart[k + 1] − 1 of the arrays below. */
  readonly slabStart: Int32Array;
  readonly ax: Float64Array;
  readonly ay: Float64Array;
  /** (b − a) multiplied by +1 for an upward edge, −1 for a downward one (exact). */
  readonly sdx: Float64Array;
  readonly sdy: Float64Array;
}

/** Precomputes edge coefficients grouped by horizontal slab; horizontal edges never count. */
function polygonEdges(vertices: readonly (readonly [number, number])[]): PolygonEdges {
  const n = vertices.length;
  let minX = Infinity;
  let maxX = -Infinity;
  for (const [vx] of vertices) {
    minX = Math.min(minX, vx);
    maxX = Math.max(maxX, vx);
  }
  const slabY = Float64Array.from(new Set(vertices.map((v) => v[1]))).sort();
  const perSlab: number[][] = Array.from({ length: Math.max(slabY.length - 1, 0) }, () => []);
  for (let i = 0; i < n; i++) {
    const a = vertices[i]!;
    const b = vertices[(i + 1) % n]!;
    if (a[1] === b[1]) {
      continue;
    }
    const ylo = Math.min(a[1], b[1]);
    const yhi = Math.max(a[1], b[1]);
    for (let k = 0; k < perSlab.length; k++) {
      if (ylo <= slabY[k]! && yhi >= slabY[k + 1]!) {
        perSlab[k]!.push(i);
      }
    }
  }
  const slabStart = new Int32Array(perSlab.length + 1);
  const total = perSlab.reduce((acc, list) => acc + list.length, 0);
  const ax = new Float64Array(total);
  const ay = new Float64Array(total);
  const sdx = new Float64Array(total);
  const sdy = new Float64Array(total);
  let e = 0;
  perSlab.forEach((list, k) => {
    slabStart[k] = e;
    for (const i of list) {
      const a = vertices[i]!;
      const b = vertices[(i + 1) % n]!;
      const s = b[1] > a[1] ? 1 : -1;
      ax[e] = a[0];
      ay[e] = a[1];
      sdx[e] = s * (b[0] - a[0]);
      sdy[e] = s * (b[1] - a[1]);
      e++;
    }
  });
  slabStart[perSlab.length] = e;
  const minY = slabY[0]!;
  const maxY = slabY[slabY.length - 1]!;
  const cellScale = GRID_CELLS / (maxY - minY);
  const cellSlab = new Int32Array(GRID_CELLS + 1).fill(-1);
  if (slabY.length >= 2 && Number.isFinite(cellScale)) {
    for (let c = 0; c < GRID_CELLS; c++) {
      // The cell's y range, widened by one ulp-scale margin either way, must lie inside one slab;
      // otherwise (a boundary inside or too close) the binary search decides.
      const lo = minY + c / cellScale;
      const hi = minY + (c + 1) / cellScale;
      const margin = 1e-9 * (Math.abs(minY) + Math.abs(maxY) + 1);
      for (let k = 0; k < slabY.length - 1; k++) {
        if (slabY[k]! < lo - margin && hi + margin < slabY[k + 1]!) {
          cellSlab[c] = k;
          break;
        }
      }
    }
  }
  return { minX, maxX, minY, maxY, cellScale, cellSlab, slabY, slabStart, ax, ay, sdx, sdy };
}
