import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bin1d, bin2d, binCentres, subsamplePoints } from '../src/index.js';

describe('bin2d', () => {
  it('counts events per cell, rows along y, the upper range end in the last bin (hand-derived)', () => {
    // 2 × 2 grid over [0, 2] × [0, 2]: (0.5, 0.5) → row 0 col 0; (1.5, 0.2) → row 0 col 1;
    // (2, 2) → last bin of both axes; (3, 1) outside; (NaN, 1) skipped.
    const b = bin2d([0.5, 1.5, 2, 3, Number.NaN], [0.5, 0.2, 2, 1, 1], { xRange: [0, 2], yRange: [0, 2], bins: 2 });
    expect(b.counts).toEqual([
      [1, 1],
      [0, 1],
    ]);
    expect([b.total, b.outside, b.nan]).toEqual([3, 1, 1]);
  });
  it('accounts for every event (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -2, max: 3, noNaN: false }), fc.double({ min: -2, max: 3 })), { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (pts, bins) => {
        const b = bin2d(pts.map((p) => p[0]), pts.map((p) => p[1]), { xRange: [0, 1], yRange: [0, 1], bins });
        const inGrid = b.counts.flat().reduce((s, c) => s + c, 0);
        return inGrid === b.total && b.total + b.outside + b.nan === pts.length;
      }),
    );
  });
  it('rejects columns of different length', () => {
    expect(() => bin2d([1], [], { xRange: [0, 1], yRange: [0, 1], bins: 2 })).toThrowErrorMatchingInlineSnapshot(`[RangeError: bin2d needs columns of equal length, got 1 and 0]`);
  });
});

describe('bin1d and binCentres', () => {
  it('counts an empty column as all zero', () => {
    expect(bin1d([], { range: [0, 1], bins: 3 })).toEqual({ range: [0, 1], counts: [0, 0, 0], total: 0, outside: 0, nan: 0 });
  });
  it('puts 0.25 in the first of two bins and 0.5 in the second (bins are [a, b))', () => {
    expect(bin1d([0.25, 0.5], { range: [0, 1], bins: 2 }).counts).toEqual([1, 1]);
  });
  it('gives bin centres', () => {
    expect(binCentres([0, 1], 4)).toEqual([0.125, 0.375, 0.625, 0.875]);
  });
});

describe('subsamplePoints', () => {
  it('keeps at most max events, in order, the same for the same seed', () => {
    const x = Array.from({ length: 1000 }, (_, i) => i);
    const a = subsamplePoints(x, x, { max: 50, seed: 7 });
    expect(a.x).toHaveLength(50);
    expect(a.x).toEqual([...a.x].sort((p, q) => p - q));
    expect(subsamplePoints(x, x, { max: 50, seed: 7 })).toEqual(a);
    expect(a.of).toBe(1000);
  });
  it('refuses more than 100 000 points', () => {
    expect(() => subsamplePoints([], [], { max: 100_001, seed: 1 })).toThrowErrorMatchingInlineSnapshot(`[RangeError: max must be an integer in 1..100000, got 100001]`);
  });
});
