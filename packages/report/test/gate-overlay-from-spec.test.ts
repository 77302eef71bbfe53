import { createTransform } from '@tamkit/gating';
import type { GateSpec } from '@tamkit/gating';
import { describe, expect, it } from 'vitest';
import { gateOverlayFromSpec } from '../src/index.js';

const dim = (channel: string, min?: number, max?: number) => ({ channel, compensation: 'uncompensated', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) });

describe('gateOverlayFromSpec', () => {
  it('maps rectangle bounds through the display transform (Gating-ML 2.0 asinh, formula applied by hand)', () => {
    const t = createTransform({ kind: 'asinh', t: 262144, m: 4.5, a: 0 });
    // Gating-ML 2.0 §6.3: asinh(x · sinh(M ln 10) / T) / (M ln 10) with A = 0.
    const byHand = (x: number): number => Math.asinh((x * Math.sinh(4.5 * Math.LN10)) / 262144) / (4.5 * Math.LN10);
    const spec: GateSpec = { kind: 'rectangle', dimensions: [dim('FL1-A', 1000), dim('FL2-A', undefined, 5000)] };
    const o = gateOverlayFromSpec('CD80+', spec, { x: (v) => t.apply(v), y: (v) => t.apply(v) }, 42);
    expect(o?.kind).toBe('rectangle');
    if (o?.kind === 'rectangle') {
      expect(o.x[0]).toBeCloseTo(byHand(1000), 12);
      expect(o.x[1]).toBeNull();
      expect(o.y[1]).toBeCloseTo(byHand(5000), 12);
      expect(o.percentOfParent).toBe(42);
    }
  });
  it('draws a one-dimensional rectangle as a range, keeps polygon vertices, and traces ellipses', () => {
    expect(gateOverlayFromSpec('R', { kind: 'rectangle', dimensions: [dim('FSC-A', 10, 20)] })).toEqual({ kind: 'range', label: 'R', percentOfParent: null, x: [10, 20] });
    expect(gateOverlayFromSpec('P', { kind: 'polygon', dimensions: [dim('a'), dim('b')], vertices: [[0, 0], [2, 0], [1, 3]] }, { x: (v) => v * 2 })).toEqual({
      kind: 'polygon',
      label: 'P',
      percentOfParent: null,
      vertices: [[0, 0], [4, 0], [2, 3]],
    });
    const e = gateOverlayFromSpec('E', { kind: 'ellipse', dimensions: [dim('a'), dim('b')], mean: [5, 5], covariance: [[4, 0], [0, 1]], distanceSquare: 1 });
    // Σ = diag(4, 1), d² = 1: the first traced point is the end of the x semi-axis (5 + 2, 5).
    expect(e?.kind === 'polygon' ? e.vertices[0] : null).toEqual([7, 5]);
  });
  it('takes the quadrant centre from the first cut of each divider, and gives no outline for boolean gates', () => {
    const q: GateSpec = {
      kind: 'quadrant',
      dividers: [
        { id: 'dx', dimension: dim('CD80'), cuts: [1000] },
        { id: 'dy', dimension: dim('CD206'), cuts: [2000] },
      ],
      quadrants: [],
    };
    expect(gateOverlayFromSpec('Q', q, {}, null, [1, 2, 3, 4])).toEqual({ kind: 'quadrant', label: 'Q', x: 1000, y: 2000, percents: [1, 2, 3, 4] });
    expect(gateOverlayFromSpec('B', { kind: 'boolean', op: 'not', operands: [{ ref: 'Q' }] })).toBeNull();
  });
});
