import { createRng } from '@tamkit/core';
import type { MembranePixels } from './encode-membrane-image.js';
import { placeCells } from './place-cells.js';
import type { SimulatedCell } from './place-cells.js';
import { placeDebris, placePores, renderMembrane } from './render-membrane.js';

/** Options of {@link simulateMembraneImage}; all but `seed` default to `MEMBRANE_IMAGE_DEFAULTS`. */
export interface MembraneImageOptions {
  readonly seed: number;
  readonly width?: number;
  readonly height?: number;
  /** µm per pixel (0.3–1.3 covers 10×–40× objectives). */
  readonly pixelSizeUm?: number;
  readonly stain?: 'crystal-violet' | 'nuclear';
  /** Cells requested; fewer are drawn when the field is too crowded (see `truth.count`). */
  readonly cellCount?: number;
  /** Mean stained-cell diameter, µm (THP-1 monocytes and macrophages: 10–15 µm). */
  readonly cellDiameterUm?: number;
  /** SD of the cell diameter, µm. */
  readonly cellDiameterSdUm?: number;
  /** Cells are ellipses of the disc's area with aspect ratio uniform in [1, 1 + this]. */
  readonly shapeVariability?: number;
  /** Fraction of the cells drawn out of focus (edge softened over 2–4 µm). */
  readonly outOfFocusFraction?: number;
  /** Fraction of the cells drawn in touching clusters of 2–4. */
  readonly clusterFraction?: number;
  /** Membrane pores per mm² (8 µm polycarbonate inserts: ~1 × 10⁵ per cm² = 1000 per mm²); 0 for none. */
  readonly poreDensity?: number;
  readonly poreDiameterUm?: number;
  /** Hexagonal lattice (track-etched look of a regular membrane) or uniform random positions. */
  readonly poreLayout?: 'hexagonal' | 'random';
  /** Small stained particles, 1–4 µm across. */
  readonly debrisCount?: number;
  /** Fractional loss of illumination at the darkest corner (linear gradient + vignetting), 0–0.9. */
  readonly illuminationGradient?: number;
  /** SD of additive Gaussian noise, fraction of full scale. */
  readonly noiseSd?: number;
  readonly bitDepth?: 8 | 16;
}

/**
 * Defaults of {@link MembraneImageOptions}: a 512 × 512 field at 0.65 µm/px (333 µm square) with
 * 120 crystal-violet cells of 12 ± 1.2 µm (aspect ratio up to 1.2, 10 % out of focus), 20 % clustered, 8 µm pores at 1000 per mm², 40 debris
 * particles, 30 % illumination loss and 2 % noise, 8-bit.
 *
 * @example
 * simulateMembraneImage({ seed: 1, cellCount: MEMBRANE_IMAGE_DEFAULTS.cellCount * 2 });
 */
export const MEMBRANE_IMAGE_DEFAULTS = {
  width: 512,
  height: 512,
  pixelSizeUm: 0.65,
  stain: 'crystal-violet' as 'crystal-violet' | 'nuclear',
  cellCount: 120,
  cellDiameterUm: 12,
  cellDiameterSdUm: 1.2,
  shapeVariability: 0.2,
  outOfFocusFraction: 0.1,
  clusterFraction: 0.2,
  poreDensity: 1000,
  poreDiameterUm: 8,
  poreLayout: 'hexagonal' as 'hexagonal' | 'random',
  debrisCount: 40,
  illuminationGradient: 0.3,
  noiseSd: 0.02,
  bitDepth: 8 as 8 | 16,
} as const;

/** A simulated membrane image with the cells it contains. */
export interface SimulatedMembraneImage extends MembranePixels {
  readonly pixelSizeUm: number;
  readonly stain: 'crystal-violet' | 'nuclear';
  readonly truth: {
    /** Cells drawn (≤ the requested `cellCount`). */
    readonly count: number;
    readonly requested: number;
    /** Centre column x, row y and radius r, px. */
    readonly cells: readonly SimulatedCell[];
    readonly pores: number;
    readonly debris: number;
  };
  readonly options: Required<MembraneImageOptions>;
}

