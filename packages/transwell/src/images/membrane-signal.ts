import { boxBlur } from './box-blur.js';
import { estimateBackground } from './background.js';
import type { MembraneImage, MembraneStain } from './membrane-image.js';

/** Settings of {@link membraneSignal}. */
export interface MembraneSignalSettings {
  readonly stain: MembraneStain;
  readonly smoothRadiusPx: number;
  readonly correctBackground: boolean;
  readonly backgroundTilePx: number;
}

/**
 * Turns a membrane image into a "cells are bright" signal plane, corrected for uneven
 * illumination, in fractions of full scale:
 *
 * 1. grey: luminance 0.299 R + 0.587 G + 0.114 B (crystal violet) or the brightest channel
 *    (nuclear stain), divided by 2^bitDepth − 1;
 * 2. noise smoothing: two box-blur passes of `smoothRadiusPx`;
 * 3. tiles of `backgroundTilePx`, at most 1/8 of the shorter side (at least 16 px);
 *    crystal violet (transmitted light, multiplicative): flat-field by the 75th-percentile
 *    background B and invert, signal = 1 − grey / B (0 on bare membrane, about the stain's
 *    absorbed fraction on a cell); nuclear stain (additive background): signal = grey − B with B
 *    the 25th percentile. Without correction B is 1 (crystal violet) or 0 (nuclear).
 */
export function membraneSignal(image: MembraneImage, settings: MembraneSignalSettings): Float32Array {
  const { width, height, channels, pixels } = image;
  const n = width * height;
  const scale = 1 / (2 ** image.bitDepth - 1);
  const grey = new Float32Array(n);
  if (channels === 1) {
    for (let i = 0; i < n; i++) {
      grey[i] = pixels[i]! * scale;
    }
  } else if (settings.stain === 'crystal-violet') {
    for (let i = 0, j = 0; i < n; i++, j += 3) {
      grey[i] = (0.299 * pixels[j]! + 0.587 * pixels[j + 1]! + 0.114 * pixels[j + 2]!) * scale;
    }
  } else {
    for (let i = 0, j = 0; i < n; i++, j += 3) {
      grey[i] = Math.max(pixels[j]!, pixels[j + 1]!, pixels[j + 2]!) * scale;
    }
  }
  const r = settings.smoothRadiusPx;
  const smooth = r > 0 ? boxBlur(boxBlur(grey, width, height, r), width, height, r) : grey;
  const signal = new Float32Array(n);
  // At least an 8 × 8 tile grid, so vignetting is followed on fields only a few cells wide.
  const tile = Math.max(16, Math.min(settings.backgroundTilePx, Math.floor(Math.min(width, height) / 8)));
  if (settings.stain === 'crystal-violet') {
    const background = settings.correctBackground
      ? estimateBackground(smooth, width, height, tile, 0.75)
      : null;
    for (let i = 0; i < n; i++) {
      const b = background === null ? 1 : Math.max(background[i]!, 1e-3);
      signal[i] = 1 - smooth[i]! / b;
    }
  } else {
    const background = settings.correctBackground
      ? estimateBackground(smooth, width, height, tile, 0.25)
      : null;
    for (let i = 0; i < n; i++) {
      signal[i] = smooth[i]! - (background === null ? 0 : background[i]!);
    }
  }
  return signal;
}
