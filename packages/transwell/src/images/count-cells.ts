import type { TamkitWarning } from '@tamkit/core';
import { circularityOf, measureObjects } from './measure-objects.js';
import { distanceTransform } from './distance-transform.js';
import { fillHoles } from './fill-holes.js';
import { assertMembraneImage } from './membrane-image.js';
import type { MembraneImage } from './membrane-image.js';
import { membraneSignal } from './membrane-signal.js';
import { resolveCountOptions } from './count-options.js';
import type { CountCellsOptions, ResolvedCountOptions } from './count-options.js';
import { splitObjects } from './split-objects.js';
import { autoThreshold, robustNoise } from './threshold.js';
import type { ThresholdMethod } from './threshold.js';

/** One counted object (a cell, a piece split from a blob, or an unsplit cluster). */
export interface CountedObject {
  /** Centroid column and row, px (pixel centres at integer coordinates). */
  readonly x: number;
  readonly y: number;
  readonly areaPx: number;
  /** Area in µm², when the pixel size is known. */
  readonly areaUm2?: number;
  /** 4πA/P², 1 for a disc. */
  readonly circularity: number;
  /** True when the watershed cut this object out of a larger blob. */
  readonly split: boolean;
  /** Cells this object counts for: 1, or round(area ÷ median area) for a cluster. */
  readonly cells: number;
}

/** Result of {@link countCells}. */
export interface CellCountResult {
  /** Cells counted: the sum of `objects[i].cells`. */
  readonly count: number;
  readonly objects: readonly CountedObject[];
  /**
   * Threshold on the background-corrected signal (fraction of full scale) and how it was chosen:
   * `value` = max(`automatic`, `floor`) for an automatic method, the given number when fixed.
   */
  readonly threshold: {
    readonly method: ThresholdMethod | 'fixed';
    readonly value: number;
    /** The automatic method's value, null when fixed. */
    readonly automatic: number | null;
    /** max(median + noiseFloorSd × robust SD, minSignal), null when fixed. */
    readonly floor: number | null;
  };
  /** Objects rejected by each filter (checked in this order: small, large, faint, lowCircularity). */
  readonly rejected: { readonly small: number; readonly large: number; readonly faint: number; readonly lowCircularity: number };
  /** Median area of the accepted objects, px: the single-cell area clusters are divided by. */
  readonly medianAreaPx: number;
  /** Options as used, with the derived pixel sizes. */
  readonly parameters: ResolvedCountOptions;
  /** Per pixel: k ≥ 1 = inside objects[k − 1], −1 = rejected object, 0 = background. */
  readonly labels: Int32Array;
  readonly width: number;
  readonly height: number;
  readonly warnings: readonly TamkitWarning[];
}

/**
 * Counts migrated cells on a transwell membrane image. Pipeline (every parameter in
 * {@link CountCellsOptions}, defaults in `COUNT_CELLS_DEFAULTS`): grey conversion and inversion for
 * crystal violet, noise smoothing, tiled-percentile illumination correction (`membraneSignal`),
 * threshold (Otsu by default, raised to a noise and minimum-signal floor), hole filling, watershed split of touching cells on the distance
 * transform, then area, peak-signal and circularity filters; a blob at least
 * `clusterAreaFactor` × the median area counts as round(area ÷ median) cells.
 * Pure: O(n) in pixels plus a counting sort.
 *
 * @throws {TypeError} when the image shape is inconsistent
 * @throws {RangeError} for out-of-range options
 * @example
 * const image = decodeImage(bytes, 'A1.png');
 * const result = countCells(image, { stain: 'crystal-violet', pixelSizeUm: 0.65 });
 * result.count; // cells on the field
 */
