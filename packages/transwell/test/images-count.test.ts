import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulateMembraneImage } from '@tamkit/simulate';
import { countCells, renderOverlay, OVERLAY_COLOURS } from '../src/index.js';
import type { MembraneImage } from '../src/index.js';

interface Disc {
  x: number;
  y: number;
  r: number;
  value: number;
}

/** A grey 8-bit image: `background` everywhere, each disc (pixel centre within r) at its value. */
function greyImage(width: number, height: number, background: number, discs: readonly Disc[]): MembraneImage {
  const pixels = new Uint8Array(width * height).fill(background);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (const d of discs) {
        if (Math.hypot(x - d.x, y - d.y) <= d.r) {
          pixels[y * width + x] = d.value;
        }
      }
    }
  }
  return { pixels, width, height, channels: 1, bitDepth: 8 };
}

/** The same discs as an RGB crystal-violet-like image: light membrane, dark purple objects. */
function violetImage(width: number, height: number, discs: readonly Disc[]): MembraneImage {
  const grey = greyImage(width, height, 255, discs);
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const v = grey.pixels[i]!;
    // Purple: green darkest, blue lightest; v = 255 is the bare membrane.
    pixels[i * 3] = Math.round(0.9 * v);
    pixels[i * 3 + 1] = Math.round(0.85 * v);
    pixels[i * 3 + 2] = Math.min(255, Math.round(0.95 * v + 10));
  }
  return { pixels, width, height, channels: 3, bitDepth: 8 };
}

