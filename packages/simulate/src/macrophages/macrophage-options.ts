import { MACROPHAGE_FMO_MARKERS } from './macrophage-panel.js';

/** Culture conditions: unstimulated, LPS + IFN-γ, IL-4, tumour-conditioned medium. */
export type MacrophageCondition = 'M0' | 'M1' | 'M2' | 'TCM';

/** Every condition, in the order experiments list them. */
export const MACROPHAGE_CONDITIONS: readonly MacrophageCondition[] = ['M0', 'M1', 'M2', 'TCM'];

/** True phenotype of a live single macrophage, from its marker programmes (see the docs). */
export type MacrophagePhenotype = 'M1' | 'M2' | 'double_positive' | 'double_negative';

/** Truth class of an event; its code is the index in {@link MACROPHAGE_CLASS_NAMES}. */
export type MacrophageClass = 'debris' | 'doublet' | 'dead' | 'non_macrophage' | MacrophagePhenotype;

/** Class names in code order: `eventClass[i]` indexes this list. */
export const MACROPHAGE_CLASS_NAMES: readonly MacrophageClass[] = [
  'debris',
  'doublet',
  'dead',
  'non_macrophage',
  'M1',
  'M2',
  'double_positive',
  'double_negative',
];

/** Fractions of all events (the rest are live single macrophages) and of macrophages by phenotype. */
export interface MacrophageComposition {
  readonly debris?: number;
  readonly doublet?: number;
  readonly dead?: number;
  readonly nonMacrophage?: number;
  /** Fractions of live single macrophages; all four, summing to 1. Default: by condition. */
  readonly phenotype?: Readonly<Record<MacrophagePhenotype, number>>;
}

/** Options of `simulateMacrophageSample`. */
export interface MacrophageSampleOptions {
  readonly seed: number;
  /** Number of events (a positive integer). */
  readonly events: number;
  readonly condition: MacrophageCondition;
  /** FMO control: this marker's stain is absent (one of {@link MACROPHAGE_FMO_MARKERS}). */
  readonly fmoMarker?: string;
  /** Unstained control: every stain absent (autofluorescence only). */
  readonly unstained?: boolean;
  /**
   * Decades (log10) of every positive stain above its detector's background level: the specific stain
   * has median `backgroundLevel · (10^separation − 1)`; 0 puts positives on the negatives. Default 1.3.
   */
  readonly separation?: number;
  readonly composition?: MacrophageComposition;
  /** Log10 shift of every positive stain median (a donor effect), in decades. Default 0. */
  readonly markerShift?: number;
  /** SD of the additive electronic noise after background subtraction, in fluorescence units. Default 50. */
  readonly electronicNoise?: number;
  /** Photon (shot) noise: variance added per unit of detected signal. Default 1.5. */
  readonly photonNoise?: number;
}

/** {@link MacrophageSampleOptions} with every field defined and checked. */
export interface ResolvedMacrophageSampleOptions {
  readonly seed: number;
  readonly events: number;
  readonly condition: MacrophageCondition;
  readonly fmoMarker: string | null;
  readonly unstained: boolean;
  readonly separation: number;
  readonly markerShift: number;
  readonly electronicNoise: number;
  readonly photonNoise: number;
  /** Probability of each class, in {@link MACROPHAGE_CLASS_NAMES} order (sums to 1). */
  readonly classProbabilities: readonly number[];
}

/** Default phenotype mix of live single macrophages per condition (M1, M2, double+, double-). */
export const MACROPHAGE_PHENOTYPE_DEFAULTS: Readonly<
  Record<MacrophageCondition, Readonly<Record<MacrophagePhenotype, number>>>
> = {
  M0: { M1: 0.05, M2: 0.07, double_positive: 0.03, double_negative: 0.85 },
  M1: { M1: 0.72, M2: 0.03, double_positive: 0.1, double_negative: 0.15 },
  M2: { M1: 0.03, M2: 0.75, double_positive: 0.07, double_negative: 0.15 },
  TCM: { M1: 0.08, M2: 0.55, double_positive: 0.15, double_negative: 0.22 },
};