export function countCells(image: MembraneImage, options: CountCellsOptions): CellCountResult {
  assertMembraneImage(image);
  const p = resolveCountOptions(options);
  const { width, height } = image;
  const warnings: TamkitWarning[] = [];
  if (p.pixelSizeUm === null) {
    warnings.push({
      code: 'TRANSWELL_IMAGE_NO_PIXEL_SIZE',
      message: 'no pixelSizeUm: area limits and cell diameter read as if 1 px = 1 µm; pass pixelSizeUm',
    });
  }
  const signal = membraneSignal(image, p);
  let thresholdValue: number;
  let automatic: number | null = null;
  let floor: number | null = null;
  if (typeof p.threshold === 'number') {
    thresholdValue = p.threshold;
  } else {
    automatic = autoThreshold(signal, p.threshold);
    const noise = robustNoise(signal, width, height, 2 * p.smoothRadiusPx + 2);
    floor = Math.max(noise.median + p.noiseFloorSd * noise.sd, p.minSignal);
    thresholdValue = Math.max(automatic, floor);
    if (floor > automatic) {
      warnings.push({
        code: 'TRANSWELL_IMAGE_THRESHOLD_FLOOR',
        message: `${p.threshold} threshold ${automatic.toFixed(3)} is below the noise/minimum-signal floor ${floor.toFixed(3)} (few or no cells?); the floor is used; lower noiseFloorSd or minSignal to change it`,
        context: { automatic, floor },
      });
    }
  }
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) {
    mask[i] = signal[i]! > thresholdValue ? 1 : 0;
  }
  if (p.fillHoles) {
    fillHoles(mask, width, height);
  }
  const distance = distanceTransform(mask, width, height);
  const split = splitObjects(mask, distance, width, height, p.splitTouching ? p.splitDepth : null);
  const m = measureObjects(split.labels, signal, width, height, split.objectCount);

  const rejected = { small: 0, large: 0, faint: 0, lowCircularity: 0 };
  const status = new Int8Array(split.objectCount); // 0 kept, 1 rejected
  const sizeOk: number[] = [];
  for (let k = 0; k < split.objectCount; k++) {
    const area = m.areaPx[k]!;
    if (area < p.minAreaPx) {
      rejected.small++;
      status[k] = 1;
    } else if (area > p.maxAreaPx) {
      rejected.large++;
      status[k] = 1;
    } else {
      sizeOk.push(m.peakSignal[k]!);
    }
  }
  const peakFloor = p.minPeakFraction * median(sizeOk);
  const keptAreas: number[] = [];
  for (let k = 0; k < split.objectCount; k++) {
    if (status[k] === 1) {
      continue;
    }
    if (m.peakSignal[k]! < peakFloor) {
      rejected.faint++;
      status[k] = 1;
    } else if (circularityOf(m.areaPx[k]!, m.perimeterPx[k]!) < p.minCircularity) {
      rejected.lowCircularity++;
      status[k] = 1;
    } else {
      keptAreas.push(m.areaPx[k]!);
    }
  }
  const expectedAreaPx = (Math.PI / 4) * p.cellDiameterPx * p.cellDiameterPx;
  let medianAreaPx = median(keptAreas);
  if (keptAreas.length < 5) {
    medianAreaPx = expectedAreaPx;
    if (keptAreas.length > 0) {
      warnings.push({
        code: 'TRANSWELL_IMAGE_FEW_OBJECTS',
        message: `${keptAreas.length} objects: single-cell area taken from cellDiameterUm (${p.cellDiameterUm} µm)`,
      });
    }
  }

  const objects: CountedObject[] = [];
  const newLabel = new Int32Array(split.objectCount + 1);
  let estimated = 0;
  let count = 0;
  for (let k = 0; k < split.objectCount; k++) {
    if (status[k] === 1) {
      newLabel[k + 1] = -1;
      continue;
    }
    const areaPx = m.areaPx[k]!;
    let cells = 1;
    if (p.estimateClusters && areaPx >= p.clusterAreaFactor * medianAreaPx) {
      cells = Math.max(1, Math.round(areaPx / medianAreaPx));
      estimated++;
    }
    count += cells;
    objects.push({
      x: m.x[k]!,
      y: m.y[k]!,
      areaPx,
      ...(p.pixelSizeUm === null ? {} : { areaUm2: areaPx * p.pixelSizeUm * p.pixelSizeUm }),
      circularity: circularityOf(areaPx, m.perimeterPx[k]!),
      split: split.piecesInBlob[k]! > 1,
      cells,
    });
    newLabel[k + 1] = objects.length;
  }
  if (estimated > 0) {
    warnings.push({
      code: 'TRANSWELL_IMAGE_CLUSTER_ESTIMATE',
      message: `${estimated} unsplit blobs counted by area ÷ median single-cell area (${medianAreaPx.toFixed(1)} px)`,
      context: { objects: estimated, medianAreaPx },
    });
  }
  const labels = split.labels;
  for (let i = 0; i < labels.length; i++) {
    labels[i] = newLabel[labels[i]!]!;
  }
  return {
    count,
    objects,
    threshold: { method: typeof p.threshold === 'number' ? 'fixed' : p.threshold, value: thresholdValue, automatic, floor },
    rejected,
    medianAreaPx,
    parameters: p,
    labels,
    width,
    height,
    warnings,
  };
}

function median(values: number[]): number {
  if (values.length === 0) {
    return 0;
  }
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
