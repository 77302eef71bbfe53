import type { MembraneStain } from './membrane-image.js';
import type { ThresholdMethod } from './threshold.js';

/** Options of `countCells`; every field but `stain` has a default in {@link COUNT_CELLS_DEFAULTS}. */
export interface CountCellsOptions {
  /** Crystal violet (dark cells, inverted before thresholding) or a nuclear stain (bright cells). */
  readonly stain: MembraneStain;
  /** Pixel size, µm per pixel. Without it, µm options are read as if 1 px = 1 µm (with a warning). */
  readonly pixelSizeUm?: number;
  /** Automatic method, or a fixed value of the background-corrected signal (0–1 of full scale). */
  readonly threshold?: ThresholdMethod | number;
  /**
   * The threshold is raised to at least median + this × the robust SD of the signal, so a field
   * with few or no cells does not cut noise (the automatic methods always split something).
   */
  readonly noiseFloorSd?: number;
  /**
   * The threshold is raised to at least this signal (fraction of light absorbed for crystal violet,
   * of full scale above background for a nuclear stain); `'auto'`: 0.25 for crystal violet, whose
   * stained cells absorb far more than the membrane's pores, 0 for a nuclear stain.
   */
  readonly minSignal?: number | 'auto';
  /** Expected cell diameter, µm: sizes the background tiles, the smoothing and the fallback cell area. */
  readonly cellDiameterUm?: number;
  /** Objects smaller than this are rejected (debris, pores), µm². */
  readonly minAreaUm2?: number;
  /** Objects larger than this are rejected (aggregates, membrane folds), µm². */
  readonly maxAreaUm2?: number;
  /** Objects with circularity 4πA/P² below this are rejected (fibres, scratches). */
  readonly minCircularity?: number;
  /** Objects whose peak signal is below this fraction of the median peak are rejected (pores). */
  readonly minPeakFraction?: number;
  /** Split touching cells with a watershed on the distance transform. */
  readonly splitTouching?: boolean;
  /** Relative depth (0–1] of the neck between two cells needed to split them. */
  readonly splitDepth?: number;
  /** Fill holes in the thresholded mask. */
  readonly fillHoles?: boolean;
  /** Correct uneven illumination with a tiled-percentile background. */
  readonly correctBackground?: boolean;
  /** Background tile side, in expected cell diameters (at most 1/8 of the shorter image side, at least 16 px). */
  readonly backgroundTileCells?: number;
  /** Radius of the two box-blur passes that smooth noise, px; `'auto'` = cell diameter / 12. */
  readonly smoothRadiusPx?: number | 'auto';
  /** Count an unsplit blob as round(area ÷ median single-cell area) cells. */
  readonly estimateClusters?: boolean;
  /** A blob counts as a cluster when its area is at least this multiple of the median area. */
  readonly clusterAreaFactor?: number;
}

/**
 * Defaults of {@link CountCellsOptions}.
 *
 * @example
 * countCells(image, { stain: 'nuclear', pixelSizeUm: 1, minAreaUm2: COUNT_CELLS_DEFAULTS.minAreaUm2 * 2 });
 */
export const COUNT_CELLS_DEFAULTS = {
  threshold: 'otsu' as ThresholdMethod | number,
  noiseFloorSd: 6,
  minSignal: 'auto' as number | 'auto',
  cellDiameterUm: 12,
  // 60 µm² lies above an 8 µm pore (50 µm²) and below a 10 µm cell (79 µm²).
  minAreaUm2: 60,
  maxAreaUm2: 2000,
  minCircularity: 0.3,
  minPeakFraction: 0.4,
  splitTouching: true,
  splitDepth: 0.15,
  fillHoles: true,
  correctBackground: true,
  backgroundTileCells: 4,
  smoothRadiusPx: 'auto' as number | 'auto',
  estimateClusters: true,
  clusterAreaFactor: 1.5,
} as const;

