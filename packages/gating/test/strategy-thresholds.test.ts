import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelMeta, createEventTable } from '@tamkit/core';
import { createTransform } from '../src/transforms/create-transform.js';
import type { TransformSpec } from '../src/transforms/transform-spec.js';
import { rectangleMask } from '../src/gates/rectangle-mask.js';
import { evaluateStrategy } from '../src/strategy/evaluate-strategy.js';
import type { GatingStrategy } from '../src/strategy/gating-strategy.js';

/**
 * Range and rectangle gates on logicle, hyperlog and asinh dimensions are evaluated through bounds
 * mapped back by the inverse transform. The reference here is the definition: transform every value
 * with applyColumn, then test min ≤ T(v) < max with rectangleMask.
 */
const spec = fc.oneof(
  fc.record({ kind: fc.constant('logicle' as const), t: fc.constantFrom(1000, 10000, 262144), w: fc.double({ min: 0, max: 1, noNaN: true }), m: fc.double({ min: 3, max: 6, noNaN: true }), a: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('hyperlog' as const), t: fc.constantFrom(1000, 262144), w: fc.double({ min: 0.1, max: 1, noNaN: true }), m: fc.double({ min: 3, max: 6, noNaN: true }), a: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('asinh' as const), t: fc.constantFrom(1000, 262144), m: fc.double({ min: 3, max: 6, noNaN: true }), a: fc.double({ min: 0, max: 1, noNaN: true }) }),
);
const bound = fc.option(fc.double({ min: -0.3, max: 1.2, noNaN: true }), { nil: undefined });

/** Values around the data-space images of the bounds (one ulp and more either side), plus random values and specials. */
function probes(t: (y: number) => number, bounds: readonly (number | undefined)[], extra: readonly number[]): Float64Array {
  const out: number[] = [NaN, Infinity, -Infinity, 0, -0, ...extra];
  for (const b of bounds) {
    if (b === undefined) {
      continue;
    }
    const x = t(b);
    for (const f of [1, 1 + 1e-16, 1 - 1e-16, 1 + 1e-12, 1 - 1e-12, 1 + 1e-6, 1 - 1e-6]) {
      out.push(x * f, x * f + 1e-300, x * f - 1e-300);
    }
  }
  return Float64Array.from(out);
}

describe('range and rectangle gates through inverse-mapped bounds', () => {
  it('give exactly the mask of rectangleMask on applyColumn values (property test)', () => {
    fc.assert(
      fc.property(spec, bound, bound, bound, fc.array(fc.double({ min: -3e5, max: 3e5, noNaN: true }), { maxLength: 30 }), (s, b1, b2, other, extra) => {
        // Ordered bounds (a gate with max <= min is invalid).
        const [lo, hi] = b1 !== undefined && b2 !== undefined ? (b1 === b2 ? [b1, undefined] : [Math.min(b1, b2), Math.max(b1, b2)]) : [b1, b2];
        let transform;
        try {
          transform = createTransform(s);
        } catch {
          return; // parameter combinations the transform rejects
        }
        const x = probes((y) => transform.inverse(y), [lo, hi, other], extra);
        const y = Float64Array.from(x).reverse();
        const table = createEventTable([channelMeta({ name: 'X' }), channelMeta({ name: 'Y' })], [x, y], 'scaled');
        const strategy: GatingStrategy = {
          transforms: { tr: s },
          matrices: {},
          gates: [
            { id: 'R', gate: { kind: 'range', dimensions: [{ channel: 'X', compensation: 'uncompensated', transform: 'tr', min: lo, max: hi }] } },
            {
              id: 'Rect',
              parent: 'R',
              gate: {
                kind: 'rectangle',
                dimensions: [
                  { channel: 'Y', compensation: 'uncompensated', transform: 'tr', min: other },
                  { channel: 'X', compensation: 'uncompensated', max: 1e5 },
                ],
              },
            },
          ],
        };
        const tree = evaluateStrategy(strategy, table);
        const tx = transform.applyColumn(x);
        const ty = transform.applyColumn(y);
        const r = rectangleMask([tx], [{ min: lo, max: hi }]);
        const rect = rectangleMask([ty, x], [{ min: other }, { max: 1e5 }], r);
        expect(Array.from(tree.byId.get('R')!.mask)).toEqual(Array.from(r));
        expect(Array.from(tree.byId.get('Rect')!.mask)).toEqual(Array.from(rect));
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });

  it('on a ratio dimension with a transform', () => {
    // fratio A·(x − B)/(y − C) with A = 2, B = 0, C = 0: the ratio column is 2x/y.
    const x = Float64Array.from([1, 2, 3, 4, 5, 50, 500, -5, NaN]);
    const y = Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const s: TransformSpec = { kind: 'logicle', t: 1000, w: 0.5, m: 4, a: 0 };
    const transform = createTransform(s);
    const table = createEventTable([channelMeta({ name: 'X' }), channelMeta({ name: 'Y' })], [x, y], 'scaled');
    const min = transform.apply(6);
    const tree = evaluateStrategy(
      {
        transforms: { tr: s },
        matrices: {},
        gates: [{ id: 'Q', gate: { kind: 'range', dimensions: [{ ratio: { x: 'X', y: 'Y', a: 2, b: 0, c: 0 }, compensation: 'uncompensated', transform: 'tr', min }] } }],
      },
      table,
    );
    const ratio = Float64Array.from(x, (v, i) => (2 * v) / y[i]!);
    expect(Array.from(tree.byId.get('Q')!.mask)).toEqual(Array.from(rectangleMask([transform.applyColumn(ratio)], [{ min }])));
    // 2x >= 6 for x = 3, 4, 5, 50, 500 (the value at the bound itself is inside).
    expect(Array.from(tree.byId.get('Q')!.mask)).toEqual([0, 0, 1, 1, 1, 1, 1, 0, 0]);
  });
});
