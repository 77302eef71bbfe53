import type { Column, EventTable } from '@tamkit/core';
import { badValue, getKeyword, parseNumber } from './keywords.js';
import type { FcsDataset } from './types.js';

/**
 * Converts a data set's stored values to scale values (stage 'scaled', Float64Array columns), as
 * flowCore's "linearize-with-PnG-scaling" and FlowIO's `preprocess` do:
 * - log channels ($PnE f1,f2 with f1 > 0): `f2 · 10^(f1 · v / $PnR)`, f2 = 0 read as 1;
 * - the time channel (name Time / HDR-T): `v · $TIMESTEP` when present, never divided by a gain;
 * - other linear channels: `v / $PnG` when $PnG is neither 0 nor 1, else `v`.
 * FCS 3.1 §3.3.22 ($PnE), §3.3.21 ($PnG), §3.3.48 ($TIMESTEP).
 *
 * @throws {FcsKeywordError} `FCS_BAD_KEYWORD_VALUE` when a log channel has $PnR <= 0 or $TIMESTEP is
 *   not a number.
 * @example
 * const scaled = scaleDataset(parseFcs(bytes).datasets[0]);
 * scaled.stage; // 'scaled'
 */
export function scaleDataset(dataset: FcsDataset): EventTable {
  const { table, parameters } = dataset;
  const n = table.eventCount;
  const tsRaw = getKeyword(dataset.keywords, '$TIMESTEP');
  const columns: Column[] = table.columns.map((col, i) => {
    const ch = table.channels[i]!;
    const par = parameters[i]!;
    const out = new Float64Array(n);
    const [f1, f2] = par.amplification;
    if (ch.kind === 'time') {
      let step = 1;
      if (tsRaw !== undefined && tsRaw !== '') {
        const ts = parseNumber(tsRaw);
        if (ts === undefined) {
          throw badValue('$TIMESTEP', tsRaw, 'a number (seconds per time unit)');
        }
        step = ts;
      }
      for (let e = 0; e < n; e++) {
        out[e] = col[e]! * step;
      }
    } else if (f1 > 0) {
      if (!(par.range > 0)) {
        throw badValue(`$P${par.n}R`, String(par.range), 'a positive range for a log channel');
      }
      const zero = f2 === 0 ? 1 : f2;
      const k = f1 / par.range;
      for (let e = 0; e < n; e++) {
        out[e] = zero * Math.pow(10, k * col[e]!);
      }
    } else if (par.gain !== 0 && par.gain !== 1) {
      for (let e = 0; e < n; e++) {
        out[e] = col[e]! / par.gain;
      }
    } else {
      for (let e = 0; e < n; e++) {
        out[e] = col[e]!;
      }
    }
    return out;
  });
  return { eventCount: n, channels: table.channels, columns, stage: 'scaled' };
}