/** Fully resolved options, with the pixel quantities they imply. */
export interface ResolvedCountOptions {
  readonly stain: MembraneStain;
  readonly pixelSizeUm: number | null;
  readonly threshold: ThresholdMethod | number;
  readonly noiseFloorSd: number;
  readonly minSignal: number;
  readonly cellDiameterUm: number;
  readonly minAreaUm2: number;
  readonly maxAreaUm2: number;
  readonly minCircularity: number;
  readonly minPeakFraction: number;
  readonly splitTouching: boolean;
  readonly splitDepth: number;
  readonly fillHoles: boolean;
  readonly correctBackground: boolean;
  readonly backgroundTileCells: number;
  readonly smoothRadiusPx: number;
  readonly estimateClusters: boolean;
  readonly clusterAreaFactor: number;
  readonly cellDiameterPx: number;
  readonly backgroundTilePx: number;
  readonly minAreaPx: number;
  readonly maxAreaPx: number;
}

/**
 * Fills defaults and derives pixel sizes (`countCells` calls it; exported to show the values used).
 *
 * @example
 * resolveCountOptions({ stain: 'crystal-violet', pixelSizeUm: 0.5 }).minAreaPx; // 60 / 0.25 = 240
 * @throws {TypeError} for an unknown stain
 * @throws {RangeError} for a non-positive pixel size or diameter, or fractions outside [0, 1]
 */
export function resolveCountOptions(options: CountCellsOptions): ResolvedCountOptions {
  if (options.stain !== 'crystal-violet' && options.stain !== 'nuclear') {
    throw new TypeError(`stain must be 'crystal-violet' or 'nuclear', got ${String(options.stain)}`);
  }
  const pixelSizeUm = options.pixelSizeUm ?? null;
  if (pixelSizeUm !== null && !(pixelSizeUm > 0 && Number.isFinite(pixelSizeUm))) {
    throw new RangeError(`pixelSizeUm must be a positive number, got ${pixelSizeUm}`);
  }
  const merged = { ...COUNT_CELLS_DEFAULTS, ...stripUndefined(options) };
  const { cellDiameterUm, minCircularity, minPeakFraction, splitDepth, threshold } = merged;
  if (!(cellDiameterUm > 0)) {
    throw new RangeError(`cellDiameterUm must be positive, got ${cellDiameterUm}`);
  }
  for (const [name, value] of [
    ['minCircularity', minCircularity],
    ['minPeakFraction', minPeakFraction],
    ['splitDepth', splitDepth],
  ] as const) {
    if (!(value >= 0 && value <= 1)) {
      throw new RangeError(`${name} must be in [0, 1], got ${value}`);
    }
  }
  if (typeof threshold === 'number' ? !Number.isFinite(threshold) : !['otsu', 'triangle', 'li'].includes(threshold)) {
    throw new RangeError(`threshold must be 'otsu', 'triangle', 'li' or a number, got ${String(threshold)}`);
  }
  const scale = pixelSizeUm ?? 1;
  const cellDiameterPx = cellDiameterUm / scale;
  const smoothRadiusPx =
    merged.smoothRadiusPx === 'auto' ? Math.max(1, Math.round(cellDiameterPx / 12)) : merged.smoothRadiusPx;
  if (!(merged.noiseFloorSd >= 0) || (merged.minSignal !== 'auto' && !Number.isFinite(merged.minSignal))) {
    throw new RangeError(
      `noiseFloorSd must be ≥ 0 and minSignal a number or 'auto', got ${merged.noiseFloorSd} and ${String(merged.minSignal)}`,
    );
  }
  if (!Number.isSafeInteger(smoothRadiusPx) || smoothRadiusPx < 0) {
    throw new RangeError(`smoothRadiusPx must be a non-negative integer or 'auto', got ${smoothRadiusPx}`);
  }
  return {
    ...merged,
    stain: options.stain,
    pixelSizeUm,
    smoothRadiusPx,
    minSignal: merged.minSignal === 'auto' ? (options.stain === 'crystal-violet' ? 0.25 : 0) : merged.minSignal,
    cellDiameterPx,
    backgroundTilePx: Math.max(16, Math.round(merged.backgroundTileCells * cellDiameterPx)),
    minAreaPx: merged.minAreaUm2 / (scale * scale),
    maxAreaPx: merged.maxAreaUm2 / (scale * scale),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
