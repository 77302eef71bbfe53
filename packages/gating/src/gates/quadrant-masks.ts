import type { Column, Mask } from '@tamkit/core';
import type { QuadrantGateSpec } from './gate-spec.js';

/**
 * The band of a divider that contains `location`: `[largest cut <= location, smallest cut > location)`
 * (Gating-ML 2.0 section 5.3.4; a location equal to a cut selects the band above it). Missing ends
 * are unbounded.
 *
 * @example
 * quadrantBand([10, 20], 15); // { lower: 10, upper: 20 }
 */
export function quadrantBand(cuts: readonly number[], location: number): { lower: number; upper: number } {
  let lower = -Infinity;
  let upper = Infinity;
  for (const c of cuts) {
    if (c <= location && c > lower) {
      lower = c;
    }
    if (c > location && c < upper) {
      upper = c;
    }
  }
  return { lower, upper };
}

/**
 * Evaluates every quadrant of a quadrant gate. A quadrant is inside when, for each divider it lists,
 * the value lies in the band its location picks (`lower <= v < upper`); dividers it does not list are
 * unconstrained. Non-finite values are outside any band.
 *
 * @param spec the quadrant gate
 * @param columns one column per divider, in `spec.dividers` order
 * @param within optional parent mask: every quadrant is ANDed with it
 * @returns a mask per quadrant id
 * @example
 * const spec = { kind: 'quadrant', dividers: [{ id: 'X', dimension: { channel: 'FL1-H', compensation: 'uncompensated' }, cuts: [5] }],
 *   quadrants: [{ id: 'XN', positions: [{ divider: 'X', location: 0 }] }] } as const;
 * quadrantMasks(spec, [new Float64Array([1, 9])]).get('XN'); // Uint8Array [1, 0]
 */
export function quadrantMasks(spec: QuadrantGateSpec, columns: readonly Column[], within: Mask | null = null): Map<string, Mask> {
  if (columns.length !== spec.dividers.length) {
    throw new RangeError(`${columns.length} columns for ${spec.dividers.length} dividers`);
  }
  const len = columns[0]?.length ?? 0;
  const result = new Map<string, Mask>();
  for (const quadrant of spec.quadrants) {
    const out = within ? within.slice() : new Uint8Array(len).fill(1);
    for (const position of quadrant.positions) {
      const d = spec.dividers.findIndex((div) => div.id === position.divider);
      if (d < 0) {
        throw new RangeError(`quadrant '${quadrant.id}' names unknown divider '${position.divider}'`);
      }
      const { lower, upper } = quadrantBand(spec.dividers[d]!.cuts, position.location);
      const lo = lower === -Infinity ? -Number.MAX_VALUE : lower;
      const col = columns[d]!;
      for (let i = 0; i < len; i++) {
        const v = col[i]!;
        if (!(v >= lo && v < upper)) {
          out[i] = 0;
        }
      }
    }
    result.set(quadrant.id, out);
  }
  return result;
}
