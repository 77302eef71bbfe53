import { Image, encodePng } from 'image-js';
import type { CellCountResult } from './count-cells.js';
import { assertMembraneImage } from './membrane-image.js';
import type { MembraneImage } from './membrane-image.js';

/** An 8-bit RGB overlay and its PNG encoding. */
export interface CountOverlay {
  readonly pixels: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly channels: 3;
  readonly bitDepth: 8;
  readonly png: Uint8Array;
}

/**
 * Outline colours of {@link renderOverlay}, RGB 0–255.
 *
 * @example
 * OVERLAY_COLOURS.split; // [0, 200, 255], cyan
 */
export const OVERLAY_COLOURS = {
  /** A single cell counted once. */
  single: [0, 220, 0],
  /** A cell cut out of a touching blob by the watershed. */
  split: [0, 200, 255],
  /** An unsplit cluster counted by area (with one dot per cell it counts for). */
  cluster: [255, 0, 255],
  /** An object rejected by a filter (debris, pore, too large, not round). */
  rejected: [255, 60, 0],
} as const;

/**
 * Draws the counting result over the image: the input as grey (contrast-stretched between its
 * 0.5th and 99.5th percentiles) with a 1-px outline around each counted object (green: single,
 * cyan: split from a blob, magenta: cluster counted by area, orange-red: rejected), and a 3 × 3
 * dot at each counted object's centroid, repeated in a short row for a cluster that counts for
 * several cells. Returns RGB pixels and PNG bytes.
 *
 * @throws {TypeError} when the result does not belong to an image of this size
 * @example
 * const overlay = renderOverlay(image, countCells(image, { stain: 'nuclear', pixelSizeUm: 1 }));
 * // write overlay.png to a file
 */
export function renderOverlay(image: MembraneImage, result: CellCountResult): CountOverlay {
  assertMembraneImage(image);
  const { width, height, channels } = image;
  if (result.width !== width || result.height !== height) {
    throw new TypeError(`result is for ${result.width}×${result.height}, image is ${width}×${height}`);
  }
  const n = width * height;
  const grey = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let c = 0; c < channels; c++) {
      s += image.pixels[i * channels + c]!;
    }
    grey[i] = s / channels;
  }
  const sorted = grey.slice().sort();
  const lo = sorted[Math.floor(0.005 * (n - 1))]!;
  const hi = sorted[Math.ceil(0.995 * (n - 1))]!;
  const span = hi > lo ? hi - lo : 1;
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const v = Math.round(Math.min(1, Math.max(0, (grey[i]! - lo) / span)) * 255);
    out[i * 3] = v;
    out[i * 3 + 1] = v;
    out[i * 3 + 2] = v;
  }
  const labels = result.labels;
  const paint = (i: number, colour: readonly number[]): void => {
    out[i * 3] = colour[0]!;
    out[i * 3 + 1] = colour[1]!;
    out[i * 3 + 2] = colour[2]!;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const label = labels[i]!;
      if (label === 0) {
        continue;
      }
      const edge =
        x === 0 ||
        y === 0 ||
        x === width - 1 ||
        y === height - 1 ||
        labels[i - 1] !== label ||
        labels[i + 1] !== label ||
        labels[i - width] !== label ||
        labels[i + width] !== label;
      if (!edge) {
        continue;
      }
      if (label < 0) {
        paint(i, OVERLAY_COLOURS.rejected);
        continue;
      }
      const object = result.objects[label - 1];
      if (object === undefined) {
        continue;
      }
      paint(
        i,
        object.cells > 1 ? OVERLAY_COLOURS.cluster : object.split ? OVERLAY_COLOURS.split : OVERLAY_COLOURS.single,
      );
    }
  }
  for (const object of result.objects) {
    const colour = object.cells > 1 ? OVERLAY_COLOURS.cluster : [255, 255, 0];
    for (let c = 0; c < object.cells; c++) {
      const cx = Math.round(object.x + (c - (object.cells - 1) / 2) * 4);
      const cy = Math.round(object.y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = cx + dx;
          const y = cy + dy;
          if (x >= 0 && y >= 0 && x < width && y < height) {
            paint(y * width + x, colour);
          }
        }
      }
    }
  }
  const png = encodePng(new Image(width, height, { data: out, bitDepth: 8, colorModel: 'RGB' }));
  return { pixels: out, width, height, channels: 3, bitDepth: 8, png };
}
