import { createRng } from '@tamkit/core';
import type { MacrophageComposition, MacrophageCondition } from './macrophage-options.js';
import { MACROPHAGE_CONDITIONS } from './macrophage-options.js';
import { MACROPHAGE_FMO_MARKERS, MACROPHAGE_STAINS } from './macrophage-panel.js';
import type { MacrophageSample } from './simulate-macrophage-sample.js';
import { simulateMacrophageSample } from './simulate-macrophage-sample.js';

/** What a file is for: a stained sample, a fluorescence-minus-one control or an unstained control. */
export type MacrophageSampleRole = 'sample' | 'fmo' | 'unstained';

/** One file of a simulated experiment: metadata plus the simulated events. */
export interface MacrophageExperimentSample {
  /** FCS file name, e.g. `D1_M1.fcs`, `D2_FMO-CD206.fcs`, `D3_unstained.fcs`. */
  readonly fileName: string;
  readonly condition: MacrophageCondition;
  readonly role: MacrophageSampleRole;
  /** The marker left out (role 'fmo'), else null. */
  readonly fmoMarker: string | null;
  /** Donor id ('D1'...): one donor per biological replicate. */
  readonly donor: string;
  /** 1-based biological replicate (= donor number). */
  readonly replicate: number;
  /** Seed the sample was simulated with (derived from the experiment seed). */
  readonly seed: number;
  /** The donor's log10 shift of positive stain medians, in decades. */
  readonly markerShift: number;
  readonly sample: MacrophageSample;
}

/** Options of {@link simulateMacrophageExperiment}. */
export interface MacrophageExperimentOptions {
  readonly seed: number;
  readonly eventsPerSample: number;
  /** Stained conditions per donor. Default all: M0, M1, M2, TCM. */
  readonly conditions?: readonly MacrophageCondition[];
  /** Donors (biological replicates). Default 3. */
  readonly replicates?: number;
  /** One FMO control per M1/M2 marker per donor. Default true. */
  readonly includeFmo?: boolean;
  /** One unstained control per donor. Default true. */
  readonly includeUnstained?: boolean;
  /** Passed to every sample. Default 1.3 decades. */
  readonly separation?: number;
  /** Passed to every stained sample (and control). */
  readonly composition?: MacrophageComposition;
  /** SD across donors of the log10 shift of positive medians, in decades. Default 0.1. */
  readonly donorVariation?: number;
}

/** Result of {@link simulateMacrophageExperiment}. */
export interface MacrophageExperiment {
  readonly seed: number;
  readonly samples: readonly MacrophageExperimentSample[];
}

/** Defaults of {@link MacrophageExperimentOptions}. */
export const MACROPHAGE_EXPERIMENT_DEFAULTS: {
  readonly replicates: number;
  readonly includeFmo: boolean;
  readonly includeUnstained: boolean;
  readonly donorVariation: number;
} = { replicates: 3, includeFmo: true, includeUnstained: true, donorVariation: 0.1 };

/**
 * The condition an FMO control is run on: the one where the left-out marker's positives are common
 * (M1 for an M1 marker, M2 for an M2 marker), so the control shows the spread of the other stains
 * into that detector where it matters.
 */
function fmoCondition(marker: string): MacrophageCondition {
  return MACROPHAGE_STAINS.find((s) => s.label === marker)?.role === 'm1' ? 'M1' : 'M2';
}

/**
 * Simulates a whole polarisation experiment: for each donor (replicate), one stained sample per
 * condition, then (optionally) an FMO control per M1/M2 marker and an unstained control (on M0
 * cells). Everything derives from `seed`: one generator draws, in file order, each donor's marker
 * shift and each sample's seed, so the same options always give the same files.
 *
 * @throws {TypeError} on an unknown condition. @throws {RangeError} on a bad count or fraction.
 * @example
 * const exp = simulateMacrophageExperiment({ seed: 42, eventsPerSample: 5000, replicates: 2 });
 * exp.samples.map((s) => s.fileName); // ['D1_M0.fcs', 'D1_M1.fcs', ..., 'D2_unstained.fcs']
 */
export function simulateMacrophageExperiment(options: MacrophageExperimentOptions): MacrophageExperiment {
  const d = MACROPHAGE_EXPERIMENT_DEFAULTS;
  const conditions = options.conditions ?? MACROPHAGE_CONDITIONS;
  const replicates = options.replicates ?? d.replicates;
  if (!Number.isSafeInteger(replicates) || replicates < 1) {
    throw new RangeError(`replicates must be a positive integer, got ${replicates}`);
  }
  for (const c of conditions) {
    if (!MACROPHAGE_CONDITIONS.includes(c)) {
      throw new TypeError(`conditions must be among ${MACROPHAGE_CONDITIONS.join(', ')}, got '${String(c)}'`);
    }
  }
  const donorVariation = options.donorVariation ?? d.donorVariation;
  if (!(Number.isFinite(donorVariation) && donorVariation >= 0)) {
    throw new RangeError(`donorVariation must be a finite number >= 0, got ${donorVariation}`);
  }
  const rng = createRng(options.seed);
  const nextSeed = (): number => Math.floor(rng.next() * 2 ** 32);
  const samples: MacrophageExperimentSample[] = [];
  for (let r = 1; r <= replicates; r++) {
    const donor = `D${r}`;
    const markerShift = donorVariation * rng.normal();
    const plan: { condition: MacrophageCondition; role: MacrophageSampleRole; fmoMarker: string | null; tag: string }[] =
      conditions.map((condition) => ({ condition, role: 'sample', fmoMarker: null, tag: condition }));
    if (options.includeFmo ?? d.includeFmo) {
      for (const marker of MACROPHAGE_FMO_MARKERS) {
        plan.push({ condition: fmoCondition(marker), role: 'fmo', fmoMarker: marker, tag: `FMO-${marker}` });
      }
    }
    if (options.includeUnstained ?? d.includeUnstained) {
      plan.push({ condition: 'M0', role: 'unstained', fmoMarker: null, tag: 'unstained' });
    }
    for (const p of plan) {
      const seed = nextSeed();
      const sample = simulateMacrophageSample({
        seed,
        events: options.eventsPerSample,
        condition: p.condition,
        ...(p.fmoMarker === null ? {} : { fmoMarker: p.fmoMarker }),
        unstained: p.role === 'unstained',
        markerShift,
        ...(options.separation === undefined ? {} : { separation: options.separation }),
        ...(options.composition === undefined ? {} : { composition: options.composition }),
      });
      samples.push({
        fileName: `${donor}_${p.tag}.fcs`,
        condition: p.condition,
        role: p.role,
        fmoMarker: p.fmoMarker,
        donor,
        replicate: r,
        seed,
        markerShift,
        sample,
      });
    }
  }
  return { seed: options.seed, samples };
}
