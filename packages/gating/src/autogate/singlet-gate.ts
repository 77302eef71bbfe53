import type { Column, Mask, Rng } from '@tamkit/core';
import type { PolygonGateSpec } from '../gates/gate-spec.js';
import { MAD_TO_SD, medianSorted } from '../phenotype/sorted-values.js';
import type { FittedGate } from './debris-gate.js';
import { density1d } from './density-1d.js';
import { sampleValues } from './sample-values.js';

/** Options of the singlet gate. */
export interface SingletGateOptions {
  readonly sampleSize: number;
  /** Half width of the ratio band in robust SDs. */
  readonly widthSds: number;
}

/**
 * Singlets on FSC-A vs FSC-H: single cells lie on a line FSC-H ≈ k·FSC-A, doublets below it (their
 * area adds up, their height does not). k is the mode of the ratio FSC-H/FSC-A in the parent gate
 * (Gaussian KDE), its spread s = 1.4826 · median |r − k| (the MAD about the mode, robust to the
 * doublets), and the gate is the wedge-shaped polygon between the lines FSC-H = (k − w)·FSC-A and
 * FSC-H = (k + w)·FSC-A, w = widthSds · s, for FSC-A from `fromArea` to `top`.
 */
export function fitSingletGate(
  area: Column,
  height: Column,
  names: { readonly area: string; readonly height: string; readonly compensation: string },
  fromArea: number,
  top: number,
  parent: Mask | null,
  rng: Rng,
  options: SingletGateOptions,
): FittedGate<PolygonGateSpec> {
  const ratio = new Float64Array(area.length);
  for (let i = 0; i < ratio.length; i++) {
    const a = area[i]!;
    ratio[i] = a > 0 ? height[i]! / a : Number.NaN;
  }
  const sorted = sampleValues(ratio, parent, options.sampleSize, rng);
  const d = density1d(sorted);
  const k = d.mode;
  const dev = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    dev[i] = Math.abs(sorted[i]! - k);
  }
  const spread = MAD_TO_SD * medianSorted(dev.sort());
  const w = options.widthSds * spread;
  const lo = Math.max(k - w, 0);
  const a0 = Math.max(fromArea, 1);
  const gate: PolygonGateSpec = {
    kind: 'polygon',
    dimensions: [
      { channel: names.area, compensation: names.compensation },
      { channel: names.height, compensation: names.compensation },
    ],
    vertices: [
      [a0, lo * a0],
      [top, lo * top],
      [top, (k + w) * top],
      [a0, (k + w) * a0],
    ],
  };
  return {
    gate,
    params: {
      method: 'FSC-H/FSC-A ratio band',
      sampleSize: sorted.length,
      ratioMode: k,
      ratioSpread: spread,
      halfWidth: w,
    },
    warnings: [],
  };
}
