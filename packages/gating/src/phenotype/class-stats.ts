import type { Column, Mask } from '@tamkit/core';
import type { Classification, PhenotypeClass } from './classification.js';
import { medianSorted, robustSdSorted, sortedFinite } from './sorted-values.js';

/** A marker's negative reference: the FMO (or isotype) control's values in the same parent gate. */
export interface ControlColumn {
  readonly values: Column;
  readonly mask: Mask | null;
}

/** Median and robust SD of a control on the raw/compensated scale. */
export interface ControlSummary {
  readonly eventCount: number;
  readonly median: number;
  /** 1.4826 × MAD. */
  readonly robustSd: number;
}

/** One marker's statistics in one class. */
export interface ClassMarkerStats {
  /** Events of the class with a finite raw value. */
  readonly count: number;
  /** Median fluorescence intensity (MFI) on the raw/compensated scale; NaN for an empty class. */
  readonly median: number;
  /** Median on the display scale, when display columns were given. */
  readonly medianDisplay?: number;
  /** median / control median; null without a control or when the control median is ≤ 0. */
  readonly ratioToControl: number | null;
  /** median − control median; null without a control. */
  readonly differenceToControl: number | null;
  /** (median − control median) / (2 × control rSD); null without a control or when rSD is 0. */
  readonly stainIndex: number | null;
}

/** Statistics of one marker across the classes. */
export interface MarkerClassStats {
  readonly marker: string;
  readonly control: ControlSummary | null;
  readonly classes: Readonly<Record<PhenotypeClass, ClassMarkerStats>>;
}

/**
 * Per marker and class: median MFI on the raw (compensated, untransformed) scale, its ratio to and
 * difference from the FMO control's median, and the stain index
 * SI = (median_class − median_control) / (2 × rSD_control), with rSD = 1.4826 × MAD the robust SD
 * (Maecker, Frey, Nomura & Trotter 2004, Cytometry A 62:169; rSD as in BD's stain index). Medians
 * are Hyndman & Fan definition 7 (the mean of the two middle values for even counts). Medians are
 * taken on the raw scale because display transforms (logicle, asinh) do not preserve differences
 * and ratios; pass `display` columns to also get the display-scale median. Non-finite values are skipped.
 *
 * @param raw raw/compensated columns keyed by marker, each as long as `classification.codes`.
 * @param options.controls per-marker FMO/isotype control columns (raw scale, same parent gate).
 * @throws {RangeError} when a column's length differs from the classification's.
 * @example
 * const stats = classStatistics(c, { CD86: compensatedCd86 }, { controls: { CD86: { values: fmoCd86, mask: fmoParent } } });
 * stats[0].classes.M1.stainIndex;
 */
export function classStatistics(
  classification: Classification,
  raw: Readonly<Record<string, Column>>,
  options: {
    readonly controls?: Readonly<Record<string, ControlColumn>>;
    readonly display?: Readonly<Record<string, Column>>;
  } = {},
): MarkerClassStats[] {
  const { codes } = classification;
  return Object.entries(raw).map(([marker, column]) => {
    if (column.length !== codes.length) {
      throw new RangeError(`column '${marker}' has ${column.length} events, expected ${codes.length}`);
    }
    const controlColumn = options.controls?.[marker];
    let control: ControlSummary | null = null;
    if (controlColumn !== undefined) {
      const { sorted } = sortedFinite(controlColumn.values, controlColumn.mask);
      control = { eventCount: sorted.length, median: medianSorted(sorted), robustSd: robustSdSorted(sorted) };
    }
    const medians = classMedians(column, codes);
    const display = options.display?.[marker];
    const displayMedians = display === undefined ? undefined : classMedians(display, codes);
    const reference = control !== null && control.eventCount > 0 ? control : null;
    const stat = (c: number): ClassMarkerStats => {
      const { count, median } = medians[c]!;
      return {
        count,
        median,
        ...(displayMedians === undefined ? {} : { medianDisplay: displayMedians[c]!.median }),
        ratioToControl: reference !== null && reference.median > 0 ? median / reference.median : null,
        differenceToControl: reference !== null ? median - reference.median : null,
        stainIndex:
          reference !== null && reference.robustSd > 0 ? (median - reference.median) / (2 * reference.robustSd) : null,
      };
    };
    const classes: Record<PhenotypeClass, ClassMarkerStats> = {
      M1: stat(0),
      M2: stat(1),
      double_positive: stat(2),
      double_negative: stat(3),
    };
    return { marker, control, classes };
  });
}

function classMedians(column: Column, codes: Uint8Array): { count: number; median: number }[] {
  if (column.length !== codes.length) {
    throw new RangeError(`column has ${column.length} events, expected ${codes.length}`);
  }
  const counts = new Uint32Array(4);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c < 4 && Number.isFinite(column[i]!)) {
      counts[c]!++;
    }
  }
  const buffers = Array.from(counts, (m) => new Float64Array(m));
  const fill = new Uint32Array(4);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    const v = column[i]!;
    if (c < 4 && Number.isFinite(v)) {
      buffers[c]![fill[c]!++] = v;
    }
  }
  return buffers.map((b) => ({ count: b.length, median: medianSorted(b.sort()) }));
}

/** Class frequencies of one sample. */
export interface ClassPercentages {
  /** Classified events (parent events minus those excluded for non-finite values): the denominator. */
  readonly classified: number;
  readonly parentCount: number;
  /** Percent of the classified parent events per class (0..100); NaN when none was classified. */
  readonly percent: Readonly<Record<PhenotypeClass, number>>;
  /** M1 count / M2 count; null when the M2 count is 0. */
  readonly m1m2Ratio: number | null;
}

/**
 * Per-sample % M1, % M2, % double positive and % double negative of the parent gate (denominator:
 * the classified parent events, so the four sum to 100), and the M1/M2 ratio of counts (null when
 * there is no M2 event).
 *
 * @example
 * classPercentages(c); // { percent: { M1: 40, M2: 20, ... }, m1m2Ratio: 2, ... }
 */
export function classPercentages(classification: Classification): ClassPercentages {
  const { counts } = classification;
  const classified = counts.M1 + counts.M2 + counts.double_positive + counts.double_negative;
  const pct = (x: number): number => (classified > 0 ? (100 * x) / classified : Number.NaN);
  return {
    classified,
    parentCount: classification.parentCount,
    percent: {
      M1: pct(counts.M1),
      M2: pct(counts.M2),
      double_positive: pct(counts.double_positive),
      double_negative: pct(counts.double_negative),
    },
    m1m2Ratio: counts.M2 > 0 ? counts.M1 / counts.M2 : null,
  };
}
