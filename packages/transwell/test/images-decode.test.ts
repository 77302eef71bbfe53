import { describe, expect, it } from 'vitest';
import { Image, encodeJpeg, encodePng } from 'image-js';
import { encodeMembraneImage, simulateMembraneImage } from '@tamkit/simulate';
import { TranswellImageError, countCells, decodeImage } from '../src/index.js';

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
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

describe('decodeImage', () => {
  it('reads a 16-bit grey TIFF back to the same pixels, and counts it like the original', () => {
    const field = simulateMembraneImage({ seed: 21, stain: 'nuclear', bitDepth: 16, width: 200, height: 160, pixelSizeUm: 1, cellCount: 25 });
    const decoded = decodeImage(encodeMembraneImage(field, 'tiff'), 'field.tif');
    expect([decoded.width, decoded.height, decoded.channels, decoded.bitDepth]).toEqual([200, 160, 1, 16]);
    expect(decoded.pixels).toBeInstanceOf(Uint16Array);
    expect(sameValues(decoded.pixels, field.pixels)).toBe(true);
    const options = { stain: 'nuclear', pixelSizeUm: 1 } as const;
    expect(countCells(decoded, options).count).toBe(countCells(field, options).count);
  });

  it('reads 8-bit RGB TIFF and 16-bit PNG losslessly', () => {
    const rgb = simulateMembraneImage({ seed: 22, width: 64, height: 40 });
    const fromTiff = decodeImage(encodeMembraneImage(rgb, 'tiff'), 'rgb.tif');
    expect([fromTiff.channels, fromTiff.bitDepth]).toEqual([3, 8]);
    expect(sameValues(fromTiff.pixels, rgb.pixels)).toBe(true);
    const grey16 = simulateMembraneImage({ seed: 23, width: 64, height: 40, stain: 'nuclear', bitDepth: 16 });
    const fromPng = decodeImage(encodeMembraneImage(grey16, 'png'), 'grey16.png');
    expect(sameValues(fromPng.pixels, grey16.pixels)).toBe(true);
  });

  it('drops the alpha channel of an RGBA PNG', () => {
    // 2 × 1 RGBA: red opaque, blue half transparent.
    const data = new Uint8Array([255, 0, 0, 255, 0, 0, 255, 128]);
    const png = encodePng(new Image(2, 1, { data, colorModel: 'RGBA' }));
    const decoded = decodeImage(png, 'rgba.png');
    expect(decoded.channels).toBe(3);
    expect(Array.from(decoded.pixels)).toEqual([255, 0, 0, 0, 0, 255]);
  });

  it('reads a JPEG within the loss of quality-95 compression', () => {
    const field = simulateMembraneImage({ seed: 24, width: 128, height: 96 });
    const jpeg = encodeJpeg(new Image(128, 96, { data: field.pixels, colorModel: 'RGB' }), { quality: 95 });
    const decoded = decodeImage(jpeg, 'field.jpg');
    expect([decoded.width, decoded.height, decoded.channels, decoded.bitDepth]).toEqual([128, 96, 3, 8]);
    let absolute = 0;
    for (let i = 0; i < field.pixels.length; i++) {
      absolute += Math.abs(decoded.pixels[i]! - field.pixels[i]!);
    }
    // Quality 95 keeps the mean error within a few grey levels (measured ≈ 1–2 on noisy fields).
    expect(absolute / field.pixels.length).toBeLessThan(4);
  });

  it('throws TRANSWELL_IMAGE_UNDECODABLE for junk bytes', () => {
    const junk = new TextEncoder().encode('not an image');
    const error = catchError(() => decodeImage(junk, 'junk.png'));
    expect(error).toBeInstanceOf(TranswellImageError);
    const e = error as TranswellImageError;
    expect(e.code).toBe('TRANSWELL_IMAGE_UNDECODABLE');
    expect(e.context.file).toBe('junk.png');
    expect(e.message).toMatchInlineSnapshot(`"junk.png: cannot decode 12 bytes starting 6e 6f 74 20; expected a PNG, JPEG or TIFF image"`);
  });

  it('throws TRANSWELL_IMAGE_UNDECODABLE for an empty file and for a truncated PNG', () => {
    const empty = catchError(() => decodeImage(new Uint8Array(0), 'empty.tif')) as TranswellImageError;
    expect([empty.code, empty.context.file]).toEqual(['TRANSWELL_IMAGE_UNDECODABLE', 'empty.tif']);
    expect(empty.message).toMatchInlineSnapshot(`"empty.tif: cannot decode an empty file; expected a PNG, JPEG or TIFF image"`);
    const png = encodeMembraneImage(simulateMembraneImage({ seed: 25, width: 32, height: 32 }), 'png');
    const truncated = catchError(() => decodeImage(png.subarray(0, 60), 'cut.png')) as TranswellImageError;
    expect([truncated.code, truncated.context.file]).toEqual(['TRANSWELL_IMAGE_UNDECODABLE', 'cut.png']);
  });
});
