import { describe, expect, it } from 'vitest';
import { decode } from 'image-js';
import { encodeMembraneImage, simulateMembraneImage } from '../src/index.js';

function sameBytes(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

const small = { width: 256, height: 256, pixelSizeUm: 1, cellCount: 40 } as const;

describe('simulateMembraneImage', () => {
  it('returns the requested shape: RGB for crystal violet, grey for a nuclear stain', () => {
    const cv = simulateMembraneImage({ seed: 1, ...small, stain: 'crystal-violet' });
    expect([cv.width, cv.height, cv.channels, cv.bitDepth]).toEqual([256, 256, 3, 8]);
    expect(cv.pixels).toBeInstanceOf(Uint8Array);
    expect(cv.pixels.length).toBe(256 * 256 * 3);
    const nuc = simulateMembraneImage({ seed: 1, ...small, stain: 'nuclear', bitDepth: 16 });
    expect([nuc.channels, nuc.bitDepth]).toEqual([1, 16]);
    expect(nuc.pixels).toBeInstanceOf(Uint16Array);
  });

  it('is deterministic by seed, and another seed gives another field', () => {
    const a = simulateMembraneImage({ seed: 42, ...small });
    const b = simulateMembraneImage({ seed: 42, ...small });
    const c = simulateMembraneImage({ seed: 43, ...small });
    expect(sameBytes(b.pixels, a.pixels)).toBe(true);
    expect(b.truth).toEqual(a.truth);
    expect(sameBytes(c.pixels, a.pixels)).toBe(false);
  });

  it('draws every requested cell on an uncrowded field, fully inside it', () => {
    // 40 cells of 12 µm on 256 × 256 µm cover about 7 % of the field: room for all of them.
    const field = simulateMembraneImage({ seed: 5, ...small });
    expect(field.truth.count).toBe(40);
    expect(field.truth.cells).toHaveLength(40);
    for (const { x, y, r } of field.truth.cells) {
      expect(x - r).toBeGreaterThanOrEqual(0);
      expect(y - r).toBeGreaterThanOrEqual(0);
      expect(x + r).toBeLessThanOrEqual(255);
      expect(y + r).toBeLessThanOrEqual(255);
      // Radius from 12 ± 1.2 µm diameter at 1 µm/px, floored at 0.6 × the mean radius.
      expect(r).toBeGreaterThan(3.5);
      expect(r).toBeLessThan(10);
    }
  });

  it('puts clusterFraction of the cells in touching groups', () => {
    // 0.5 × 40 = 20 clustered cells: each touches (centres < r1 + r2 apart) another cell.
    const field = simulateMembraneImage({ seed: 9, ...small, clusterFraction: 0.5, debrisCount: 0 });
    const cells = field.truth.cells;
    const touching = cells.filter((c, i) =>
      cells.some((d, j) => j !== i && Math.hypot(c.x - d.x, c.y - d.y) < c.r + d.r),
    ).length;
    expect(touching).toBeGreaterThanOrEqual(19);
    expect(touching).toBeLessThanOrEqual(21);
  });

  it('draws cells where the truth says: dark on crystal violet, bright on a nuclear stain', () => {
    const options = {
      seed: 3,
      ...small,
      poreDensity: 0,
      debrisCount: 0,
      noiseSd: 0,
      illuminationGradient: 0,
      shapeVariability: 0,
      outOfFocusFraction: 0,
    };
    const cv = simulateMembraneImage({ ...options, stain: 'crystal-violet' });
    const nuc = simulateMembraneImage({ ...options, stain: 'nuclear' });
    const inside = new Uint8Array(256 * 256);
    for (const { x, y, r } of cv.truth.cells) {
      for (let py = Math.floor(y - r - 1); py <= y + r + 1; py++) {
        for (let px = Math.floor(x - r - 1); px <= x + r + 1; px++) {
          if (Math.hypot(px - x, py - y) <= r + 0.5) {
            inside[py * 256 + px] = 1;
          }
        }
      }
    }
    for (const { x, y } of cv.truth.cells) {
      const i = Math.round(y) * 256 + Math.round(x);
      // Membrane green is 0.88 × 255 = 224; a cell absorbs at least exp(−1.6 × 0.6) → ≤ 86.
      expect(cv.pixels[i * 3 + 1]).toBeLessThan(100);
      // Nuclear: 0.05 + 0.75 × ≥ 0.6 → ≥ 0.5 × 255.
      expect(nuc.pixels[i]).toBeGreaterThan(120);
    }
    // Without pores, debris, noise or gradient, every pixel outside the discs is bare membrane.
    let mismatches = 0;
    for (let i = 0; i < inside.length; i++) {
      if (inside[i] === 0) {
        mismatches += cv.pixels[i * 3 + 1] === Math.round(0.88 * 255) ? 0 : 1;
        mismatches += nuc.pixels[i] === Math.round(0.05 * 255) ? 0 : 1;
      }
    }
    expect(mismatches).toBe(0);
  });

  it('draws elongated cells with the area of their disc', () => {
    // One cell, no pores, debris, noise or gradient: pixels absorbing more than half the cell's
    // green contrast outline the ellipse, whose area is π r² by construction (semi-axes r·√a, r/√a).
    for (const seed of [1, 2, 3, 4]) {
      const field = simulateMembraneImage({
        seed,
        width: 96,
        height: 96,
        pixelSizeUm: 0.5,
        cellCount: 1,
        poreDensity: 0,
        debrisCount: 0,
        noiseSd: 0,
        illuminationGradient: 0,
        shapeVariability: 1,
        outOfFocusFraction: 0,
      });
      const cell = field.truth.cells[0]!;
      const membrane = Math.round(0.88 * 255);
      let inside = 0;
      let sxx = 0;
      let syy = 0;
      let sxy = 0;
      for (let y = 0; y < 96; y++) {
        for (let x = 0; x < 96; x++) {
          // Cell green ≤ 224 × exp(−1.6 × 0.6) ≈ 86 everywhere inside: the midpoint 155 separates.
          if (field.pixels[(y * 96 + x) * 3 + 1]! < (membrane + 86) / 2) {
            inside++;
            sxx += (x - cell.x) ** 2;
            syy += (y - cell.y) ** 2;
            sxy += (x - cell.x) * (y - cell.y);
          }
        }
      }
      const area = Math.PI * cell.r * cell.r;
      expect(Math.abs(inside - area) / area).toBeLessThan(0.1);
      // Aspect ratio from the eigenvalues of the second-moment matrix: √(λ1/λ2) in [1, 2].
      const tr = sxx + syy;
      const det = sxx * syy - sxy * sxy;
      const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
      const aspect = Math.sqrt((tr / 2 + disc) / (tr / 2 - disc));
      expect(aspect).toBeGreaterThanOrEqual(0.99);
      expect(aspect).toBeLessThanOrEqual(2.1);
    }
  });

  it('draws pores fainter than cells and lays them on a lattice of the requested density', () => {
    const field = simulateMembraneImage({ seed: 4, width: 500, height: 500, pixelSizeUm: 1, cellCount: 0, debrisCount: 0 });
    // 1000 pores per mm² over 0.25 mm², plus the lattice margin drawn past the edges.
    expect(field.truth.pores).toBeGreaterThan(250);
    expect(field.truth.pores).toBeLessThan(330);
    let darkest = 255;
    for (let i = 1; i < field.pixels.length; i += 3) {
      darkest = Math.min(darkest, field.pixels[i]!);
    }
    // Pore optical density ≤ 0.18 → green ≥ 224 × 0.7 (gradient) × exp(−1.6 × 0.18) minus noise.
    expect(darkest).toBeGreaterThan(90);
  });

  it('rejects bad options with RangeError', () => {
    expect(() => simulateMembraneImage({ seed: 1, pixelSizeUm: 0 })).toThrow(RangeError);
    expect(() => simulateMembraneImage({ seed: 1, clusterFraction: 2 })).toThrow(RangeError);
    expect(() => simulateMembraneImage({ seed: Number.NaN })).toThrow(TypeError);
  });
});

describe('encodeMembraneImage', () => {
  it.each([
    ['png', 8, 'crystal-violet'],
    ['png', 16, 'nuclear'],
    ['tiff', 8, 'crystal-violet'],
    ['tiff', 16, 'nuclear'],
    ['tiff', 16, 'crystal-violet'],
  ] as const)('%s %i-bit %s decodes back to the same pixels with image-js', (format, bitDepth, stain) => {
    const field = simulateMembraneImage({ seed: 11, width: 64, height: 48, bitDepth, stain });
    const image = decode(encodeMembraneImage(field, format));
    const raw = image.getRawImage();
    expect([raw.width, raw.height, raw.channels, raw.bitDepth]).toEqual([64, 48, field.channels, bitDepth]);
    expect(sameBytes(raw.data, field.pixels)).toBe(true);
  });
});
