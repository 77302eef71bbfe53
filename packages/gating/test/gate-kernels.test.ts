import { describe, expect, it } from 'vitest';
import { applyGate } from '../src/gates/apply-gate.js';
import type { GateSpec } from '../src/gates/gate-spec.js';
import { quadrantBand, quadrantMasks } from '../src/gates/quadrant-masks.js';
import { assertGateSpec, gateSpecIssues } from '../src/gates/validate-gate-spec.js';
import { GateSpecError } from '../src/errors.js';

const col = (...v: number[]): Float64Array => Float64Array.from(v);
const dim = (channel: string) => ({ channel, compensation: 'uncompensated' }) as const;

describe('rectangle and range gates', () => {
  it('are half-open: min inside, max outside, NaN and infinities outside', () => {
    const gate = { kind: 'range', dimensions: [{ ...dim('A'), min: 20, max: 80 }] } as const;
    // 20 ≤ v < 80 by definition: 19.999 no, 20 yes, 79.999 yes, 80 no.
    expect(Array.from(applyGate(gate, [col(19.999, 20, 79.999, 80, NaN, Infinity)]))).toEqual([0, 1, 1, 0, 0, 0]);
  });

  it('treat a missing bound as unbounded but keep non-finite values out', () => {
    const gate = { kind: 'range', dimensions: [{ ...dim('A'), min: 100 }] } as const;
    expect(Array.from(applyGate(gate, [col(99, 100, 1e300, Infinity, -Infinity)]))).toEqual([0, 1, 1, 0, 0]);
  });

  it('AND every dimension', () => {
    const gate = { kind: 'rectangle', dimensions: [{ ...dim('A'), min: 0, max: 1 }, { ...dim('B'), max: 5 }] } as const;
    expect(Array.from(applyGate(gate, [col(0.5, 0.5, 2), col(4, 5, 4)]))).toEqual([1, 0, 0]);
  });
});

describe('parent masks (within)', () => {
  it('AND every kernel with the parent', () => {
    const within = Uint8Array.from([1, 0, 1, 0]);
    const a = col(1, 1, 9, 9);
    const b = col(1, 1, 9, 9);
    // Without the parent: events 0, 1 inside the range [0, 5), all four inside the wide shapes.
    const rect = { kind: 'range', dimensions: [{ ...dim('A'), min: 0, max: 5 }] } as const;
    expect(Array.from(applyGate(rect, [a], 'R', within))).toEqual([1, 0, 0, 0]);
    const poly = { kind: 'polygon', dimensions: [dim('A'), dim('B')], vertices: [[0, 0], [10, 0], [10, 10], [0, 10]] } as const;
    expect(Array.from(applyGate(poly, [a, b], 'P', within))).toEqual([1, 0, 1, 0]);
    const ell = { kind: 'ellipse', dimensions: [dim('A'), dim('B')], mean: [5, 5], covariance: [[100, 0], [0, 100]], distanceSquare: 1 } as const;
    expect(Array.from(applyGate(ell, [a, b], 'E', within))).toEqual([1, 0, 1, 0]);
    const quad = { kind: 'quadrant', dividers: [{ id: 'X', dimension: dim('A'), cuts: [5] }], quadrants: [{ id: 'XP', positions: [{ divider: 'X', location: 6 }] }] } as const;
    expect(Array.from(quadrantMasks(quad, [a], within).get('XP')!)).toEqual([0, 0, 1, 0]);
  });
});

describe('ellipsoid gates', () => {
  it('use (x−μ)ᵀC⁻¹(x−μ) ≤ D² with an inclusive boundary', () => {
    // C = diag(4, 1), D² = 1: the ellipse x²/4 + y² ≤ 1. (2, 0) and (0, 1) are on it (inside),
    // (0, 1.0001) just outside, (1, 0.5) inside (0.25 + 0.25).
    const gate = {
      kind: 'ellipse',
      dimensions: [dim('A'), dim('B')],
      mean: [0, 0],
      covariance: [
        [4, 0],
        [0, 1],
      ],
      distanceSquare: 1,
    } as const;
    expect(Array.from(applyGate(gate, [col(2, 0, 0, 1, NaN), col(0, 1, 1.0001, 0.5, 0)]))).toEqual([1, 1, 0, 1, 0]);
  });

  it('inverts a non-symmetric covariance literally', () => {
    // C = [[2, 1], [0, 1]] → C⁻¹ = [[0.5, −0.5], [0, 1]] (hand-inverted: det 2, adj [[1, −1], [0, 2]]).
    // For d = (1, 1): dᵀC⁻¹d = 0.5 − 0.5 + 0 + 1 = 1. For d = (−1, 1): 0.5 + 0.5 + 0 + 1 = 2.
    // The symmetrised C' = [[2, 0.5], [0.5, 1]] would give 6/7 and 10/7 instead.
    const gate = {
      kind: 'ellipse',
      dimensions: [dim('A'), dim('B')],
      mean: [0, 0],
      covariance: [
        [2, 1],
        [0, 1],
      ],
      distanceSquare: 1.5,
    } as const;
    expect(Array.from(applyGate(gate, [col(1, -1), col(1, 1)]))).toEqual([1, 0]);
  });

  it('throws GATE_SPEC_INVALID on a singular covariance', () => {
    const gate = {
      kind: 'ellipse',
      dimensions: [dim('A'), dim('B')],
      mean: [0, 0],
      covariance: [
        [1, 2],
        [2, 4],
      ],
      distanceSquare: 1,
    } as const;
    let err: unknown;
    try {
      applyGate(gate, [col(0), col(0)], 'E1');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GateSpecError);
    expect((err as GateSpecError).code).toBe('GATE_SPEC_INVALID');
    expect((err as GateSpecError).context).toEqual({ gateId: 'E1', path: 'covariance' });
    expect((err as Error).message).toMatchInlineSnapshot(`"gate 'E1': covariance matrix is singular; expected an invertible matrix"`);
  });
});

