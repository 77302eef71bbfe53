import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boxBlur } from '../src/images/box-blur.js';
import { distanceTransform } from '../src/images/distance-transform.js';
import { fillHoles } from '../src/images/fill-holes.js';
import { autoThreshold } from '../src/images/threshold.js';

describe('distanceTransform', () => {
  it('matches a brute-force nearest-background search on random masks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.boolean(), { minLength: 144, maxLength: 144 }),
        (width, height, bits) => {
          const mask = Uint8Array.from(bits.slice(0, width * height), (b) => (b ? 1 : 0));
          const fast = distanceTransform(mask, width, height);
          for (let y = 0; y < height; y++) {
            for (let x = 0; x < width; x++) {
              // Outside the image counts as background: nearest outside pixel is one step past an edge.
              let best = mask[y * width + x] === 0 ? 0 : Math.min(x + 1, y + 1, width - x, height - y);
              for (let j = 0; j < height && best > 0; j++) {
                for (let i = 0; i < width; i++) {
                  if (mask[j * width + i] === 0) {
                    best = Math.min(best, Math.hypot(i - x, j - y));
                  }
                }
              }
              expect(fast[y * width + x]).toBeCloseTo(best, 5);
            }
          }
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe('boxBlur', () => {
  it('averages a window of 2r + 1 with clamped edges', () => {
    // Row [0, 3, 0], r = 1: each output is the mean of 3 values with the edge repeated:
    // [0,0,3]/3 = 1, [0,3,0]/3 = 1, [3,0,0]/3 = 1.
    expect(Array.from(boxBlur(new Float32Array([0, 3, 0]), 3, 1, 1))).toEqual([1, 1, 1]);
    // A constant plane stays constant.
    const flat = boxBlur(new Float32Array(20).fill(2), 5, 4, 2);
    expect(flat.every((v) => Math.abs(v - 2) < 1e-6)).toBe(true);
  });
});

describe('fillHoles', () => {
  it('fills an enclosed hole and leaves background that reaches the border', () => {
    // 5 × 5 ring with a one-pixel hole at the centre, plus an open notch on the right edge.
    const mask = Uint8Array.from([
      0, 0, 0, 0, 0,
      0, 1, 1, 1, 0,
      0, 1, 0, 1, 0,
      0, 1, 1, 1, 0,
      0, 0, 0, 0, 0,
    ]);
    expect(fillHoles(mask, 5, 5)).toBe(1);
    expect(mask[12]).toBe(1);
    expect(mask[0]).toBe(0);
  });
});

describe('autoThreshold', () => {
  // Two-level data: 80 values at 0.1 and 20 at 0.9. Every method must cut between the levels.
  const twoLevels = new Float32Array(100).map((_, i) => (i < 80 ? 0.1 : 0.9));
  it.each(['otsu', 'triangle', 'li'] as const)('%s separates two levels', (method) => {
    const t = autoThreshold(twoLevels, method);
    expect(t).toBeGreaterThanOrEqual(0.1);
    expect(t).toBeLessThan(0.9);
  });

  it('otsu takes the middle of the empty gap between two levels', () => {
    // Between-class variance is flat across empty bins, so the midpoint 0.5 (± one 0.8/1024 bin).
    expect(autoThreshold(twoLevels, 'otsu')).toBeCloseTo(0.5, 2);
  });

  it('returns the value of a constant plane', () => {
    expect(autoThreshold(new Float32Array([0.3, 0.3]), 'otsu')).toBeCloseTo(0.3, 6);
  });
});
