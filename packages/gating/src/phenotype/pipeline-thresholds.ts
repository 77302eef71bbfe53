import {
  createRng,
  type Column,
  type EventTable,
  type Mask,
  type TamkitWarning,
} from '@tamkit/core';
import { density1d, modeSigma } from '../autogate/density-1d.js';
import { sampleValues } from '../autogate/sample-values.js';
import type { Transform } from '../transforms/transform-spec.js';
import type { Threshold } from './threshold-types.js';
import { thresholdFromControl, thresholdFromData } from './thresholds.js';

/** A control prepared for one marker: compensated table and its parent-gate mask. */
export interface PreparedControl {
  readonly kind: 'fmo' | 'isotype' | 'unstained';
  readonly comp: EventTable;
  readonly mask: Mask;
}

/**
 * Share of the sample's own negatives (its gated events below its own cut-off) that may lie above the
 * control's cut-off beyond the nominal `1 − percentile/100` before the control is judged not to
 * match the sample's negatives: 5 percentage points (10× the nominal 0.5% at the 99.5th percentile).
 */
export const ABOVE_CONTROL_EXCESS = 0.05;

/**
 * The positivity threshold of one marker on the display scale. With a control: its percentile. As a
 * safety net, when the sample's own negatives lie above that cut-off — more than the nominal
 * `1 − percentile/100` plus {@link ABOVE_CONTROL_EXCESS} of the sample's events below its own
 * cut-off (see `dataThreshold`) are above the control's — the sample's cut-off is used instead
 * (`THRESHOLD_ABOVE_CONTROL`, source still the control's kind). Without a control: the sample's own
 * cut-off with `THRESHOLD_NO_CONTROL`.
 *
 * @param linear the sample's compensated column; its gated events are subsampled and transformed.
 */
export function markerThreshold(
  channel: string,
  transform: Transform,
  linear: Column,
  gate: Mask,
  control: PreparedControl | undefined,
  options: { readonly percentile: number; readonly sampleSize: number; readonly seed: number },
): { threshold: Threshold; controlDisplay?: { values: Float64Array; mask: Mask } } {
  if (control !== undefined) {
    const idx = control.comp.channels.findIndex((c) => c.name === channel);
    const values = transform.applyColumn(control.comp.columns[idx]!);
    const fromControl = thresholdFromControl(values, control.mask, {
      percentile: options.percentile,
      source: control.kind,
    });
    // Safety net: a control that lacks what the stained sample's negatives carry (heavy nonspecific
    // binding of the antibody, a mismatched isotype) puts its percentile inside the sample's negative
    // population. Then the sample's own cut-off is used, and the result says so.
    const { threshold: fromData, sorted } = dataThreshold(channel, transform, linear, gate, options);
    const aboveShare = shareOfNegativesAbove(sorted, fromData.value, fromControl.value);
    let threshold = fromControl;
    if (fromData.value > fromControl.value && aboveShare > 1 - options.percentile / 100 + ABOVE_CONTROL_EXCESS) {
      threshold = {
        ...fromControl,
        value: fromData.value,
        method: fromData.method,
        params: {
          ...fromData.params,
          percentile: options.percentile,
          controlCut: fromControl.value,
          sampleCut: fromData.value,
          negativesAboveControl: aboveShare,
        },
        warnings: [
          ...fromControl.warnings,
          {
            code: 'THRESHOLD_ABOVE_CONTROL',
            message: `${channel}: ${(100 * aboveShare).toFixed(1)}% of the sample's negatives lie above the ${control.kind} control's ${options.percentile}th percentile (${fromControl.value.toFixed(3)}); cut at the sample's own cut-off (${fromData.value.toFixed(3)}) instead`,
            context: { channel, controlCut: fromControl.value, sampleCut: fromData.value, negativesAboveControl: aboveShare },
          },
        ],
      };
    }
    return { threshold, controlDisplay: { values, mask: control.mask } };
  }
  return { threshold: dataThreshold(channel, transform, linear, gate, options).threshold };
}

/**
 * Share of the sorted values below `sampleCut` (the sample's own negatives) that are ≥ `controlCut`;
 * 0 when there are none.
 */
function shareOfNegativesAbove(sorted: Float64Array, sampleCut: number, controlCut: number): number {
  let negatives = 0;
  let above = 0;
  for (const v of sorted) {
    if (v < sampleCut) {
      negatives++;
      if (v >= controlCut) {
        above++;
      }
    }
  }
  return negatives === 0 ? 0 : above / negatives;
}

/** SDs above the single (negative) mode of the fallback cut-off: 0.13% of normal negatives lie above. */
const FALLBACK_SDS = 3;

/**
 * The sample's own cut-off: the equal-posterior point of a two-Gaussian mixture (the Bayes boundary,
 * which minimises misclassified events), else the KDE valley when the mixture is not bimodal, else
 * mode + 3 SD of the single population (`THRESHOLD_FALLBACK`).
 */
function dataThreshold(
  channel: string,
  transform: Transform,
  linear: Column,
  gate: Mask,
  options: { readonly sampleSize: number; readonly seed: number },
): { threshold: Threshold; sorted: Float64Array } {
  // Only the seeded subsample is transformed to the display scale.
  const sorted = sampleValues(linear, gate, options.sampleSize, createRng(options.seed), (v) =>
    transform.apply(v),
  );
  let threshold = thresholdFromData(sorted, null, { method: 'mixture' });
  if (
    Number.isNaN(threshold.value) ||
    threshold.warnings.some((w) => w.code === 'THRESHOLD_UNIMODAL')
  ) {
    const valley = thresholdFromData(sorted, null, { method: 'valley' });
    if (!Number.isNaN(valley.value)) {
      threshold = valley;
    } else {
      const d = density1d(sorted);
      const value = d.mode + FALLBACK_SDS * modeSigma(d, -1);
      const warnings: TamkitWarning[] = [
        ...threshold.warnings,
        {
          code: 'THRESHOLD_FALLBACK',
          message: `${channel}: one population and no control; taken as negative and cut ${FALLBACK_SDS} SD above its mode`,
          context: { channel },
        },
      ];
      threshold = {
        ...threshold,
        value,
        params: { ...threshold.params, fallback: `mode + ${FALLBACK_SDS} SD`, mode: d.mode },
        warnings,
      };
    }
  }
  return { threshold, sorted };
}
