import { Image, encodePng } from 'image-js';

/** The pixel shape shared with `@tamkit/transwell` (`MembraneImage`). */
export interface MembranePixels {
  readonly pixels: Uint8Array | Uint16Array;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly bitDepth: 8 | 16;
}

/**
 * Encodes a simulated membrane image as PNG (through image-js) or as an uncompressed baseline
 * TIFF 6.0 (little-endian, one strip; written here because image-js has no TIFF encoder). Both keep
 * 8- and 16-bit grey or RGB samples losslessly.
 *
 * @example
 * const png = encodeMembraneImage(simulateMembraneImage({ seed: 1 }), 'png');
 */
export function encodeMembraneImage(image: MembranePixels, format: 'png' | 'tiff'): Uint8Array {
  if (format === 'png') {
    const img = new Image(image.width, image.height, {
      data: image.pixels,
      bitDepth: image.bitDepth,
      colorModel: image.channels === 3 ? 'RGB' : 'GREY',
    });
    return encodePng(img);
  }
  if (format === 'tiff') {
    return encodeTiff(image);
  }
  throw new TypeError(`format must be 'png' or 'tiff', got ${String(format)}`);
}

function encodeTiff(image: MembranePixels): Uint8Array {
  const { width, height, channels, bitDepth, pixels } = image;
  const entries = 10;
  const ifdOffset = 8;
  const ifdSize = 2 + entries * 12 + 4;
  const bitsOffset = ifdOffset + ifdSize;
  const bitsSize = channels === 3 ? 6 : 0;
  const dataOffset = bitsOffset + bitsSize;
  const bytesPerSample = bitDepth / 8;
  const dataSize = pixels.length * bytesPerSample;
  const out = new Uint8Array(dataOffset + dataSize);
  const view = new DataView(out.buffer);
  out[0] = 0x49; // 'II': little-endian
  out[1] = 0x49;
  view.setUint16(2, 42, true);
  view.setUint32(4, ifdOffset, true);
  view.setUint16(ifdOffset, entries, true);
  let at = ifdOffset + 2;
  const SHORT = 3;
  const LONG = 4;
  const entry = (tag: number, type: number, count: number, value: number): void => {
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, count, true);
    if (type === SHORT && count === 1) {
      view.setUint16(at + 8, value, true);
    } else {
      view.setUint32(at + 8, value, true);
    }
    at += 12;
  };
  entry(256, LONG, 1, width); // ImageWidth
  entry(257, LONG, 1, height); // ImageLength
  if (channels === 3) {
    entry(258, SHORT, 3, bitsOffset); // BitsPerSample (offset to 3 values)
  } else {
    entry(258, SHORT, 1, bitDepth);
  }
  entry(259, SHORT, 1, 1); // Compression: none
  entry(262, SHORT, 1, channels === 3 ? 2 : 1); // Photometric: RGB or BlackIsZero
  entry(273, LONG, 1, dataOffset); // StripOffsets
  entry(277, SHORT, 1, channels); // SamplesPerPixel
  entry(278, LONG, 1, height); // RowsPerStrip
  entry(279, LONG, 1, dataSize); // StripByteCounts
  entry(284, SHORT, 1, 1); // PlanarConfiguration: chunky
  view.setUint32(at, 0, true); // no next IFD
  if (channels === 3) {
    for (let c = 0; c < 3; c++) {
      view.setUint16(bitsOffset + 2 * c, bitDepth, true);
    }
  }
  if (bitDepth === 8) {
    out.set(pixels, dataOffset);
  } else {
    for (let i = 0; i < pixels.length; i++) {
      view.setUint16(dataOffset + 2 * i, pixels[i]!, true);
    }
  }
  return out;
}