/**
 * Draws a transwell membrane field with known cells. Crystal violet: purple cells (absorbance
 * highest in green) on a light membrane with fainter, smaller pores; nuclear stain: bright blobs on
 * a dark background (one grey channel). Cells are soft-edged domes (discs or slightly elongated
 * ellipses of the same area, some out of focus) fully inside the field, some in touching clusters of 2–4; small debris particles; a smooth illumination loss (linear gradient in a
 * random direction plus vignetting); additive Gaussian noise; quantised to 8 or 16 bits. Every
 * random step (cell, pore and debris positions, sizes, intensities, gradient direction, noise) comes
 * from `seed`.
 *
 * @throws {RangeError} for non-positive sizes or fractions outside [0, 1]
 * @example
 * const field = simulateMembraneImage({ seed: 7, stain: 'nuclear', pixelSizeUm: 1 });
 * field.truth.count; // cells drawn
 */
export function simulateMembraneImage(options: MembraneImageOptions): SimulatedMembraneImage {
  const o = resolveMembraneOptions(options);
  const rng = createRng(o.seed);
  const radiusPx = o.cellDiameterUm / 2 / o.pixelSizeUm;
  const cells = placeCells(
    {
      width: o.width,
      height: o.height,
      cellCount: o.cellCount,
      radiusPx,
      radiusSdPx: o.cellDiameterSdUm / 2 / o.pixelSizeUm,
      clusterFraction: o.clusterFraction,
    },
    rng,
  );
  const pores = placePores(o, rng);
  const debris = placeDebris(o, rng);
  const { pixels, channels } = renderMembrane(o, cells, pores, debris, rng);
  return {
    pixels,
    width: o.width,
    height: o.height,
    channels,
    bitDepth: o.bitDepth,
    pixelSizeUm: o.pixelSizeUm,
    stain: o.stain,
    truth: { count: cells.length, requested: o.cellCount, cells, pores: pores.length, debris: debris.length },
    options: o,
  };
}

function resolveMembraneOptions(options: MembraneImageOptions): Required<MembraneImageOptions> {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const o = { ...MEMBRANE_IMAGE_DEFAULTS, ...defined } as Required<MembraneImageOptions>;
  if (typeof o.seed !== 'number' || !Number.isFinite(o.seed)) {
    throw new TypeError(`seed must be a finite number, got ${String(o.seed)}`);
  }
  for (const key of ['width', 'height', 'cellCount', 'debrisCount'] as const) {
    if (!Number.isSafeInteger(o[key]) || o[key] < 0 || ((key === 'width' || key === 'height') && o[key] < 1)) {
      throw new RangeError(`${key} must be a ${key === 'width' || key === 'height' ? 'positive' : 'non-negative'} integer, got ${o[key]}`);
    }
  }
  for (const key of ['pixelSizeUm', 'cellDiameterUm', 'poreDiameterUm'] as const) {
    if (!(o[key] > 0 && Number.isFinite(o[key]))) {
      throw new RangeError(`${key} must be a positive number, got ${o[key]}`);
    }
  }
  for (const key of ['clusterFraction', 'illuminationGradient', 'shapeVariability', 'outOfFocusFraction'] as const) {
    if (!(o[key] >= 0 && o[key] <= 1)) {
      throw new RangeError(`${key} must be in [0, 1], got ${o[key]}`);
    }
  }
  if (!(o.poreDensity >= 0) || !(o.noiseSd >= 0) || !(o.cellDiameterSdUm >= 0)) {
    throw new RangeError('poreDensity, noiseSd and cellDiameterSdUm must be non-negative');
  }
  if (o.bitDepth !== 8 && o.bitDepth !== 16) {
    throw new RangeError(`bitDepth must be 8 or 16, got ${String(o.bitDepth)}`);
  }
  if (o.stain !== 'crystal-violet' && o.stain !== 'nuclear') {
    throw new RangeError(`stain must be 'crystal-violet' or 'nuclear', got ${String(o.stain)}`);
  }
  return o;
}
