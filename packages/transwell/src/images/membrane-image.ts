/**
 * A membrane image as plain pixels: row-major, channels interleaved (grey: 1, RGB: 3), values
 * from 0 to 2^bitDepth − 1. `decodeImage` returns this shape and `@tamkit/simulate`'s
 * `simulateMembraneImage` produces it, so either can be passed to `countCells`.
 */
export interface MembraneImage {
  readonly pixels: Uint8Array | Uint8ClampedArray | Uint16Array;
  readonly width: number;
  readonly height: number;
  /** 1 (grey) or 3 (RGB); an alpha channel is dropped on decode. */
  readonly channels: 1 | 3;
  readonly bitDepth: 8 | 16;
}

/** Stain of the membrane: crystal violet (dark cells on a light membrane) or a nuclear dye (bright on dark). */
export type MembraneStain = 'crystal-violet' | 'nuclear';

/**
 * Checks the shape of a membrane image (a programmer error when it is wrong).
 *
 * @throws {TypeError} when channels, bit depth or the pixel array length do not fit.
 */
export function assertMembraneImage(image: MembraneImage): void {
  const { width, height, channels, bitDepth, pixels } = image;
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width < 1 || height < 1) {
    throw new TypeError(`image width and height must be positive integers, got ${width}×${height}`);
  }
  if (channels !== 1 && channels !== 3) {
    throw new TypeError(`image channels must be 1 or 3, got ${String(channels)}`);
  }
  if (bitDepth !== 8 && bitDepth !== 16) {
    throw new TypeError(`image bitDepth must be 8 or 16, got ${String(bitDepth)}`);
  }
  if (pixels.length !== width * height * channels) {
    throw new TypeError(
      `image pixels has ${pixels.length} values, expected ${width}×${height}×${channels} = ${width * height * channels}`,
    );
  }
}
