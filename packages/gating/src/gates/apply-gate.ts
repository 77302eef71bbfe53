import type { Column, Mask } from '@tamkit/core';
import { ellipsoidMask } from './ellipsoid-mask.js';
import { assertUnreachable, type GeometricGateSpec } from './gate-spec.js';
import { polygonMask } from './polygon-mask.js';
import { rectangleMask } from './rectangle-mask.js';

/**
 * Applies a geometric gate (range, rectangle, polygon, ellipse, ellipsoid) to the values of its
 * dimensions, already compensated and transformed into the gate's coordinate space (the gating
 * strategy does that; see `evaluateStrategy`). Boundary rules: rectangle `min <= v < max`, polygon
 * even-odd with an exact cross-product side test (left/bottom edges inside), ellipsoid
 * `(x−μ)ᵀC⁻¹(x−μ) <= D²`; NaN is outside every gate. Quadrant gates: `quadrantMasks`; boolean gates
 * combine populations (`evaluateStrategy`).
 *
 * @param spec the gate
 * @param columns one column per dimension, in `spec.dimensions` order
 * @param gateId for error messages
 * @param within optional parent mask: the result is ANDed with it (events outside are skipped)
 * @returns a new mask, 1 = inside
 * @throws {GateSpecError} `GATE_SPEC_INVALID` for a singular ellipsoid covariance
 * @example
 * const gate = { kind: 'range', dimensions: [{ channel: 'FSC-H', compensation: 'uncompensated', min: 100 }] } as const;
 * applyGate(gate, [new Float64Array([99, 100, 101])]); // Uint8Array [0, 1, 1]
 */
export function applyGate(spec: GeometricGateSpec, columns: readonly Column[], gateId = '', within: Mask | null = null): Mask {
  if (columns.length !== spec.dimensions.length) {
    throw new RangeError(`gate has ${spec.dimensions.length} dimensions, got ${columns.length} columns`);
  }
  switch (spec.kind) {
    case 'range':
    case 'rectangle':
      return rectangleMask(columns, spec.dimensions, within);
    case 'polygon':
      return polygonMask(columns[0]!, columns[1]!, spec.vertices, within);
    case 'ellipse':
    case 'ellipsoid':
      return ellipsoidMask(columns, spec.mean, spec.covariance, spec.distanceSquare, gateId, within);
    default:
      return assertUnreachable(spec);
  }
}