describe('quadrant gates', () => {
  it('pick the band [largest cut ≤ location, smallest cut > location)', () => {
    expect(quadrantBand([28.0654, 70.02725], 30)).toEqual({ lower: 28.0654, upper: 70.02725 });
    expect(quadrantBand([28.0654, 70.02725], 10)).toEqual({ lower: -Infinity, upper: 28.0654 });
    // A location equal to a cut selects the band above it.
    expect(quadrantBand([5], 5)).toEqual({ lower: 5, upper: Infinity });
  });

  it('evaluates bands half-open and leaves unlisted dividers unconstrained', () => {
    const spec = {
      kind: 'quadrant',
      dividers: [
        { id: 'X', dimension: dim('A'), cuts: [10] },
        { id: 'Y', dimension: dim('B'), cuts: [17.75] },
      ],
      quadrants: [
        { id: 'XN-YN', positions: [{ divider: 'X', location: 0 }, { divider: 'Y', location: 0 }] },
        { id: 'XP', positions: [{ divider: 'X', location: 20 }] },
      ],
    } as const;
    const m = quadrantMasks(spec, [col(5, 5, 10, NaN), col(17.75, 17.7, 0, 0)]);
    // Event 0 has B exactly on the cut: goes above (not XN-YN). Event 2 has A = 10: XP.
    expect(Array.from(m.get('XN-YN')!)).toEqual([0, 1, 0, 0]);
    expect(Array.from(m.get('XP')!)).toEqual([0, 0, 1, 0]);
  });
});

describe('gate spec validation', () => {
  it('accepts every valid kind', () => {
    const specs: GateSpec[] = [
      { kind: 'range', dimensions: [{ ...dim('A'), min: 1 }] },
      { kind: 'polygon', dimensions: [dim('A'), { ratio: { x: 'A', y: 'B', a: 1, b: 0, c: -1 }, compensation: 'FCS', transform: 't' }], vertices: [[0, 0], [1, 0], [0, 1]] },
      { kind: 'boolean', op: 'not', operands: [{ ref: 'G', complement: true }] },
    ];
    for (const s of specs) {
      expect(gateSpecIssues(s)).toEqual([]);
    }
  });

  it('lists precise paths', () => {
    expect(gateSpecIssues({ kind: 'polygon', dimensions: [dim('A')], vertices: [[0, 0], [1, 'x'], [2, 2]] })).toEqual([
      { path: 'dimensions', message: 'expected 2 dimensions, found 1' },
      { path: 'vertices[1]', message: 'expected [x, y] finite numbers, found [1,"x"]' },
    ]);
    expect(gateSpecIssues({ kind: 'range', dimensions: [{ ...dim('A'), min: 5, max: 5 }] })).toEqual([
      { path: 'dimensions[0].max', message: 'max 5 must be greater than min 5' },
    ]);
    expect(gateSpecIssues({ kind: 'boolean', op: 'and', operands: [{ ref: 'A' }] })[0]?.path).toBe('operands');
    expect(gateSpecIssues({ kind: 'hexagon' })[0]?.path).toBe('kind');
  });

  it('throws GateSpecError with gate id and path', () => {
    let err: unknown;
    try {
      assertGateSpec({ kind: 'quadrant', dividers: [{ id: 'X', dimension: dim('A'), cuts: [] }], quadrants: [{ id: 'Q', positions: [{ divider: 'X', location: 1 }] }] }, 'Quad');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GateSpecError);
    expect((err as GateSpecError).context).toEqual({ gateId: 'Quad', path: 'dividers[0].cuts' });
    expect((err as Error).message).toMatchInlineSnapshot(`"gate 'Quad': dividers[0].cuts: expected at least 1 finite cut value"`);
  });
});
