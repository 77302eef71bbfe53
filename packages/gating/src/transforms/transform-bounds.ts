import type { TransformBounds } from './transform-spec.js';

/** True when `bounds` sets boundMin or boundMax (so outputs need clamping). */
export function hasBounds(bounds: TransformBounds): boolean {
  return bounds.boundMin !== undefined || bounds.boundMax !== undefined;
}

/**
 * Gating-ML 2.0 bounded output (section 6): max(min(y, boundMax), boundMin), with an absent bound
 * leaving that side open. NaN stays NaN (both comparisons are false); ±∞ is clamped like any value.
 *
 * @example
 * boundValue(0.8, { boundMax: 0.5 }); // 0.5
 */
export function boundValue(value: number, bounds: TransformBounds): number {
  const { boundMin = -Infinity, boundMax = Infinity } = bounds;
  const v = value > boundMax ? boundMax : value;
  return v < boundMin ? boundMin : v;
}

/**
 * Clamps `values` in place to [boundMin, boundMax] as {@link boundValue} does, and returns it. A
 * separate O(n) pass, so transform kernels stay free of bound checks when a spec has no bounds.
 *
 * @example
 * boundColumn(Float64Array.from([-1, 0.3, 2]), { boundMin: 0, boundMax: 1 }); // [0, 0.3, 1]
 */
export function boundColumn(values: Float64Array, bounds: TransformBounds): Float64Array {
  const { boundMin = -Infinity, boundMax = Infinity } = bounds;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > boundMax) {
      values[i] = boundMax;
    } else if (v < boundMin) {
      values[i] = boundMin;
    }
  }
  return values;
}
