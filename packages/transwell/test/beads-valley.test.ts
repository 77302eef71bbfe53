import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findValley } from '../src/index.js';

describe('findValley properties', () => {
  it('splits the finite values into below and above, with the cut inside their range', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 0, maxLength: 300 }), (values) => {
        const v = findValley(values);
        if (v === null) {
          return;
        }
        expect(v.below + v.above).toBe(values.length);
        expect(v.below).toBe(values.filter((x) => x < v.threshold).length);
        expect(v.below).toBeGreaterThanOrEqual(1);
        expect(v.above).toBeGreaterThanOrEqual(1);
        expect(v.threshold).toBeGreaterThan(Math.min(...values));
        expect(v.threshold).toBeLessThanOrEqual(Math.max(...values));
        expect(v.depth).toBeGreaterThanOrEqual(0);
        expect(v.depth).toBeLessThanOrEqual(0.5);
      }),
      { seed: 20251201, numRuns: 200 },
    );
  });

  it('separates two well-separated clusters exactly, whatever their sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 400 }), fc.integer({ min: 10, max: 400 }), fc.double({ min: 3, max: 50, noNaN: true }), (n, m, gap) => {
        // Two uniform clusters of width 1 with `gap` ≥ 3 between their centres: every bin between them is empty.
        const low = Array.from({ length: n }, (_, i) => i / n);
        const high = Array.from({ length: m }, (_, i) => gap + i / m);
        const v = findValley([...high, ...low]);
        expect(v).not.toBeNull();
        expect(v!.below).toBe(n);
        expect(v!.above).toBe(m);
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('matches its documented example', () => {
    // min 0.9, max 5.1: the empty run between 1.1 and 4.9 has its middle near (1.1 + 4.9)/2 = 3.
    const v = findValley(Float64Array.from([1, 1.1, 0.9, 1, 5, 5.1, 4.9, 5]), { bins: 256, smoothRadius: 2, maxDepth: 0.5, minEvents: 2 });
    expect(v!.threshold).toBeGreaterThan(2.8);
    expect(v!.threshold).toBeLessThan(3.2);
  });
});
