import type { TableBlock } from './report-document.js';

/** Per-marker MFI and stain index of one population of one sample. */
export interface MarkerIntensityRow {
  readonly sample: string;
  readonly population: string;
  readonly marker: string;
  /** Median fluorescence intensity (data units, compensated). */
  readonly mfi: number | null;
  /** Robust SD of the negative population, data units. */
  readonly rsdNegative?: number | null;
  /** Stain index = (MFI(pos) − MFI(neg)) / (2 × rSD(neg)). */
  readonly stainIndex: number | null;
  readonly events: number;
}

/**
 * The MFI and stain-index table (one row per sample, population and marker).
 *
 * @example mfiTable([{ sample: 'S1', population: 'Live', marker: 'CD80', mfi: 1200, stainIndex: 8.1, events: 5000 }]).rows.length // 1
 */
export function mfiTable(rows: readonly MarkerIntensityRow[]): TableBlock {
  return {
    type: 'table',
    title: 'MFI and stain index',
    caption: 'MFI = median intensity (compensated data units); stain index = (MFI positive − MFI negative) / (2 × rSD negative).',
    columns: [
      { label: 'sample' },
      { label: 'population' },
      { label: 'marker' },
      { label: 'events', digits: 0 },
      { label: 'MFI', digits: 1 },
      { label: 'rSD negative', digits: 1 },
      { label: 'stain index', digits: 2 },
    ],
    rows: rows.map((r) => [r.sample, r.population, r.marker, r.events, r.mfi, r.rsdNegative ?? null, r.stainIndex]),
  };
}

/** A positivity threshold per marker, with where it came from. */
export interface ThresholdRow {
  readonly marker: string;
  /** Threshold in data units. */
  readonly value: number;
  /** Method and control, e.g. 'FMO 99.5th percentile (FMO-CD80.fcs)' or 'KDE valley (no control)'. */
  readonly source: string;
}

/** The positivity-threshold table. @example thresholdTable([{ marker: 'CD80', value: 812, source: 'FMO' }]).columns.length // 3 */
export function thresholdTable(rows: readonly ThresholdRow[]): TableBlock {
  return {
    type: 'table',
    title: 'Positivity thresholds',
    columns: [{ label: 'marker' }, { label: 'threshold', unit: 'data units', digits: 1 }, { label: 'source' }],
    rows: rows.map((r) => [r.marker, r.value, r.source]),
  };
}
