import type { Column, Mask, TamkitWarning } from '@tamkit/core';
import { ThresholdError } from './classify-errors.js';
import { ashmanD, equalPosteriorPoint, fitTwoGaussians } from './gaussian-mixture.js';
import { kdeValley, silvermanBandwidth } from './kde-valley.js';
import { quantileSorted, sortedFinite } from './sorted-values.js';
import type { Threshold } from './threshold-types.js';

/** Options of {@link thresholdFromControl}. */
export interface ControlThresholdOptions {
  /** Only `'percentile'` is defined for controls. */
  readonly method?: 'percentile';
  /**
   * Percentile of the control's values used as the cut-off, in (0, 100). Default 99.5: each marker
   * then calls 0.5% of true negatives positive, so a role of two markers combined with `any` stays
   * at ≤ 1% (1 − 0.995² ≈ 1.0%), and the estimate still rests on 25 control events above the
   * cut-off per 5000 control events. Use {@link sidakPercentile} for a stated role-level rate.
   */
  readonly percentile?: number;
  /** Kind of control, recorded in the result. Default `'fmo'`. */
  readonly source?: 'fmo' | 'isotype' | 'unstained';
}

/** Defaults of {@link thresholdFromControl}. */
export const CONTROL_THRESHOLD_DEFAULTS: Readonly<Required<ControlThresholdOptions>> = {
  method: 'percentile',
  percentile: 99.5,
  source: 'fmo',
};

/** Fewer control events than this above the cut-off give the warning `THRESHOLD_FEW_CONTROL_EVENTS`. */
const MIN_TAIL_EVENTS = 10;

function resolveControlOptions(options: ControlThresholdOptions): Required<ControlThresholdOptions> {
  const resolved = { ...CONTROL_THRESHOLD_DEFAULTS, ...options };
  if (resolved.method !== 'percentile') {
    throw new RangeError(`control thresholds support method 'percentile' only, got '${String(resolved.method)}'`);
  }
  if (!(resolved.percentile > 0 && resolved.percentile < 100)) {
    throw new RangeError(`percentile must be in (0, 100), got ${resolved.percentile}`);
  }
  return resolved;
}

/**
 * Positivity threshold from a control stained without the marker (FMO), with an isotype antibody, or
 * unstained, gated on the same parent population as the sample: the `percentile`-th percentile of the
 * control's finite values on the display scale (Hyndman & Fan definition 7, as R and numpy).
 * Roederer (2001, Cytometry 45:194) motivates FMO controls for setting such cut-offs.
 *
 * Per marker this calls (100 − percentile)% of true negatives positive; see {@link sidakPercentile}
 * and {@link roleFalsePositiveRate} for how these errors combine over the markers of a role.
 *
 * Warnings: `THRESHOLD_FEW_CONTROL_EVENTS` when fewer than 10 control events lie above the cut-off
 * (the percentile is then poorly estimated), `THRESHOLD_NON_FINITE` when non-finite values were skipped.
 *
 * @param controlValues the control's column for this marker, on the same display scale as the sample.
 * @param controlMask the control's parent gate, or null for every event.
 * @throws {ThresholdError} `THRESHOLD_NO_EVENTS` when no finite control value is inside the mask.
 * @throws {RangeError} on a percentile outside (0, 100) or a mask of the wrong length.
 * @example
 * thresholdFromControl(new Float64Array([0, 1, 2, 3, 4]), null, { percentile: 90 }).value; // 3.6
 */
export function thresholdFromControl(
  controlValues: Column,
  controlMask: Mask | null,
  options: ControlThresholdOptions = {},
): Threshold {
  const { percentile, source, method } = resolveControlOptions(options);
  const { sorted, skipped } = sortedFinite(controlValues, controlMask);
  if (sorted.length === 0) {
    throw new ThresholdError(
      'THRESHOLD_NO_EVENTS',
      `${source} control has no finite value inside its mask (${skipped} non-finite); expected at least one event`,
      { source, eventCount: 0, nonFinite: skipped },
    );
  }
  const value = quantileSorted(sorted, percentile / 100);
  const warnings: TamkitWarning[] = [];
  const tail = sorted.length * (1 - percentile / 100);
  if (tail < MIN_TAIL_EVENTS) {
    warnings.push({
      code: 'THRESHOLD_FEW_CONTROL_EVENTS',
      message: `${source} control has ${sorted.length} events, so about ${tail.toFixed(1)} lie above the ${percentile}th percentile; at least ${MIN_TAIL_EVENTS} are needed for a stable cut-off`,
      context: { source, eventCount: sorted.length, percentile },
    });
  }
  if (skipped > 0) {
    warnings.push({
      code: 'THRESHOLD_NON_FINITE',
      message: `${skipped} non-finite ${source} control values skipped`,
      context: { source, nonFinite: skipped },
    });
  }
  return { value, method, source, eventCount: sorted.length, params: { percentile }, warnings };
}

/** Options of {@link thresholdFromData}. */
export interface DataThresholdOptions {
  /**
   * `'valley'`: the density minimum between the two main modes of a Gaussian KDE. `'mixture'`: the
   * equal-posterior point of a two-component Gaussian mixture fitted by EM. Default `'valley'`.
   */
  readonly method?: 'valley' | 'mixture';
  /** KDE bandwidth in display units, or `'silverman'` (default): 0.9 · min(s, IQR/1.34) · n^(−1/5). */
  readonly bandwidth?: number | 'silverman';
  /** KDE grid points. Default 1024. */
  readonly gridSize?: number;
  /**
   * The second mode's prominence over the valley must reach this fraction of the highest mode's
   * density. Default 0.05.
   */
  readonly minProminence?: number;
  /** EM iteration limit. Default 500. */
  readonly maxIterations?: number;
  /** EM stops when the log-likelihood gains less than tolerance × |log-likelihood|. Default 1e-10. */
  readonly tolerance?: number;
}

