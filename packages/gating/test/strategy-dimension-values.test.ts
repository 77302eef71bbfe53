import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelMeta, createEventTable } from '@tamkit/core';
import { compensate } from '../src/compensation/compensate.js';
import { DimensionValues } from '../src/strategy/dimension-values.js';
import type { GatingStrategy } from '../src/strategy/gating-strategy.js';
import { createTransform } from '../src/transforms/create-transform.js';

const value = fc.double({ min: -1000, max: 1e5, noNaN: true });

describe('DimensionValues agrees with the whole-table functions (second implementation)', () => {
  it('compensated, ratio and transformed values equal compensate(), the fratio formula and applyColumn() bit for bit on the requested events', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value, value, value, fc.boolean()), { minLength: 1, maxLength: 40 }),
        fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (rows, off) => {
          const names = ['FSC-A', 'B1-A', 'YG1-A', 'R1-A'];
          const table = createEventTable(
            names.map((name, i) => channelMeta({ name, label: ['', 'FITC-CD11b', 'PE-CD206', 'APC-CD86'][i]! })),
            names.map((_, j) => Float64Array.from(rows, (r) => r[j] as number)),
            'scaled',
          );
          // A well-conditioned 3×3 spillover: 1 on the diagonal, |off-diagonal| ≤ 0.3.
          const values = Float64Array.from([1, off[0]!, off[1]!, off[2]!, 1, off[3]!, off[4]!, off[5]!, 1]);
          const strategy: GatingStrategy = {
            transforms: { L: { kind: 'logicle', t: 262144, w: 0.5, m: 4.5, a: 0 } },
            matrices: { M: { detectors: ['B1-A', 'YG1-A', 'R1-A'], fluorochromes: ['FITC', 'PE', 'APC'], values, source: 'test' } },
            gates: [],
          };
          const within = Uint8Array.from(rows, (r) => (r[4] ? 1 : 0));
          const dv = new DimensionValues(strategy, table, null);
          const full = compensate(table, strategy.matrices.M!);
          const logicle = createTransform(strategy.transforms.L!);
          const pe = dv.values({ channel: 'PE', compensation: 'M', transform: 'L' }, 'G', within);
          const peWant = logicle.applyColumn(full.columns[2]!);
          const ratio = dv.values({ ratio: { x: 'FITC', y: 'R1-A', a: 2, b: 1, c: -3 }, compensation: 'M' }, 'G', within);
          const fitc = dv.values({ channel: 'FITC-CD11b', compensation: 'M' }, 'G', null);
          for (let i = 0; i < rows.length; i++) {
            expect(fitc[i]).toBe(full.columns[1]![i]);
            if (within[i]) {
              expect(pe[i]).toBe(peWant[i]);
              expect(ratio[i]).toBe((2 * (full.columns[1]![i]! - 1)) / (full.columns[3]![i]! + 3));
            }
          }
          // A later request for all events completes the column.
          const peAll = dv.values({ channel: 'PE', compensation: 'M', transform: 'L' }, 'G', null);
          expect(Array.from(peAll)).toEqual(Array.from(peWant));
          // Channels outside the matrix pass through uncompensated.
          expect(dv.values({ channel: 'FSC-A', compensation: 'M' }, 'G')).toBe(table.columns[0]);
        },
      ),
      { seed: 99, numRuns: 60 },
    );
  });

  it('keeps a bounded ratio apart from the same ratio without bounds, and clamps a bounded transform', () => {
    // FL1-H/FL2-H (A = 1, B = 0, C = 0) of (30, 10), (5, 10): 3 and 0.5; clamped to [1, 2]: 2 and 1.
    // flin(T = 10, A = 0) = x/10 of those: 0.3 and 0.05 unbounded; of the clamped ratios with
    // boundMax 0.15: min(0.2, 0.15) = 0.15 and 0.1.
    const table = createEventTable([channelMeta({ name: 'FL1-H' }), channelMeta({ name: 'FL2-H' })], [Float64Array.from([30, 5]), Float64Array.from([10, 10])], 'scaled');
    const strategy: GatingStrategy = { transforms: { T: { kind: 'linear', t: 10, a: 0, boundMax: 0.15 } }, matrices: {}, gates: [] };
    const dv = new DimensionValues(strategy, table, null);
    const plain = { x: 'FL1-H', y: 'FL2-H', a: 1, b: 0, c: 0 };
    const bounded = { ...plain, boundMin: 1, boundMax: 2 };
    expect(Array.from(dv.values({ ratio: bounded, compensation: 'uncompensated' }, 'G'))).toEqual([2, 1]);
    expect(Array.from(dv.values({ ratio: plain, compensation: 'uncompensated' }, 'G'))).toEqual([3, 0.5]);
    expect(Array.from(dv.values({ ratio: bounded, compensation: 'uncompensated', transform: 'T' }, 'G'))).toEqual([0.15, 0.1]);
  });
});