describe('countCells on hand-built images', () => {
  // At 1 µm/px with 12 µm cells: a disc of r = 6 px has ≈ 113 px = 113 µm², inside [60, 2000].
  const options = { stain: 'nuclear', pixelSizeUm: 1, cellDiameterUm: 12 } as const;

  it('counts isolated discs once each, at their centres', () => {
    const discs = [
      { x: 20, y: 20, r: 6, value: 200 },
      { x: 60, y: 25, r: 6, value: 200 },
      { x: 35, y: 60, r: 6, value: 200 },
    ];
    const result = countCells(greyImage(80, 80, 20, discs), options);
    expect(result.count).toBe(3);
    const centres = result.objects.map((o) => [Math.round(o.x), Math.round(o.y)]).sort((a, b) => a[0]! - b[0]!);
    expect(centres).toEqual([
      [20, 20],
      [35, 60],
      [60, 25],
    ]);
    for (const o of result.objects) {
      expect(o.split).toBe(false);
      expect(o.cells).toBe(1);
      // A digital disc of radius 6 has 113 pixels (Gauss circle count N(6) = 113); smoothing moves the edge ≤ 1 px.
      expect(o.areaPx).toBeGreaterThan(90);
      expect(o.areaPx).toBeLessThan(150);
      expect(o.circularity).toBeGreaterThan(0.8);
    }
  });

  it('splits two touching discs into two cells', () => {
    // Radius 8, centres 14 px apart (1.75 r, overlapping): the neck half-width is √(64 − 49) ≈ 3.9 px
    // against an 8 px peak of the distance transform, a dip of about half the peak.
    const discs = [
      { x: 30, y: 30, r: 8, value: 200 },
      { x: 44, y: 30, r: 8, value: 200 },
    ];
    const result = countCells(greyImage(80, 60, 20, discs), { ...options, cellDiameterUm: 16 });
    expect(result.count).toBe(2);
    expect(result.objects).toHaveLength(2);
    expect(result.objects.every((o) => o.split)).toBe(true);
    const xs = result.objects.map((o) => o.x).sort((a, b) => a - b);
    expect(xs[0]).toBeLessThan(37);
    expect(xs[1]).toBeGreaterThan(37);
  });

  it('counts the same two discs as one blob of two cells when splitting is off', () => {
    const discs = [
      { x: 30, y: 30, r: 8, value: 200 },
      { x: 44, y: 30, r: 8, value: 200 },
    ];
    const result = countCells(greyImage(80, 60, 20, discs), { ...options, cellDiameterUm: 16, splitTouching: false });
    expect(result.objects).toHaveLength(1);
    // Area ≈ 2 × 201 − lens 2r²·acos(d/2r) − (d/2)·√(4r² − d²) ≈ 402 − 10.5 ≈ 391 px;
    // ÷ 201 px expected for a 16 µm cell (fewer than 5 objects, so no median) → 2.
    expect(result.objects[0]!.cells).toBe(2);
    expect(result.count).toBe(2);
    expect(result.warnings.map((w) => w.code)).toContain('TRANSWELL_IMAGE_CLUSTER_ESTIMATE');
  });

  it('counts a lattice of 8 µm pores as zero cells', () => {
    // Pores r = 4 px at 1 µm/px: ≈ 50 µm² < the 60 µm² minimum; faint (245 on a 255 membrane).
    const pores: Disc[] = [];
    for (let y = 10; y < 120; y += 30) {
      for (let x = 10 + ((y / 30) % 2) * 15; x < 120; x += 30) {
        pores.push({ x, y, r: 4, value: 215 });
      }
    }
    const image = violetImage(120, 120, pores);
    // Pore RGB (194, 183, 214): luminance 0.299·194 + 0.587·183 + 0.114·214 ≈ 189.8; membrane
    // (230, 217, 252): ≈ 224.9. About 16 % of the light is absorbed: under the 25 % crystal-violet floor.
    const result = countCells(image, { ...options, stain: 'crystal-violet' });
    expect(result.count).toBe(0);
    expect(result.threshold.value).toBeCloseTo(0.25, 6);
    expect(result.warnings.map((w) => w.code)).toContain('TRANSWELL_IMAGE_THRESHOLD_FLOOR');
    // Without the floor, Otsu separates the pores from the membrane and the area filter rejects them.
    const noFloor = countCells(image, { ...options, stain: 'crystal-violet', minSignal: 0 });
    expect(noFloor.count).toBe(0);
    expect(noFloor.rejected.small).toBe(pores.length);
  });

  it('counts a field of pure noise as zero cells', () => {
    // Nuclear stain, no objects: Otsu alone would cut the noise; the 6-SD noise floor does not.
    // Noise from a fixed linear congruential sequence (deterministic, no seed needed).
    const width = 128;
    const pixels = new Uint8Array(width * width);
    let state = 12345;
    for (let i = 0; i < pixels.length; i++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        sum += state / 2 ** 32;
      }
      pixels[i] = Math.round(30 + 10 * (sum - 2));
    }
    const result = countCells({ pixels, width, height: width, channels: 1, bitDepth: 8 }, options);
    expect(result.count).toBe(0);
    expect(result.threshold.floor).toBeGreaterThan(result.threshold.automatic!);
  });

  it('counts small debris as zero cells', () => {
    const debris = [
      { x: 10, y: 10, r: 1.5, value: 250 },
      { x: 40, y: 15, r: 2, value: 180 },
      { x: 25, y: 45, r: 1, value: 220 },
      { x: 50, y: 50, r: 2.5, value: 200 },
    ];
    const result = countCells(greyImage(64, 64, 20, debris), options);
    expect(result.count).toBe(0);
    expect(result.rejected.small).toBe(4);
  });

  it('counts dark crystal-violet discs on a light membrane next to faint pores', () => {
    const discs: Disc[] = [
      { x: 20, y: 20, r: 4, value: 215 }, // pore
      { x: 60, y: 60, r: 4, value: 215 }, // pore
      { x: 20, y: 60, r: 6, value: 60 }, // cell
      { x: 60, y: 20, r: 6, value: 60 }, // cell
    ];
    const result = countCells(violetImage(80, 80, discs), { ...options, stain: 'crystal-violet' });
    expect(result.count).toBe(2);
  });

  it('counts any set of separated discs exactly (property)', () => {
    // A 4 × 4 grid of 32-px cells, each empty or holding one disc of radius 6.5–7.5 px jittered by
    // ≤ 4 px: discs stay ≥ 9 px apart and within 1.33× of each other's area (below the 1.5×
    // cluster factor), so every disc is one cell.
    const disc = fc.option(
      fc.record({
        dx: fc.integer({ min: -4, max: 4 }),
        dy: fc.integer({ min: -4, max: 4 }),
        r: fc.double({ min: 6.5, max: 7.5, noNaN: true }),
      }),
      { nil: null },
    );
    fc.assert(
      fc.property(fc.array(disc, { minLength: 16, maxLength: 16 }), (cells) => {
        const discs: Disc[] = [];
        cells.forEach((c, k) => {
          if (c !== null) {
            discs.push({ x: 16 + 32 * (k % 4) + c.dx, y: 16 + 32 * Math.floor(k / 4) + c.dy, r: c.r, value: 200 });
          }
        });
        const result = countCells(greyImage(128, 128, 20, discs), { ...options, cellDiameterUm: 14 });
        expect(result.count).toBe(discs.length);
        expect(result.objects.reduce((sum, o) => sum + o.cells, 0)).toBe(result.count);
      }),
      { numRuns: 25, seed: 11 },
    );
  });

  it('handles degenerate images: 1 × 1, one row, constant and saturated fields', () => {
    const grey = (width: number, height: number, fill: number): MembraneImage => ({
      pixels: new Uint8Array(width * height).fill(fill),
      width,
      height,
      channels: 1,
      bitDepth: 8,
    });
    expect(countCells(grey(1, 1, 5), options).count).toBe(0);
    expect(countCells(grey(40, 1, 5), options).count).toBe(0);
    expect(countCells(grey(30, 30, 7), options).count).toBe(0);
    // A saturated field has no background to stand out from.
    expect(countCells(grey(100, 100, 255), options).count).toBe(0);
    const one = grey(1, 1, 5);
    expect(renderOverlay(one, countCells(one, options)).pixels).toHaveLength(3);
  });

  it('returns an empty result on a blank image', () => {
    const result = countCells(greyImage(32, 32, 20, []), options);
    expect(result.count).toBe(0);
    expect(result.objects).toEqual([]);
  });

  it('warns when the pixel size is unknown and then omits areas in µm²', () => {
    const result = countCells(greyImage(40, 40, 20, [{ x: 20, y: 20, r: 6, value: 200 }]), { stain: 'nuclear' });
    expect(result.warnings.map((w) => w.code)).toContain('TRANSWELL_IMAGE_NO_PIXEL_SIZE');
    expect(result.objects[0]?.areaUm2).toBeUndefined();
  });

  it('rejects bad options and images with TypeError/RangeError', () => {
    const image = greyImage(8, 8, 0, []);
    expect(() => countCells(image, { stain: 'nuclear', pixelSizeUm: -1 })).toThrow(RangeError);
    expect(() => countCells(image, { stain: 'nuclear', splitDepth: 2 })).toThrow(RangeError);
    expect(() => countCells({ ...image, width: 9 }, { stain: 'nuclear' })).toThrow(TypeError);
  });
});