/** Defaults of {@link MacrophageSampleOptions}. */
export const MACROPHAGE_SAMPLE_DEFAULTS: {
  readonly debris: number;
  readonly doublet: number;
  readonly dead: number;
  readonly nonMacrophage: number;
  readonly separation: number;
  readonly markerShift: number;
  readonly electronicNoise: number;
  readonly photonNoise: number;
} = {
  debris: 0.08,
  doublet: 0.05,
  dead: 0.1,
  nonMacrophage: 0.07,
  separation: 1.3,
  markerShift: 0,
  electronicNoise: 50,
  photonNoise: 1.5,
};

function fraction(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0 && value <= 1)) {
    throw new RangeError(`${name} must be a fraction in [0, 1], got ${value}`);
  }
  return value;
}

function finite(name: string, value: number): number {
  if (!Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${value}`);
  }
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
  return value;
}

/**
 * Fills defaults and checks options.
 * @throws {TypeError} on an unknown condition or FMO marker, or a non-finite seed.
 * @throws {RangeError} on a bad event count, fraction, composition sum or noise level.
 */
export function resolveMacrophageSampleOptions(options: MacrophageSampleOptions): ResolvedMacrophageSampleOptions {
  const { seed, events, condition } = options;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new TypeError(`seed must be a finite number, got ${String(seed)}`);
  }
  if (!Number.isSafeInteger(events) || events < 1) {
    throw new RangeError(`events must be a positive integer, got ${events}`);
  }
  if (!MACROPHAGE_CONDITIONS.includes(condition)) {
    throw new TypeError(`condition must be one of ${MACROPHAGE_CONDITIONS.join(', ')}, got '${String(condition)}'`);
  }
  const fmoMarker = options.fmoMarker ?? null;
  if (fmoMarker !== null && !MACROPHAGE_FMO_MARKERS.includes(fmoMarker)) {
    throw new TypeError(`fmoMarker must be one of ${MACROPHAGE_FMO_MARKERS.join(', ')}, got '${fmoMarker}'`);
  }
  const c = options.composition ?? {};
  const d = MACROPHAGE_SAMPLE_DEFAULTS;
  const debris = fraction('composition.debris', c.debris ?? d.debris);
  const doublet = fraction('composition.doublet', c.doublet ?? d.doublet);
  const dead = fraction('composition.dead', c.dead ?? d.dead);
  const nonMacrophage = fraction('composition.nonMacrophage', c.nonMacrophage ?? d.nonMacrophage);
  const macrophage = 1 - debris - doublet - dead - nonMacrophage;
  if (macrophage < -1e-12) {
    throw new RangeError(`composition fractions sum to ${1 - macrophage}, expected at most 1`);
  }
  const phenotype = c.phenotype ?? MACROPHAGE_PHENOTYPE_DEFAULTS[condition];
  const mix = [phenotype.M1, phenotype.M2, phenotype.double_positive, phenotype.double_negative].map((p, i) =>
    fraction(`composition.phenotype.${MACROPHAGE_CLASS_NAMES[i + 4] ?? ''}`, p),
  );
  const mixSum = mix.reduce((a, b) => a + b, 0);
  if (Math.abs(mixSum - 1) > 1e-9) {
    throw new RangeError(`composition.phenotype fractions sum to ${mixSum}, expected 1`);
  }
  return {
    seed,
    events,
    condition,
    fmoMarker,
    unstained: options.unstained ?? false,
    separation: nonNegative('separation', options.separation ?? d.separation),
    markerShift: finite('markerShift', options.markerShift ?? d.markerShift),
    electronicNoise: nonNegative('electronicNoise', options.electronicNoise ?? d.electronicNoise),
    photonNoise: nonNegative('photonNoise', options.photonNoise ?? d.photonNoise),
    classProbabilities: [debris, doublet, dead, nonMacrophage, ...mix.map((p) => p * Math.max(0, macrophage))],
  };
}
