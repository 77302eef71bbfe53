import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelMeta, createEventTable, type EventTable } from '@tamkit/core';
import { evaluateStrategy } from '../src/strategy/evaluate-strategy.js';
import type { GatingStrategy } from '../src/strategy/gating-strategy.js';

const value = fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constantFrom(NaN, 0, 1, -1));
const events = fc.array(fc.tuple(value, value, value), { minLength: 0, maxLength: 60 });
const cut = fc.double({ min: -10, max: 10, noNaN: true });
const vertex = fc.tuple(cut, cut);
const dim = (channel: string) => ({ channel, compensation: 'uncompensated' }) as const;

function tableOf(rows: readonly (readonly [number, number, number])[]): EventTable {
  return createEventTable(
    ['A', 'B', 'C'].map((name) => channelMeta({ name })),
    [0, 1, 2].map((j) => Float64Array.from(rows, (r) => r[j]!)),
    'scaled',
  );
}

const params = { seed: 424242, numRuns: 200 };

describe('population invariants (property tests)', () => {
  it('a child is a subset of its parent, and not(G) and G partition the parent', () => {
    fc.assert(
      fc.property(events, cut, cut, fc.array(vertex, { minLength: 3, maxLength: 8 }), (rows, lo, hi, vertices) => {
        const s: GatingStrategy = {
          transforms: { lin: { kind: 'linear', t: 10, a: 1 } },
          matrices: {},
          gates: [
            { id: 'P', gate: { kind: 'rectangle', dimensions: [{ ...dim('A'), min: Math.min(lo, hi) }, { ...dim('C') }] } },
            { id: 'G', parent: 'P', gate: { kind: 'polygon', dimensions: [dim('B'), { ...dim('C'), transform: 'lin' }], vertices } },
            { id: 'NotG', parent: 'P', gate: { kind: 'boolean', op: 'not', operands: [{ ref: 'G' }] } },
          ],
        };
        const tree = evaluateStrategy(s, tableOf(rows));
        const p = tree.byId.get('P')!.mask;
        const g = tree.byId.get('G')!.mask;
        const n = tree.byId.get('NotG')!.mask;
        for (let i = 0; i < rows.length; i++) {
          expect(g[i]! <= p[i]!).toBe(true);
          expect(g[i]! + n[i]!).toBe(p[i]);
        }
        expect(tree.byId.get('G')!.count + tree.byId.get('NotG')!.count).toBe(tree.byId.get('P')!.count);
      }),
      params,
    );
  });

  it('a full set of quadrants partitions the parent', () => {
    fc.assert(
      fc.property(events, fc.array(cut, { minLength: 1, maxLength: 3 }), cut, (rows, cutsX, cutY) => {
        // One quadrant per band of X × band of Y: locations chosen inside each band.
        const xs = [...new Set(cutsX)].sort((a, b) => a - b);
        const bandPoints = (cuts: number[]): number[] => [cuts[0]! - 1, ...cuts.map((c, i) => (i + 1 < cuts.length ? (c + cuts[i + 1]!) / 2 : c + 1))];
        const quadrants = bandPoints(xs).flatMap((lx, i) =>
          bandPoints([cutY]).map((ly, j) => ({ id: `Q${i}${j}`, positions: [{ divider: 'X', location: lx }, { divider: 'Y', location: ly }] })),
        );
        const s: GatingStrategy = {
          transforms: {},
          matrices: {},
          gates: [
            { id: 'P', gate: { kind: 'range', dimensions: [{ ...dim('C'), min: -5 }] } },
            {
              id: 'Quad',
              parent: 'P',
              gate: { kind: 'quadrant', dividers: [{ id: 'X', dimension: dim('A'), cuts: xs }, { id: 'Y', dimension: dim('B'), cuts: [cutY] }], quadrants },
            },
          ],
        };
        const tree = evaluateStrategy(s, tableOf(rows));
        const p = tree.byId.get('P')!.mask;
        for (let i = 0; i < rows.length; i++) {
          const [a, b] = rows[i]!;
          const member = quadrants.reduce((acc, q) => acc + tree.byId.get(q.id)!.mask[i]!, 0);
          // Events with a NaN coordinate are outside every band; all others fall in exactly one.
          expect(member).toBe(Number.isNaN(a) || Number.isNaN(b) ? 0 : p[i]);
        }
        expect(tree.byId.get('Q00')!.path).toEqual(['P', 'Quad', 'Q00']);
      }),
      params,
    );
  });
});
