import type { Column, Mask } from '@tamkit/core';
import type { BoundedDimension, RangeGateSpec, RectangleGateSpec } from '../gates/gate-spec.js';
import { hasBounds } from '../transforms/transform-bounds.js';
import type { Transform } from '../transforms/transform-spec.js';
import type { DimensionValues } from './dimension-values.js';

/**
 * Transforms tested through thresholds: strictly increasing bijections of the reals, finite on
 * finite input and ±∞ on ±∞, whose column form costs more than two comparisons. A spec with
 * boundMin/boundMax is not a bijection (its inverse ignores the clamp), so it is never eligible.
 */
const THRESHOLD_KINDS = new Set(['logicle', 'hyperlog', 'asinh']);

function thresholdEligible({ spec }: Transform): boolean {
  return spec.kind !== 'flowjo-biex' && THRESHOLD_KINDS.has(spec.kind) && !hasBounds(spec);
}

/** Half-width of the band around a bound, in transformed units relative to max(1, |bound|). */
const BAND = 1e-9;

/**
 * A band [below, above] of untransformed values around a bound m: values below `below` transform to
 * less than m − ε, values at or above `above` to at least m + ε (ε ≫ the column transform's error),
 * and values inside the band are transformed exactly.
 */
interface Band {
  readonly below: number;
  readonly above: number;
}

function band(t: Transform, m: number): Band | null {
  const eps = BAND * Math.max(1, Math.abs(m));
  const below = t.inverse(m - eps);
  const above = t.inverse(m + eps);
  return below <= above ? { below, above } : null;
}

/**
 * A range or rectangle gate whose transformed dimensions are tested against their bounds mapped back
 * through the transform's inverse, so events far from a bound are decided without transforming them.
 * Values within a narrow band around a bound are transformed with the same `applyColumn` that the
 * value path uses, so every decision equals `rectangleMask` on transformed values (`min ≤ T(v) < max`,
 * NaN and ±∞ outside). Returns null when a dimension's transform is not eligible (the caller then
 * transforms values as usual).
 */
export function rectangleByThresholds(
  gate: RangeGateSpec | RectangleGateSpec,
  values: DimensionValues,
  gateId: string,
  within: Mask | null,
  supersets: readonly Mask[],
): Mask | null {
  const plan: { base: Column; transform: Transform | null; dim: BoundedDimension; lo: Band | null; hi: Band | null }[] = [];
  for (const dim of gate.dimensions) {
    const transform = values.transformOf(dim);
    if (transform && !thresholdEligible(transform)) {
      return null;
    }
  }
  for (const dim of gate.dimensions) {
    const { base, transform } = values.untransformed(dim, gateId, within, supersets);
    let lo: Band | null = null;
    let hi: Band | null = null;
    if (transform) {
      lo = dim.min === undefined ? null : band(transform, dim.min);
      hi = dim.max === undefined ? null : band(transform, dim.max);
      if ((dim.min !== undefined && !lo) || (dim.max !== undefined && !hi)) {
        return null;
      }
    }
    plan.push({ base, transform, dim, lo, hi });
  }
  const len = plan[0]!.base.length;
  const out = within ? within.slice() : new Uint8Array(len).fill(1);
  const one = new Float64Array(1);
  for (const { base, transform, dim, lo, hi } of plan) {
    if (!transform) {
      const min = dim.min ?? -Number.MAX_VALUE;
      const max = dim.max ?? Infinity;
      for (let i = 0; i < len; i++) {
        const v = base[i]!;
        if (!(v >= min && v < max)) {
          out[i] = 0;
        }
      }
      continue;
    }
    const exact = (v: number): number => {
      one[0] = v;
      return transform.applyColumn(one)[0]!;
    };
    const loBelow = lo ? lo.below : -Infinity;
    const loAbove = lo ? lo.above : -Infinity;
    const hiBelow = hi ? hi.below : Infinity;
    const hiAbove = hi ? hi.above : Infinity;
    const min = dim.min ?? -Number.MAX_VALUE;
    const max = dim.max ?? Infinity;
    for (let i = 0; i < len; i++) {
      if (out[i] === 0) {
        continue;
      }
      const v = base[i]!;
      // NaN, ±∞: transformed to NaN or ±∞, outside every gate.
      if (!(v - v === 0)) {
        out[i] = 0;
        continue;
      }
      if (v >= loAbove && v < hiBelow) {
        continue;
      }
      if (v < loBelow || v >= hiAbove) {
        out[i] = 0;
        continue;
      }
      const t = exact(v);
      if (!(t >= min && t < max)) {
        out[i] = 0;
      }
    }
  }
  return out;
}
