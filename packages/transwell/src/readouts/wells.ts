import type { CountRecord } from '../count-record.js';
import { TranswellDataError } from '../errors.js';

/** Readouts of one insert (well): its fields averaged. */
export interface WellReadout {
  readonly experiment: string | null;
  readonly condition: string;
  readonly coating: string | null;
  readonly replicate: string;
  /** Treatment metadata of the insert (from its first record). */
  readonly ccl2NgMl: number | null;
  readonly inhibitor: string | null;
  readonly dose: number | null;
  readonly doseUnit: string | null;
  /** Field counts in input order (cells per field). */
  readonly counts: number[];
  readonly nFields: number;
  /** Mean migrated cells per field = Σ counts / nFields (cells/field). */
  readonly meanPerField: number;
  /** Insert area used, mm². */
  readonly insertAreaMm2: number;
  /** Field area used, mm², `null` when unknown. */
  readonly fieldAreaMm2: number | null;
  /** Total migrated cells = meanPerField × insertAreaMm2 / fieldAreaMm2 (cells), `null` without a field area. */
  readonly totalMigrated: number | null;
  readonly cellsSeeded: number | null;
  /** % migration = totalMigrated / cellsSeeded × 100, `null` when either is unknown. */
  readonly percentMigration: number | null;
}

/** Area and seeding defaults for {@link groupWells}. */
export interface WellDefaults {
  readonly insertAreaMm2: number;
  readonly fieldAreaMm2: number | null;
  readonly cellsSeeded: number | null;
}

/** Groups records into wells keyed by (experiment, condition, coating, replicate), in first-seen order. */
export function groupWells(records: readonly CountRecord[], defaults: WellDefaults): WellReadout[] {
  const wells = new Map<string, { first: CountRecord; counts: number[] }>();
  for (const r of records) {
    if (r.count === null) {
      throw new TranswellDataError(
        'TRANSWELL_UNRESOLVED_IMAGE',
        `${r.source.file}:${r.source.line}: image '${r.image ?? ''}' has not been counted; expected a count (count the images first)`,
        { file: r.source.file, line: r.source.line, image: r.image, condition: r.condition, replicate: r.replicate },
      );
    }
    const key = [r.experiment ?? '', r.condition, r.coating ?? '', r.replicate].join('\u0000');
    const well = wells.get(key);
    if (well === undefined) {
      wells.set(key, { first: r, counts: [r.count] });
    } else {
      well.counts.push(r.count);
    }
  }
  return [...wells.values()].map(({ first, counts }) => {
    const insertAreaMm2 = first.insertAreaMm2 ?? defaults.insertAreaMm2;
    const fieldAreaMm2 = first.fieldAreaMm2 ?? defaults.fieldAreaMm2;
    if (insertAreaMm2 <= 0 || (fieldAreaMm2 !== null && fieldAreaMm2 <= 0)) {
      throw new TranswellDataError(
        'TRANSWELL_BAD_AREA',
        `${first.source.file}:${first.source.line}: insert area ${insertAreaMm2} mm² and field area ${fieldAreaMm2 ?? 'unknown'} mm²; expected positive areas`,
        { file: first.source.file, line: first.source.line, insertAreaMm2, fieldAreaMm2 },
      );
    }
    const meanPerField = counts.reduce((a, b) => a + b, 0) / counts.length;
    const totalMigrated = fieldAreaMm2 === null ? null : (meanPerField * insertAreaMm2) / fieldAreaMm2;
    const cellsSeeded = first.cellsSeeded ?? defaults.cellsSeeded;
    const percentMigration =
      totalMigrated === null || cellsSeeded === null || cellsSeeded <= 0 ? null : (totalMigrated / cellsSeeded) * 100;
    return {
      experiment: first.experiment,
      condition: first.condition,
      coating: first.coating,
      replicate: first.replicate,
      ccl2NgMl: first.ccl2NgMl,
      inhibitor: first.inhibitor,
      dose: first.dose,
      doseUnit: first.doseUnit,
      counts,
      nFields: counts.length,
      meanPerField,
      insertAreaMm2,
      fieldAreaMm2,
      totalMigrated,
      cellsSeeded,
      percentMigration,
    };
  });
}