/** Defaults of {@link thresholdFromData}. */
export const DATA_THRESHOLD_DEFAULTS: Readonly<Required<DataThresholdOptions>> = {
  method: 'valley',
  bandwidth: 'silverman',
  gridSize: 1024,
  minProminence: 0.05,
  maxIterations: 500,
  tolerance: 1e-10,
};

function resolveDataOptions(options: DataThresholdOptions): Required<DataThresholdOptions> {
  const resolved = { ...DATA_THRESHOLD_DEFAULTS, ...options };
  if (resolved.method !== 'valley' && resolved.method !== 'mixture') {
    throw new RangeError(`method must be 'valley' or 'mixture', got '${String(resolved.method)}'`);
  }
  if (resolved.bandwidth !== 'silverman' && !(resolved.bandwidth > 0)) {
    throw new RangeError(`bandwidth must be positive or 'silverman', got ${resolved.bandwidth}`);
  }
  if (!Number.isInteger(resolved.gridSize) || resolved.gridSize < 16) {
    throw new RangeError(`gridSize must be an integer >= 16, got ${resolved.gridSize}`);
  }
  if (!Number.isInteger(resolved.maxIterations) || resolved.maxIterations < 1) {
    throw new RangeError(`maxIterations must be a positive integer, got ${resolved.maxIterations}`);
  }
  return resolved;
}

/**
 * Positivity threshold from the stained sample alone, when no control was acquired: the
 * density valley between the two main modes, or the equal-posterior point of a two-component
 * Gaussian mixture, both on the display (transformed) scale. Always warns `THRESHOLD_NO_CONTROL`:
 * without a control the cut-off assumes that the negatives form the lower mode.
 *
 * `THRESHOLD_UNIMODAL` is added when the KDE has a single main mode (`value` is then NaN), or when
 * the fitted mixture is not bimodal (Ashman's D ≤ 2) or has no equal-posterior point between its means
 * (`value` is then the crossing if it exists, else NaN).
 *
 * @throws {ThresholdError} `THRESHOLD_NO_EVENTS` when no finite value is inside the mask.
 * @throws {RangeError} on invalid options or a mask of the wrong length.
 * @example
 * const x = new Float64Array([0, 0.1, -0.1, 0, 5, 5.1, 4.9, 5]);
 * thresholdFromData(x, null, { method: 'mixture' }).value; // 2.5 (by symmetry)
 */
export function thresholdFromData(
  values: Column,
  mask: Mask | null,
  options: DataThresholdOptions = {},
): Threshold {
  const opts = resolveDataOptions(options);
  const { sorted, skipped } = sortedFinite(values, mask);
  if (sorted.length === 0) {
    throw new ThresholdError(
      'THRESHOLD_NO_EVENTS',
      `sample has no finite value inside its mask (${skipped} non-finite); expected at least one event`,
      { source: 'data', eventCount: 0, nonFinite: skipped },
    );
  }
  const warnings: TamkitWarning[] = [
    {
      code: 'THRESHOLD_NO_CONTROL',
      message: `threshold derived from the stained sample by the ${opts.method} method, not from a control; acquire an FMO control for a defined false-positive rate`,
      context: { method: opts.method },
    },
  ];
  const unimodal = (detail: string): void => {
    warnings.push({
      code: 'THRESHOLD_UNIMODAL',
      message: `no separation between negative and positive events: ${detail}`,
      context: { method: opts.method },
    });
  };
  let value: number;
  let params: Record<string, unknown>;
  if (opts.method === 'valley') {
    const bandwidth = opts.bandwidth === 'silverman' ? silvermanBandwidth(sorted) : opts.bandwidth;
    const valley = kdeValley(sorted, { bandwidth, gridSize: opts.gridSize, minProminence: opts.minProminence });
    value = valley.value;
    params = { bandwidth, gridSize: opts.gridSize, minProminence: opts.minProminence, modes: valley.modes, depthRatio: valley.depthRatio };
    if (Number.isNaN(value)) {
      unimodal(`the smoothed histogram (bandwidth ${bandwidth.toPrecision(4)}) has one main mode`);
    }
  } else {
    const fit = fitTwoGaussians(sorted, { maxIterations: opts.maxIterations, tolerance: opts.tolerance });
    const [a, b] = fit.components;
    value = equalPosteriorPoint(a, b);
    const d = ashmanD(a, b);
    params = { components: fit.components, ashmanD: d, iterations: fit.iterations, converged: fit.converged };
    if (Number.isNaN(value)) {
      unimodal('the two fitted components have no equal-posterior point between their means');
    } else if (!(d > 2)) {
      unimodal(`Ashman's D of the fitted components is ${d.toFixed(2)}, expected > 2`);
    }
    if (!fit.converged) {
      warnings.push({
        code: 'THRESHOLD_NOT_CONVERGED',
        message: `EM stopped after ${fit.iterations} iterations without converging; raise maxIterations`,
        context: { iterations: fit.iterations },
      });
    }
  }
  if (skipped > 0) {
    warnings.push({
      code: 'THRESHOLD_NON_FINITE',
      message: `${skipped} non-finite values skipped`,
      context: { source: 'data', nonFinite: skipped },
    });
  }
  return { value, method: opts.method, source: 'data', eventCount: sorted.length, params, warnings };
}
