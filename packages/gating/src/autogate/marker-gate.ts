import type { Column, Mask, Rng, TamkitWarning } from '@tamkit/core';
import { kdeValley, silvermanBandwidth } from '../phenotype/kde-valley.js';
import { thresholdFromControl } from '../phenotype/thresholds.js';
import type { Transform } from '../transforms/transform-spec.js';
import type { FittedGate } from './debris-gate.js';
import { density1d, lowerValley, modeSigma } from './density-1d.js';
import { sampleValues } from './sample-values.js';

/** A positivity cut-off of one channel on its display scale, with where it came from. */
export interface MarkerCut {
  readonly channel: string;
  readonly value: number;
  readonly source: 'valley' | 'fallback' | 'unstained' | 'isotype';
  readonly params: Readonly<Record<string, unknown>>;
}

/** Options of the valley search of a marker gate. */
export interface MarkerCutOptions {
  readonly sampleSize: number;
  /** Minimum prominence of the second mode, as a fraction of the main mode's density. */
  readonly minProminence: number;
  /** Without a valley, the cut-off lies this many SDs of the single mode beyond it. */
  readonly fallbackSigmas: number;
  /** Percentile of a negative control used as the cut-off. */
  readonly controlPercentile: number;
}

/**
 * The cut-off between the dim and the bright population of one column within a parent gate, on the
 * display scale of `transform` (only the subsample is transformed): the density valley between the two main modes (`kdeValley`, Silverman bandwidth) of a seeded
 * subsample. With a single mode the cut-off is that mode ± `fallbackSigmas` SDs, on the side given
 * by `singleModeIs` (warning `AUTOGATE_NO_VALLEY`). With a negative control (unstained or isotype,
 * already gated and on the same scale), its `controlPercentile`-th percentile is used instead.
 */
export function fitMarkerCut(
  gateId: string,
  channel: string,
  linear: Column,
  transform: Transform,
  parent: Mask | null,
  singleModeIs: 'dim' | 'bright',
  rng: Rng,
  options: MarkerCutOptions,
  control?: {
    readonly values: Column;
    readonly mask: Mask | null;
    readonly kind: 'unstained' | 'isotype';
  },
): { cut: MarkerCut; warnings: TamkitWarning[] } {
  if (control !== undefined) {
    const t = thresholdFromControl(control.values, control.mask, {
      percentile: options.controlPercentile,
      source: control.kind,
    });
    return {
      cut: {
        channel,
        value: t.value,
        source: control.kind,
        params: { percentile: options.controlPercentile, controlEvents: t.eventCount },
      },
      warnings: t.warnings.map((w) => ({ ...w, context: { ...w.context, gateId, channel } })),
    };
  }
  const sorted = sampleValues(linear, parent, options.sampleSize, rng, (v) => transform.apply(v));
  const bandwidth = silvermanBandwidth(sorted);
  const valley = kdeValley(sorted, {
    bandwidth,
    gridSize: 1024,
    minProminence: options.minProminence,
  });
  if (!Number.isNaN(valley.value)) {
    return {
      cut: {
        channel,
        value: valley.value,
        source: 'valley',
        params: {
          sampleSize: sorted.length,
          bandwidth,
          modes: valley.modes,
          depthRatio: valley.depthRatio,
        },
      },
      warnings: [],
    };
  }
  const d = density1d(sorted);
  const side = singleModeIs === 'dim' ? -1 : 1;
  const sigma = modeSigma(d, side);
  if (singleModeIs === 'bright') {
    // A dim population too small for a second mode can still leave a valley below the bright one.
    const lower = lowerValley(d, d.mode - 3 * sigma, options.minProminence / 10, 0.8);
    if (!Number.isNaN(lower.value)) {
      return {
        cut: {
          channel,
          value: lower.value,
          source: 'valley',
          params: { sampleSize: sorted.length, mode: d.mode, sigma, prominence: lower.prominence },
        },
        warnings: [],
      };
    }
  }
  const value =
    singleModeIs === 'dim'
      ? d.mode + options.fallbackSigmas * sigma
      : d.mode - options.fallbackSigmas * sigma;
  return {
    cut: {
      channel,
      value,
      source: 'fallback',
      params: { sampleSize: sorted.length, mode: d.mode, sigma },
    },
    warnings: [
      {
        code: 'AUTOGATE_NO_VALLEY',
        message: `gate '${gateId}': ${channel} shows one population, no valley; taken as ${singleModeIs} and cut ${options.fallbackSigmas} SD ${singleModeIs === 'dim' ? 'above' : 'below'} its mode`,
        context: { gateId, channel },
      },
    ],
  };
}

export type { FittedGate };
