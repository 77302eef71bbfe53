import type { EventTable } from '@tamkit/core';
import type { SpilloverMatrix } from '@tamkit/fcs';
import type { DebrisGateOptions } from './debris-gate.js';
import type { MarkerCutOptions } from './marker-gate.js';
import type { SingletGateOptions } from './singlet-gate.js';

/** Options of `autoPregate`. */
export interface AutoPregateOptions {
  /** Seed of every subsample. Required. */
  readonly seed: number;
  /** The file's spillover; fluorescence gates then read compensated values (`'FCS'`). Default null. */
  readonly spillover?: SpilloverMatrix | null;
  /** The table already compensated with `spillover` (saves recomputing it). */
  readonly compensated?: EventTable;
  /** Negative controls for the pan-macrophage cut-off (scaled tables, same panel and spillover). */
  readonly controls?: { readonly unstained?: EventTable; readonly isotype?: EventTable };
  /** Fewest events a parent population needs for the next gate to be fitted. Default 100. */
  readonly minEvents?: number;
  /** Events the display transforms' W is estimated from. Default 20 000. */
  readonly transformSampleSize?: number;
  readonly debris?: Partial<DebrisGateOptions>;
  readonly singlets?: Partial<SingletGateOptions>;
  readonly markers?: Partial<MarkerCutOptions>;
}

/** Defaults of the pre-gate options. */
export const AUTO_PREGATE_DEFAULTS: {
  readonly minEvents: number;
  readonly transformSampleSize: number;
  readonly debris: DebrisGateOptions;
  readonly singlets: SingletGateOptions;
  readonly markers: MarkerCutOptions;
} = {
  minEvents: 100,
  transformSampleSize: 20_000,
  debris: { sampleSize: 50_000, minSigmasBelowMode: 3, fallbackSigmas: 4, minProminence: 0.005 },
  singlets: { sampleSize: 50_000, widthSds: 4 },
  markers: { sampleSize: 50_000, minProminence: 0.05, fallbackSigmas: 4, controlPercentile: 99.5 },
};

/** Options with every field defined. */
export interface ResolvedAutoPregateOptions {
  readonly seed: number;
  readonly spillover: SpilloverMatrix | null;
  readonly compensated: EventTable | undefined;
  readonly controls: { readonly unstained?: EventTable; readonly isotype?: EventTable };
  readonly minEvents: number;
  readonly transformSampleSize: number;
  readonly debris: DebrisGateOptions;
  readonly singlets: SingletGateOptions;
  readonly markers: MarkerCutOptions;
}

/**
 * Fills in defaults.
 *
 * @throws {TypeError} without a finite seed. @throws {RangeError} on bad sizes or percentile.
 * @example
 * resolveAutoPregateOptions({ seed: 1 }).singlets.widthSds; // 4
 */
export function resolveAutoPregateOptions(options: AutoPregateOptions): ResolvedAutoPregateOptions {
  if (typeof options.seed !== 'number' || !Number.isFinite(options.seed)) {
    throw new TypeError(`seed must be a finite number, got ${String(options.seed)}`);
  }
  const d = AUTO_PREGATE_DEFAULTS;
  const r: ResolvedAutoPregateOptions = {
    seed: options.seed,
    spillover: options.spillover ?? null,
    compensated: options.compensated,
    controls: options.controls ?? {},
    minEvents: options.minEvents ?? d.minEvents,
    transformSampleSize: options.transformSampleSize ?? d.transformSampleSize,
    debris: { ...d.debris, ...options.debris },
    singlets: { ...d.singlets, ...options.singlets },
    markers: { ...d.markers, ...options.markers },
  };
  for (const [name, v] of [
    ['minEvents', r.minEvents],
    ['transformSampleSize', r.transformSampleSize],
    ['debris.sampleSize', r.debris.sampleSize],
    ['singlets.sampleSize', r.singlets.sampleSize],
    ['markers.sampleSize', r.markers.sampleSize],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 2) {
      throw new RangeError(`${name} must be an integer >= 2, got ${v}`);
    }
  }
  if (!(r.markers.controlPercentile > 0 && r.markers.controlPercentile < 100)) {
    throw new RangeError(
      `markers.controlPercentile must be in (0, 100), got ${r.markers.controlPercentile}`,
    );
  }
  return r;
}
