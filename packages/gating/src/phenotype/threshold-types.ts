import type { TamkitWarning } from '@tamkit/core';

/** How a positivity threshold was derived. */
export type ThresholdMethod = 'percentile' | 'valley' | 'mixture';

/**
 * Where a positivity threshold came from: a fluorescence-minus-one control, an isotype control, an
 * unstained control (all in the same parent gate as the sample), or the stained sample itself.
 */
export type ThresholdSource = 'fmo' | 'isotype' | 'unstained' | 'data';

/**
 * A positivity cut-off on the display (transformed) scale of one marker. An event is positive when
 * `value <= x` (the lower bound of a range gate, whose boundary rule is `min <= v < max`).
 * `value` is NaN only when no threshold exists (warning `THRESHOLD_UNIMODAL`: no valley, or no
 * equal-posterior point between the mixture means).
 */
export interface Threshold {
  readonly value: number;
  readonly method: ThresholdMethod;
  readonly source: ThresholdSource;
  /** Finite values the threshold was computed from. */
  readonly eventCount: number;
  /** Method parameters and diagnostics (percentile, bandwidth, modes, mixture components...). */
  readonly params: Readonly<Record<string, unknown>>;
  readonly warnings: readonly TamkitWarning[];
}
