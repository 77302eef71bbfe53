import type { EventTable } from '@tamkit/core';
import { beadAbsoluteCount } from '../bead-absolute-count.js';
import type { BeadAbsoluteCount } from '../bead-absolute-count.js';
import { gateBeadsAndCells } from './gate-beads-and-cells.js';
import type { BeadGating, GateBeadsOptions } from './gate-beads-and-cells.js';

/** Options of {@link countWithBeads}: the bead dose, the volumes and the gating options. */
export interface CountWithBeadsOptions extends GateBeadsOptions {
  /** Counting beads added to the tube (beads). */
  readonly beadsAdded: number;
  /** Volume of the acquired tube the beads were added to, µL. */
  readonly sampleVolumeUl?: number;
  /** Volume of the lower well the tube's content came from, µL. */
  readonly wellVolumeUl?: number;
}

/** Result of {@link countWithBeads}. */
export interface BeadCountResult {
  readonly gating: BeadGating;
  readonly count: BeadAbsoluteCount;
  /**
   * Relative standard error of `cellsInSample` from counting statistics alone:
   * √(1/beadEvents + 1/cellEvents) (each event count treated as Poisson), `null` without cells.
   */
  readonly poissonRelativeSe: number | null;
}

/**
 * Absolute cell count of one counting-bead tube: {@link gateBeadsAndCells}, then `beadAbsoluteCount`
 * (cells = cellEvents / beadEvents × beadsAdded; per µL ÷ sampleVolumeUl; per well × wellVolumeUl).
 * When the whole lower well was collected into the tube, `count.cellsInSample` is the number of
 * cells that migrated into the well.
 *
 * @throws {TranswellDataError} `TRANSWELL_ZERO_BEADS` when the bead gate is empty.
 * @throws {TranswellBeadError} see {@link gateBeadsAndCells}.
 * @example
 * const { count } = countWithBeads(scaleDataset(dataset), { beadsAdded: 50000, sampleVolumeUl: 300 });
 * count.cellsPerUl;
 */
export function countWithBeads(table: EventTable, options: CountWithBeadsOptions): BeadCountResult {
  const gating = gateBeadsAndCells(table, options);
  const count = beadAbsoluteCount({
    cellEvents: gating.cellEvents,
    beadEvents: gating.beadEvents,
    beadsAdded: options.beadsAdded,
    ...(options.sampleVolumeUl === undefined ? {} : { sampleVolumeUl: options.sampleVolumeUl }),
    ...(options.wellVolumeUl === undefined ? {} : { wellVolumeUl: options.wellVolumeUl }),
  });
  const poissonRelativeSe = gating.cellEvents > 0 ? Math.sqrt(1 / gating.beadEvents + 1 / gating.cellEvents) : null;
  return { gating, count, poissonRelativeSe };
}
