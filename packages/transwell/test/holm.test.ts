import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../src/index.js';

/**
 * A second algorithm: Holm's procedure is the closed testing procedure with Bonferroni tests of the
 * intersections, so the adjusted p of hypothesis i is the largest, over every subset S holding i, of
 * min(1, |S| · min over S of p).
 */
function closedBonferroni(p: readonly number[]): number[] {
  const m = p.length;
  return p.map((_, i) => {
    let worst = 0;
    for (let mask = 1; mask < 1 << m; mask++) {
      if ((mask & (1 << i)) === 0) {
        continue;
      }
      const members = p.filter((_v, j) => (mask & (1 << j)) !== 0);
      worst = Math.max(worst, Math.min(1, members.length * Math.min(...members)));
    }
    return worst;
  });
}

describe('holmAdjust', () => {
  it('gives the hand-derived values, in the input order', () => {
    // Sorted 0.01, 0.03, 0.04 → 3 × 0.01 = 0.03, 2 × 0.03 = 0.06, 1 × 0.04 = 0.04 → running max 0.06.
    const out = holmAdjust([0.01, 0.04, 0.03]);
    expect(out[0]).toBeCloseTo(0.03, 15);
    expect(out[1]).toBeCloseTo(0.06, 15);
    expect(out[2]).toBeCloseTo(0.06, 15);
    // Capped at 1; a single p-value is its own adjustment.
    expect(holmAdjust([0.4, 0.6])).toEqual([0.8, 0.8]);
    expect(holmAdjust([0.6, 0.7, 0.9])).toEqual([1, 1, 1]);
    expect(holmAdjust([0.02])).toEqual([0.02]);
    expect(holmAdjust([])).toEqual([]);
  });

  it('matches closed testing with Bonferroni intersection tests', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 200; trial++) {
      const m = 1 + (trial % 7);
      // Small p-values as well as large ones, and ties.
      const p = Array.from({ length: m }, () => (rand() < 0.2 ? 0.01 : rand() ** 3));
      const want = closedBonferroni(p);
      holmAdjust(p).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 14));
    }
  });

  it('leaves NaN out of the family and rejects values outside [0, 1]', () => {
    const out = holmAdjust([0.01, Number.NaN, 0.02]);
    expect(out[1]).toBeNaN();
    expect(out[0]).toBeCloseTo(0.02, 15);
    expect(out[2]).toBeCloseTo(0.02, 15);
    expect(() => holmAdjust([1.5])).toThrow(RangeError);
  });
});
