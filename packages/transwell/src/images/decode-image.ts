import { decode } from 'image-js';
import { TranswellImageError } from './image-error.js';
import type { MembraneImage } from './membrane-image.js';

/**
 * Decodes PNG, JPEG or TIFF bytes (8- or 16-bit, grey or RGB; an alpha channel is dropped) into a
 * {@link MembraneImage}. The format is detected from the bytes, not from the name, which is used
 * only in messages.
 *
 * @param bytes the file content
 * @param name the file name, for error context
 * @throws {TranswellImageError} `TRANSWELL_IMAGE_UNDECODABLE` when the bytes are not a readable PNG,
 *   JPEG or TIFF; `TRANSWELL_IMAGE_UNSUPPORTED` for a 1-bit (binary) image
 * @example
 * const image = decodeImage(bytes, 'well-A1.tif');
 * countCells(image, { stain: 'crystal-violet', pixelSizeUm: 0.65 }).count;
 */
export function decodeImage(bytes: Uint8Array, name: string): MembraneImage {
  let decoded: ReturnType<typeof decode>;
  try {
    decoded = decode(bytes);
  } catch (error) {
    const found =
      bytes.length === 0
        ? 'an empty file'
        : `${bytes.length} bytes starting ${Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ')}`;
    throw new TranswellImageError(
      'TRANSWELL_IMAGE_UNDECODABLE',
      `${name}: cannot decode ${found}; expected a PNG, JPEG or TIFF image`,
      { file: name, detail: error instanceof Error ? error.message : String(error) },
      { cause: error },
    );
  }
  const raw = decoded.getRawImage();
  if (raw.bitDepth !== 8 && raw.bitDepth !== 16) {
    throw new TranswellImageError(
      'TRANSWELL_IMAGE_UNSUPPORTED',
      `${name}: ${raw.bitDepth}-bit image; expected 8- or 16-bit grey or RGB`,
      { file: name, format: decoded.colorModel },
    );
  }
  const components = decoded.components;
  if (components !== 1 && components !== 3) {
    throw new TranswellImageError(
      'TRANSWELL_IMAGE_UNSUPPORTED',
      `${name}: ${components}-component image; expected grey or RGB`,
      { file: name, format: decoded.colorModel },
    );
  }
  const pixelCount = raw.width * raw.height;
  const out = raw.bitDepth === 16 ? new Uint16Array(pixelCount * components) : new Uint8Array(pixelCount * components);
  if (raw.channels === components) {
    out.set(raw.data);
  } else {
    // Drop the alpha channel.
    const stride = raw.channels;
    for (let i = 0; i < pixelCount; i++) {
      for (let c = 0; c < components; c++) {
        out[i * components + c] = raw.data[i * stride + c]!;
      }
    }
  }
  return { pixels: out, width: raw.width, height: raw.height, channels: components, bitDepth: raw.bitDepth };
}
