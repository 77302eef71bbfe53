import { findChannel, replaceColumns, type Column, type EventTable } from '@tamkit/core';
import type { SpilloverMatrix } from '@tamkit/fcs';
import { CompensationError } from '../errors.js';
import { invertGeneral } from '../gates/ellipsoid-mask.js';

/**
 * compensated = observed[detectors] · S⁻¹ per event (Gating-ML 2.0 section 7); other channels pass
 * through; output columns keep the detector names. `inverted: true` means `values` already hold S⁻¹.
 */
export function compensateTable(
  table: EventTable,
  spill: SpilloverMatrix,
  options: { readonly fluorochromes?: readonly string[]; readonly inverted?: boolean } = {},
): EventTable {
  const n = spill.detectors.length;
  const rows = Array.from({ length: n }, (_, r) => Array.from(spill.values.subarray(r * n, r * n + n)));
  let inv: Float64Array;
  if (options.inverted) {
    inv = spill.values;
  } else {
    try {
      inv = invertGeneral(rows, '');
    } catch (err) {
      throw new CompensationError('COMP_SINGULAR_MATRIX', `spillover matrix (${spill.source}) is singular; expected an invertible matrix`, { source: spill.source, column: 0 }, { cause: err });
    }
  }
  const idx = spill.detectors.map((d) => {
    let i = findChannel(table, d);
    if (i < 0) {
      i = findChannel(table, d.replaceAll('/', '_'));
    }
    if (i < 0) {
      throw new CompensationError('COMP_MISSING_DETECTOR', `no channel for detector '${d}'`, {
        detector: d,
        available: table.channels.map((c) => c.name),
      });
    }
    return i;
  });
  const observed: Column[] = idx.map((i) => table.columns[i]!);
  const out = new Map<number, Column>();
  const len = table.eventCount;
  for (let j = 0; j < n; j++) {
    const col = new Float64Array(len);
    for (let k = 0; k < n; k++) {
      const f = inv[k * n + j]!;
      const o = observed[k]!;
      for (let e = 0; e < len; e++) {
        col[e] = col[e]! + o[e]! * f;
      }
    }
    out.set(idx[j]!, col);
  }
  return replaceColumns(table, out, 'compensated');
}
