import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelMeta, createEventTable } from '@tamkit/core';
import { compensate } from '../src/compensation/compensate.js';
import { DimensionValues } from '../src/strategy/dimension-values.js';
import type { GatingStrategy } from '../src/strategy/gating-strategy.js';

// Mostly values with full mantissas (so summation order shows in the last bits), some special values.
const value = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -1e5, max: 1e5, noNaN: true }).map((v) => v * Math.PI + Math.E) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, NaN, Infinity) },
);

describe('compensated columns of DimensionValues with more detectors than one pass sums (up to 4 terms a pass)', () => {
  it('equal compensate() bit for bit for 7 detectors, zero coefficients skipped as compensate() skips them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: -0.2, max: 0.2, noNaN: true })), { minLength: 49, maxLength: 49 }),
        (rows, off) => {
          const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
          const table = createEventTable(
            names.map((name) => channelMeta({ name })),
            names.map((_, j) => Float64Array.from(rows, (r) => r[j]!)),
            'scaled',
          );
          // Diagonal 2.2 > the largest off-diagonal row sum (6 × 0.2): invertible and well conditioned.
          const values = Float64Array.from(off, (v, i) => (i % 8 === 0 ? 2.2 : v));
          const strategy: GatingStrategy = { transforms: {}, matrices: { M: { detectors: names, values, source: 'test' } }, gates: [] };
          const want = compensate(table, strategy.matrices.M!);
          const dv = new DimensionValues(strategy, table, null);
          names.forEach((name, j) => {
            const got = dv.values({ channel: name, compensation: 'M' }, 'G');
            for (let i = 0; i < rows.length; i++) {
              expect(Object.is(got[i], want.columns[j]![i]), `${name}[${i}]: ${got[i]} vs ${want.columns[j]![i]}`).toBe(true);
            }
          });
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
});
