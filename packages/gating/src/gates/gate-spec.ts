/**
 * Gate definitions as plain, JSON-serialisable data (Gating-ML 2.0 section 5, FlowKit's `Dimension`
 * model). A gate is evaluated on the values of its dimensions: each dimension names a channel (or a
 * ratio of two channels), the compensation its values are read through and, optionally, the id of a
 * named transform whose output space the gate's coordinates are in.
 */

import type { TransformBounds } from '../transforms/transform-spec.js';

/**
 * Compensation reference of a dimension: `'uncompensated'`, `'FCS'` (the data file's own spillover
 * matrix; uncompensated when the file has none) or the id of a matrix of the gating strategy.
 */
export type CompensationRef = string;

/** A dimension reading one channel, named by $PnN or by marker label ($PnS). */
export interface ChannelDimension {
  readonly channel: string;
  readonly compensation: CompensationRef;
  /** Id of a named transform (a key of the strategy's `transforms`); absent = scale values. */
  readonly transform?: string;
}

/**
 * Gating-ML `fratio`: A·(x − B)/(y − C), x and y two channels read through the dimension's compensation,
 * clamped to the optional `boundMin`/`boundMax` of its transformation (Gating-ML 2.0 section 6).
 */
export interface RatioSpec extends TransformBounds {
  /** Id the ratio has in a Gating-ML document (a `transforms:transformation`); optional. */
  readonly id?: string;
  readonly x: string;
  readonly y: string;
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

/** A derived dimension (Gating-ML `new-dimension`): a ratio of two channels, then an optional transform. */
export interface RatioDimension {
  readonly ratio: RatioSpec;
  readonly compensation: CompensationRef;
  readonly transform?: string;
}

export type Dimension = ChannelDimension | RatioDimension;

/** A rectangle dimension: a dimension with optional bounds (half-open, `min <= v < max`). */
export type BoundedDimension = Dimension & { readonly min?: number; readonly max?: number };

/** One-dimensional rectangle. Inside when `min <= v < max` (a missing bound is unbounded). */
export interface RangeGateSpec {
  readonly kind: 'range';
  readonly dimensions: readonly [BoundedDimension];
}

/** n-dimensional rectangle (n >= 1): inside when `min <= v < max` in every dimension. */
export interface RectangleGateSpec {
  readonly kind: 'rectangle';
  readonly dimensions: readonly BoundedDimension[];
}

/** Polygon in 2 dimensions, >= 3 vertices, closing edge implicit; even-odd rule. */
export interface PolygonGateSpec {
  readonly kind: 'polygon';
  readonly dimensions: readonly [Dimension, Dimension];
  readonly vertices: readonly (readonly [number, number])[];
}

/**
 * Ellipsoid (n >= 2 dimensions): inside when (x − μ)ᵀ C⁻¹ (x − μ) <= D². `ellipse` is the 2-dimensional case. C is
 * inverted as given (a general inverse: it need not be symmetric).
 */
export interface EllipsoidGateSpec {
  readonly kind: 'ellipse' | 'ellipsoid';
  readonly dimensions: readonly Dimension[];
  readonly mean: readonly number[];
  /** n rows of n entries. */
  readonly covariance: readonly (readonly number[])[];
  readonly distanceSquare: number;
}

/** A quadrant gate divider: a dimension cut at one or more values. */
export interface QuadrantDivider {
  readonly id: string;
  readonly dimension: Dimension;
  readonly cuts: readonly number[];
}

/** One named quadrant: for each listed divider, a location picking the band that contains it. */
export interface Quadrant {
  readonly id: string;
  readonly positions: readonly { readonly divider: string; readonly location: number }[];
}

/** Quadrant gate: each quadrant is its own population under the gate. */
export interface QuadrantGateSpec {
  readonly kind: 'quadrant';
  readonly dividers: readonly QuadrantDivider[];
  readonly quadrants: readonly Quadrant[];
}

/** An operand of a boolean gate: a population id, optionally complemented. */
export interface BooleanOperand {
  readonly ref: string;
  readonly complement?: boolean;
}

/** Boolean gate: `and`/`or` of >= 2 operands or `not` of exactly 1 (operands' final membership). */
export interface BooleanGateSpec {
  readonly kind: 'boolean';
  readonly op: 'and' | 'or' | 'not';
  readonly operands: readonly BooleanOperand[];
}

/** Gates evaluated on dimension values alone. */
export type GeometricGateSpec = RangeGateSpec | RectangleGateSpec | PolygonGateSpec | EllipsoidGateSpec;

/** Every gate kind, discriminated on `kind`. */
export type GateSpec = GeometricGateSpec | QuadrantGateSpec | BooleanGateSpec;

/** True when a dimension is a ratio (`new-dimension`) rather than a channel. */
export function isRatioDimension(dimension: Dimension): dimension is RatioDimension {
  return 'ratio' in dimension;
}

/** The dimensions a gate reads, in the order `applyGate` expects their values (dividers for quadrants). */
export function gateDimensions(spec: GateSpec): readonly Dimension[] {
  switch (spec.kind) {
    case 'quadrant':
      return spec.dividers.map((d) => d.dimension);
    case 'boolean':
      return [];
    default:
      return spec.dimensions;
  }
}

/** Throws on a value that should be impossible (exhaustive switches). */
export function assertUnreachable(value: never): never {
  throw new TypeError(`unexpected value ${JSON.stringify(value)}`);
}
