/**
 * Gating-ML 2.0 transformation bounds (`transforms:boundMin` / `transforms:boundMax`, section 6): the
 * output y of the transformation function is replaced by max(min(y, boundMax), boundMin). Either may be
 * absent (no bound on that side); both are finite and boundMin <= boundMax. NaN stays NaN.
 */
export interface TransformBounds {
  readonly boundMin?: number;
  readonly boundMax?: number;
}

/**
 * A per-value display/gating transform, as plain serialisable data. Parameter names follow
 * Gating-ML 2.0 (section 6, Transformations) so specs convert to and from `transforms:*` elements;
 * the Gating-ML kinds take the optional {@link TransformBounds}.
 */
export type TransformSpec =
  /** flin(x) = (x + A) / (T + A) */
  | ({ readonly kind: 'linear'; readonly t: number; readonly a: number } & TransformBounds)
  /** flog(x) = (1/M)·log10(x/T) + 1; NaN/-Infinity for x <= 0 */
  | ({ readonly kind: 'log'; readonly t: number; readonly m: number } & TransformBounds)
  /** fasinh(x) = [asinh(x·sinh(M·ln10)/T) + A·ln10] / [(M + A)·ln10] */
  | ({ readonly kind: 'asinh'; readonly t: number; readonly m: number; readonly a: number } & TransformBounds)
  /** Parks, Roederer & Moore (2006) logicle, Gating-ML 2.0 form (output 0..1 for 0..T). */
  | ({ readonly kind: 'logicle'; readonly t: number; readonly w: number; readonly m: number; readonly a: number } & TransformBounds)
  /** Bagwell's hyperlog, Gating-ML 2.0 form. */
  | ({ readonly kind: 'hyperlog'; readonly t: number; readonly w: number; readonly m: number; readonly a: number } & TransformBounds)
  /**
   * FlowJo's biexponential ("Biex"), as FlowJo 10 builds its lookup table: `width` (<= -1, the
   * width basis), `negative` and `positive` decades, `maxValue` the top of scale, output in
   * display channels 0..`channelRange` (4096 in FlowJo).
   */
  | {
      readonly kind: 'flowjo-biex';
      readonly width: number;
      readonly negative: number;
      readonly positive: number;
      readonly maxValue: number;
      readonly channelRange: number;
    };

/**
 * A transform built from a spec. `inverse(apply(x))` returns x (to ~1e-9 relative) wherever the
 * spec's bounds do not clamp the output.
 */
export interface Transform {
  readonly spec: TransformSpec;
  apply(value: number): number;
  /**
   * Inverse of the unbounded transformation function: bounds are not undone (a clamped value has
   * many preimages), so `inverse(boundMax)` is the data value where the function reaches boundMax.
   */
  inverse(value: number): number;
  /** Applies the transform to a whole column into a new Float64Array. */
  applyColumn(values: ArrayLike<number>): Float64Array;
}
