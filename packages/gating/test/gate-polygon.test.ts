import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { polygonMask } from '../src/gates/polygon-mask.js';

type Pt = readonly [number, number];

/**
 * Independent reference: the winding number computed from summed signed angles (atan2), which
 * shares no code or formula with the crossing kernel. Points are inside a simple or self-intersecting
 * polygon under the even-odd rule when the winding number is odd.
 */
function windingNumber(px: number, py: number, vertices: readonly Pt[]): number {
  let total = 0;
  for (let i = 0; i < vertices.length; i++) {
    const a = vertices[i]!;
    const b = vertices[(i + 1) % vertices.length]!;
    const a1 = Math.atan2(a[1] - py, a[0] - px);
    const a2 = Math.atan2(b[1] - py, b[0] - px);
    let d = a2 - a1;
    while (d > Math.PI) {
      d -= 2 * Math.PI;
    }
    while (d < -Math.PI) {
      d += 2 * Math.PI;
    }
    total += d;
  }
  return Math.round(total / (2 * Math.PI));
}

/** Distance from p to segment ab. */
function segmentDistance(px: number, py: number, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / len2));
  return Math.hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
}

const square: Pt[] = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
];

const run = (xs: number[], ys: number[], vertices: readonly Pt[]): number[] =>
  Array.from(polygonMask(Float64Array.from(xs), Float64Array.from(ys), vertices));

describe('polygonMask edge and vertex cases', () => {
  it('includes left and bottom edges, excludes right and top edges (square 0..10)', () => {
    // Hand-derived from the crossing rule: the ray from (0, 5) crosses only the right edge x = 10
    // (count 1, inside); from (10, 5) the right edge gives a zero cross product and no other edge
    // lies to the right (count 0, outside). Bottom y = 0 lies in [0, 10) of both vertical edges
    // (inside); top y = 10 is in no half-open span (outside).
    expect(run([0, 10, 5, 5, 5], [5, 5, 0, 10, 5], square)).toEqual([1, 0, 1, 0, 1]);
  });

  it('includes the lower-left vertex and excludes the other three', () => {
    // (0,0): only x=10 edge is crossed → inside. (10,0): on the right edge → 0 crossings.
    // (10,10) and (0,10): y = 10 is outside every half-open span → outside.
    expect(run([0, 10, 10, 0], [0, 0, 10, 10], square)).toEqual([1, 0, 0, 0]);
  });

  it('includes points on a lower-left diagonal edge exactly', () => {
    // Triangle (5,5), (500,5), (500,500) as the suite's Polygon1: the diagonal y = x is its
    // upper-left edge, downward from (500,500) to (5,5); a point on it has cross product exactly 0 and
    // is counted inside through the right edge x = 500.
    const tri: Pt[] = [
      [5, 5],
      [500, 5],
      [500, 500],
    ];
    expect(run([7, 123.5, 499.9], [7, 123.5, 499.9], tri)).toEqual([1, 1, 1]);
  });

  it('puts NaN and infinities outside and handles empty input', () => {
    expect(run([NaN, 5, Infinity, -Infinity], [5, NaN, 5, 5], square)).toEqual([0, 0, 0, 0]);
    expect(run([], [], square)).toEqual([]);
  });

  it('uses even-odd for a self-intersecting polygon (bow tie)', () => {
    // Bow tie (0,0),(10,10),(10,0),(0,10): two triangles meeting at (5,5); (2,5) is in the left
    // lobe, (8,5) in the right one, (5,2) and (5,8) are outside both.
    const bow: Pt[] = [
      [0, 0],
      [10, 10],
      [10, 0],
      [0, 10],
    ];
    expect(run([2, 8, 5, 5], [5, 5, 2, 8], bow)).toEqual([1, 1, 0, 0]);
  });

  it('rejects fewer than 3 vertices', () => {
    expect(() => run([1], [1], square.slice(0, 2))).toThrow(RangeError);
  });
});

describe('polygonMask agrees with an independent winding-number algorithm', () => {
  const coord = fc.double({ min: -100, max: 100, noNaN: true });
  const vertex = fc.tuple(coord, coord);
  it('on random (possibly self-intersecting) polygons, away from edges', () => {
    fc.assert(
      fc.property(fc.array(vertex, { minLength: 3, maxLength: 10 }), fc.array(vertex, { minLength: 1, maxLength: 50 }), (verts, pts) => {
        const far = pts.filter(([px, py]) =>
          verts.every((a, i) => segmentDistance(px, py, a, verts[(i + 1) % verts.length]!) > 1e-6),
        );
        const got = run(
          far.map((p) => p[0]),
          far.map((p) => p[1]),
          verts,
        );
        const want = far.map(([px, py]) => Math.abs(windingNumber(px, py, verts)) % 2);
        expect(got).toEqual(want);
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });
});
