import { writeFcs } from '@tamkit/fcs';
import type { NamedFile } from '../macrophages/write-macrophage-experiment.js';
import type { BeadSample } from './simulate-bead-sample.js';

/**
 * A simulated bead sample as an FCS 3.1 file in memory (float32 DATA, `$FIL`, `$TIMESTEP` and the
 * `TAMKIT_*` truth keywords: seed, beads added, sample volume, cells in the well). Pure: no file
 * access; the caller writes `bytes` under `name`.
 *
 * @throws {RangeError} when `name` is empty.
 * @example
 * const { name, bytes } = beadSampleFile(simulateBeadSample({ seed: 1 }), 'well-A1.fcs');
 */
export function beadSampleFile(sample: BeadSample, name: string): NamedFile {
  if (name.trim() === '') {
    throw new RangeError('beadSampleFile: the file name is empty');
  }
  const bytes = writeFcs(sample.table, {
    dataType: 'F',
    keywords: {
      ...sample.keywords,
      $FIL: name,
      TAMKIT_BEAD_EVENTS: String(sample.truth.beadEvents),
      TAMKIT_CELL_EVENTS: String(sample.truth.cellEvents),
    },
  });
  return { name, bytes };
}