describe('countCells accuracy on simulated membranes', () => {
  // Truth comes from the simulator's drawn cells. Fields mix pores, debris, touching cells and
  // clusters of 2–4, a 40 % illumination loss and noise, at four pixel sizes.
  const pixelSizes = [0.5, 0.65, 0.9, 1.3];
  it.each(['crystal-violet', 'nuclear'] as const)('%s: mean absolute count error at most 5 percent', (stain) => {
    const errors = pixelSizes.map((pixelSizeUm, k) => {
      const field = simulateMembraneImage({
        seed: 1000 + k,
        stain,
        width: 512,
        height: 512,
        pixelSizeUm,
        cellCount: Math.round(110 * (pixelSizeUm / 0.65) ** 2),
        clusterFraction: 0.3,
        illuminationGradient: 0.4,
        noiseSd: 0.03,
        debrisCount: 60,
      });
      const result = countCells(field, { stain, pixelSizeUm });
      return Math.abs(result.count - field.truth.count) / field.truth.count;
    });
    const mae = errors.reduce((a, b) => a + b, 0) / errors.length;
    expect(mae).toBeLessThanOrEqual(0.05);
  });
});

describe('renderOverlay', () => {
  it('outlines counted objects and marks their centres on a grey copy of the image', () => {
    const image = greyImage(40, 40, 20, [{ x: 20, y: 20, r: 6, value: 200 }]);
    const result = countCells(image, { stain: 'nuclear', pixelSizeUm: 1 });
    const overlay = renderOverlay(image, result);
    expect([overlay.width, overlay.height, overlay.channels]).toEqual([40, 40, 3]);
    const at = (x: number, y: number): number[] => Array.from(overlay.pixels.subarray((y * 40 + x) * 3, (y * 40 + x) * 3 + 3));
    // Corner: background, stretched to black; centre: the yellow centroid mark.
    expect(at(0, 0)).toEqual([0, 0, 0]);
    expect(at(20, 20)).toEqual([255, 255, 0]);
    // Along row 20 from the left edge, the first non-black pixel is the green outline.
    const row = Array.from({ length: 20 }, (_, x) => at(x, 20));
    expect(row.find((p) => p.some((v) => v > 0))).toEqual([...OVERLAY_COLOURS.single]);
    // PNG signature.
    expect(Array.from(overlay.png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  });
});
