import { TranswellDataError } from './errors.js';

/** Inputs of {@link beadAbsoluteCount}. */
export interface BeadCountInput {
  /** Events in the cell gate (events). */
  readonly cellEvents: number;
  /** Events in the counting-bead gate (events). */
  readonly beadEvents: number;
  /** Counting beads added to the tube (beads). */
  readonly beadsAdded: number;
  /** Volume of the acquired sample, µL (the volume the beads were added to). */
  readonly sampleVolumeUl?: number;
  /** Volume of the lower well the sample was taken from, µL. */
  readonly wellVolumeUl?: number;
}

/** Absolute counts from counting beads. */
export interface BeadAbsoluteCount {
  /** Cells in the acquired tube: `cellEvents / beadEvents × beadsAdded` (cells). */
  readonly cellsInSample: number;
  /** `cellsInSample / sampleVolumeUl` (cells/µL), `null` without a sample volume. */
  readonly cellsPerUl: number | null;
  /** `cellsPerUl × wellVolumeUl` (cells per well volume), `null` without both volumes. */
  readonly cellsPerWell: number | null;
  readonly formula: string;
}

/**
 * Absolute migrated-cell count from counting beads (e.g. CountBright, Precision Count beads):
 * `cells = cellEvents / beadEvents × beadsAdded`; per µL `cells / sampleVolumeUl`; per well
 * `cells/µL × wellVolumeUl`. When the whole lower-well content was acquired, `cellsInSample` is the
 * number of cells per well. The gating of bead and cell events is not part of this function.
 *
 * @throws {TranswellDataError} `TRANSWELL_ZERO_BEADS` when no bead events were acquired.
 * @throws {RangeError} for negative or non-finite inputs, or non-positive volumes.
 * @example
 * beadAbsoluteCount({ cellEvents: 1200, beadEvents: 2400, beadsAdded: 10000, sampleVolumeUl: 200 });
 * // { cellsInSample: 5000, cellsPerUl: 25, cellsPerWell: null, ... }
 */
export function beadAbsoluteCount(input: BeadCountInput): BeadAbsoluteCount {
  for (const key of ['cellEvents', 'beadEvents', 'beadsAdded'] as const) {
    const v = input[key];
    if (!Number.isFinite(v) || v < 0) {
      throw new RangeError(`${key} must be a finite non-negative number, got ${v}`);
    }
  }
  for (const key of ['sampleVolumeUl', 'wellVolumeUl'] as const) {
    const v = input[key];
    if (v !== undefined && (!Number.isFinite(v) || v <= 0)) {
      throw new RangeError(`${key} must be a finite positive volume in µL, got ${v}`);
    }
  }
  if (input.beadEvents === 0) {
    throw new TranswellDataError(
      'TRANSWELL_ZERO_BEADS',
      `no bead events among ${input.cellEvents} cell events; expected counting beads in the bead gate`,
      { cellEvents: input.cellEvents, beadEvents: 0, beadsAdded: input.beadsAdded },
    );
  }
  const cellsInSample = (input.cellEvents / input.beadEvents) * input.beadsAdded;
  const cellsPerUl = input.sampleVolumeUl === undefined ? null : cellsInSample / input.sampleVolumeUl;
  const cellsPerWell = cellsPerUl === null || input.wellVolumeUl === undefined ? null : cellsPerUl * input.wellVolumeUl;
  return {
    cellsInSample,
    cellsPerUl,
    cellsPerWell,
    formula: 'cells = cellEvents / beadEvents × beadsAdded; cells/µL = cells / sampleVolumeUl; per well = cells/µL × wellVolumeUl',
  };
}
