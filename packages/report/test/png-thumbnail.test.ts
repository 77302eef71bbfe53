import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { base64, crc32, downscaleRgb, encodePngRgb, thumbnailDataUri } from '../src/index.js';

describe('PNG encoding', () => {
  it('computes the CRC-32 of the IEND chunk type as in every PNG file (AE 42 60 82)', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });
  it('writes a PNG whose IDAT inflates (node:zlib) to filter byte + RGB rows', () => {
    const pixels = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
    const png = encodePngRgb({ pixels, width: 2, height: 2 });
    expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([2, 2]);
    const idatStart = 8 + 25;
    const len = view.getUint32(idatStart);
    const raw = inflateSync(png.subarray(idatStart + 8, idatStart + 8 + len));
    expect(Array.from(raw)).toEqual([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 10, 20, 30]);
  });
  it('encodes base64 like Node Buffer', () => {
    const bytes = new Uint8Array(Array.from({ length: 257 }, (_, i) => (i * 37) % 256));
    for (const n of [0, 1, 2, 3, 257]) {
      expect(base64(bytes.subarray(0, n))).toBe(Buffer.from(bytes.subarray(0, n)).toString('base64'));
    }
  });
  it('box-averages down to the maximum side (hand-derived 2×1 → 1×1 mean)', () => {
    const small = downscaleRgb({ pixels: new Uint8Array([0, 10, 100, 255, 20, 101]), width: 2, height: 1 }, 1);
    expect([small.width, small.height, Array.from(small.pixels)]).toEqual([1, 1, [128, 15, 101]]);
  });
  it('gives a data: URI', () => {
    const t = thumbnailDataUri({ pixels: new Uint8Array(30 * 20 * 3), width: 30, height: 20 }, 10);
    expect([t.width, t.height, t.src.startsWith('data:image/png;base64,')]).toEqual([10, 7, true]);
  });
});
