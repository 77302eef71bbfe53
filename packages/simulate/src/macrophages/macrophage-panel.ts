import type { SpilloverMatrix } from '@tamkit/fcs';

/** One stained fluorescence channel of the simulated panel. */
export interface MacrophageStain {
  /** $PnN of the detector (BD-style `<fluorochrome>-A`). */
  readonly detector: string;
  /** $PnS: the marker ('CD86', 'Live/Dead'). */
  readonly label: string;
  /** Marker role in the model. */
  readonly role: 'm1' | 'm2' | 'macrophage' | 'viability';
  /**
   * Reference background of the stain's primary detector, in linear fluorescence units: a positive
   * cell's specific stain has median `backgroundLevel · (10^(separation + extraDecades) − 1)`, so that
   * on a background of this level its signal is `10^separation` times the background (separation 0
   * adds no stain: positives sit on the negatives). Of the order of the negative population's upper
   * edge in a stained sample (autofluorescence plus the default detector noise and spreading).
   */
  readonly backgroundLevel: number;
  /**
   * Median nonspecific binding of the antibody (or dye) on every cell, negatives included, as a
   * fraction of {@link MacrophageStain.autofluorescence}; log-normal with the stain's spread. Small
   * (a few percent to 20%), so a stained sample's negatives look like the stain's FMO control.
   */
  readonly nonspecific: number;
  /** Median autofluorescence of an average macrophage in this fluorochrome's primary detector. */
  readonly autofluorescence: number;
  /** Decades added to the sample's `separation` for this stain's positives (amine dyes on dead cells). */
  readonly extraDecades: number;
}

/**
 * The simulated human M1/M2 panel, in detector order: M1 markers CD80, CD86, HLA-DR; M2 markers
 * CD163, CD206; pan-macrophage CD14; a fixed viability dye. Negative (unexpressed) cells carry only
 * a small nonspecific stain (5–20% of the autofluorescence), so in each detector a stained sample's
 * negatives have nearly the distribution of the FMO control lacking that stain: autofluorescence +
 * detector noise + spreading from the other stains. Positives are `separation` decades above the
 * detector's `backgroundLevel` (100–300). Autofluorescence is highest in the violet and blue
 * detectors, as for real macrophages.
 */
export const MACROPHAGE_STAINS: readonly MacrophageStain[] = [
  { detector: 'BV421-A', label: 'CD86', role: 'm1', backgroundLevel: 150, nonspecific: 0.1, autofluorescence: 120, extraDecades: 0 },
  { detector: 'FITC-A', label: 'CD14', role: 'macrophage', backgroundLevel: 120, nonspecific: 0.1, autofluorescence: 150, extraDecades: 0 },
  { detector: 'BV605-A', label: 'CD80', role: 'm1', backgroundLevel: 100, nonspecific: 0.15, autofluorescence: 40, extraDecades: 0 },
  { detector: 'PE-A', label: 'CD206', role: 'm2', backgroundLevel: 150, nonspecific: 0.1, autofluorescence: 60, extraDecades: 0 },
  { detector: 'PerCP-Cy5.5-A', label: 'HLA-DR', role: 'm1', backgroundLevel: 300, nonspecific: 0.2, autofluorescence: 40, extraDecades: 0 },
  { detector: 'APC-A', label: 'CD163', role: 'm2', backgroundLevel: 120, nonspecific: 0.2, autofluorescence: 10, extraDecades: 0 },
  { detector: 'APC-Cy7-A', label: 'Live/Dead', role: 'viability', backgroundLevel: 150, nonspecific: 0.05, autofluorescence: 8, extraDecades: 0.5 },
];

/** Markers that can be left out of an FMO control (the M1 and M2 markers of the panel). */
export const MACROPHAGE_FMO_MARKERS: readonly string[] = MACROPHAGE_STAINS.filter(
  (s) => s.role === 'm1' || s.role === 'm2',
).map((s) => s.label);

/**
 * Spillover fractions `[source, detector, fraction]` (fraction of the source's primary-detector signal
 * seen in the other detector), typical of a 3-laser instrument with this panel.
 */
const SPILLOVER_FRACTIONS: readonly (readonly [string, string, number])[] = [
  ['BV421-A', 'FITC-A', 0.01],
  ['BV421-A', 'BV605-A', 0.02],
  ['FITC-A', 'PE-A', 0.18],
  ['FITC-A', 'PerCP-Cy5.5-A', 0.03],
  ['BV605-A', 'PE-A', 0.03],
  ['BV605-A', 'PerCP-Cy5.5-A', 0.04],
  ['PE-A', 'FITC-A', 0.015],
  ['PE-A', 'BV605-A', 0.06],
  ['PE-A', 'PerCP-Cy5.5-A', 0.12],
  ['PerCP-Cy5.5-A', 'PE-A', 0.01],
  ['PerCP-Cy5.5-A', 'APC-A', 0.04],
  ['PerCP-Cy5.5-A', 'APC-Cy7-A', 0.08],
  ['APC-A', 'PerCP-Cy5.5-A', 0.02],
  ['APC-A', 'APC-Cy7-A', 0.12],
  ['APC-Cy7-A', 'PerCP-Cy5.5-A', 0.01],
  ['APC-Cy7-A', 'APC-A', 0.03],
];

/**
 * The panel's spillover matrix S (rows = fluorochromes, columns = detectors, both in
 * {@link MACROPHAGE_STAINS} order; diagonal 1; observed = true · S), as written to `$SPILLOVER`.
 *
 * @example
 * const s = macrophageSpillover();
 * s.values[0]; // 1 (BV421 into its own detector)
 */
export function macrophageSpillover(): SpilloverMatrix {
  const detectors = MACROPHAGE_STAINS.map((s) => s.detector);
  const n = detectors.length;
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    values[i * n + i] = 1;
  }
  for (const [source, detector, fraction] of SPILLOVER_FRACTIONS) {
    values[detectors.indexOf(source) * n + detectors.indexOf(detector)] = fraction;
  }
  return { detectors, values, source: '$SPILLOVER' };
}
