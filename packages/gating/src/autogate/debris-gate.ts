import type { Column, Mask, Rng, TamkitWarning } from '@tamkit/core';
import type { PolygonGateSpec } from '../gates/gate-spec.js';
import { density1d, lowerValley, modeSigma } from './density-1d.js';
import { sampleValues } from './sample-values.js';

/** Options of the debris (cells) gate. */
export interface DebrisGateOptions {
  /** Events the density is estimated from (seeded subsample). */
  readonly sampleSize: number;
  /** The valley must lie this many SDs of the main cell mode below it (log10 FSC-A). */
  readonly minSigmasBelowMode: number;
  /** Without a debris valley, the cut-off is this many SDs below the main mode. */
  readonly fallbackSigmas: number;
  /** Minimum prominence of the debris mode over the valley, as a fraction of the main mode's density. */
  readonly minProminence: number;
}

/** A fitted gate with its parameters and warnings. */
export interface FittedGate<G> {
  readonly gate: G;
  readonly params: Readonly<Record<string, unknown>>;
  readonly warnings: readonly TamkitWarning[];
}

/**
 * Debris exclusion on FSC-A vs SSC-A. The density of log10(FSC-A) is estimated (Gaussian KDE); the
 * main mode is the cell population; its SD σ comes from the half width at half maximum on its upper
 * side. The cut-off t is the deepest density valley below `mode − minSigmasBelowMode·σ` (between the
 * small-particle debris mode and the cells), or `mode − fallbackSigmas·σ` when there is none
 * (warning `AUTOGATE_NO_DEBRIS_VALLEY`). The gate is the polygon FSC-A ≥ t, −1 ≤ SSC-A < top, FSC-A <
 * top (top = the channel range). FSC-A ≤ 0 is never a cell.
 */
export function fitDebrisGate(
  fscA: Column,
  names: { readonly fsc: string; readonly ssc: string; readonly compensation: string },
  top: number,
  parent: Mask | null,
  rng: Rng,
  options: DebrisGateOptions,
): FittedGate<PolygonGateSpec> {
  const logs = sampleValues(fscA, parent, options.sampleSize, rng, (v) =>
    v > 0 ? Math.log10(v) : Number.NaN,
  );
  const d = density1d(logs, 1, 0.01);
  const sigma = modeSigma(d, 1);
  const valley = lowerValley(
    d,
    d.mode - options.minSigmasBelowMode * sigma,
    options.minProminence,
    0.8,
  );
  const warnings: TamkitWarning[] = [];
  let logCut = valley.value;
  if (Number.isNaN(logCut)) {
    logCut = d.mode - options.fallbackSigmas * sigma;
    warnings.push({
      code: 'AUTOGATE_NO_DEBRIS_VALLEY',
      message: `no density valley between debris and cells on log10(${names.fsc}); cut at the cell mode minus ${options.fallbackSigmas} SD (${(10 ** logCut).toPrecision(4)})`,
      context: { gateId: 'cells', channel: names.fsc },
    });
  }
  const cut = 10 ** logCut;
  const gate: PolygonGateSpec = {
    kind: 'polygon',
    dimensions: [
      { channel: names.fsc, compensation: names.compensation },
      { channel: names.ssc, compensation: names.compensation },
    ],
    vertices: [
      [cut, -1],
      [top, -1],
      [top, top],
      [cut, top],
    ],
  };
  return {
    gate,
    params: {
      method: 'log10 FSC-A density valley',
      sampleSize: logs.length,
      bandwidth: d.bandwidth,
      cellMode: 10 ** d.mode,
      cellSigmaLog10: sigma,
      cut,
      valleyFound: !Number.isNaN(valley.value),
      prominence: valley.prominence,
    },
    warnings,
  };
}
