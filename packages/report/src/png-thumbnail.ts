/** An 8-bit RGB raster, row-major, 3 bytes per pixel (e.g. a transwell `CountOverlay`). */
export interface RgbRaster {
  readonly pixels: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (ISO 3309, as PNG chunks use). @example crc32(new TextEncoder().encode('IEND')) // 0xae426082 */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Box-averages an RGB raster down so that its longer side is at most `maxSide` pixels (integer
 * factor, rounded up); returns it unchanged when already small enough.
 *
 * @throws {RangeError} when the pixel buffer length is not width × height × 3.
 */
export function downscaleRgb(raster: RgbRaster, maxSide: number): RgbRaster {
  const { pixels, width, height } = raster;
  if (pixels.length !== width * height * 3) {
    throw new RangeError(`RGB raster of ${width}×${height} needs ${width * height * 3} bytes, got ${pixels.length}`);
  }
  const f = Math.max(1, Math.ceil(Math.max(width, height) / maxSide));
  if (f === 1) {
    return raster;
  }
  const w = Math.ceil(width / f);
  const h = Math.ceil(height / f);
  const out = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let yy = y * f; yy < Math.min(height, (y + 1) * f); yy++) {
        for (let xx = x * f; xx < Math.min(width, (x + 1) * f); xx++) {
          const i = (yy * width + xx) * 3;
          r += pixels[i]!;
          g += pixels[i + 1]!;
          b += pixels[i + 2]!;
          n++;
        }
      }
      const o = (y * w + x) * 3;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
    }
  }
  return { pixels: out, width: w, height: h };
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) {
    out[4 + i] = type.charCodeAt(i);
  }
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

/** PNG file bytes: signature, IHDR (8-bit, `colourType`), the given chunks, IDAT of stored deflate blocks over `raw` scanlines, IEND. */
function pngFile(width: number, height: number, colourType: number, raw: Uint8Array, before: Uint8Array[] = []): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / 65535));
  const z = new Uint8Array(2 + raw.length + blocks * 5 + 4);
  z[0] = 0x78;
  z[1] = 0x01;
  let o = 2;
  for (let k = 0; k < blocks; k++) {
    const start = k * 65535;
    const len = Math.min(65535, raw.length - start);
    z[o++] = k === blocks - 1 ? 1 : 0;
    z[o++] = len & 0xff;
    z[o++] = len >>> 8;
    z[o++] = ~len & 0xff;
    z[o++] = (~len >>> 8) & 0xff;
    z.set(raw.subarray(start, start + len), o);
    o += len;
  }
  let a = 1;
  let b = 0;
  for (let i = 0; i < raw.length; i++) {
    a = (a + raw[i]!) % 65521;
    b = (b + a) % 65521;
  }
  new DataView(z.buffer).setUint32(o, ((b << 16) | a) >>> 0);
  const ihdr = new Uint8Array(13);
  const hv = new DataView(ihdr.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  ihdr.set([8, colourType, 0, 0, 0], 8);
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), ...before, chunk('IDAT', z), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

/** Scanlines of `bytesPerRow` bytes from `pixels`, each preceded by filter type 0. */
function scanlines(pixels: Uint8Array | Uint8ClampedArray, bytesPerRow: number, height: number): Uint8Array {
  const stride = bytesPerRow + 1;
  const raw = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0;
    raw.set(pixels.subarray(y * bytesPerRow, (y + 1) * bytesPerRow), y * stride + 1);
  }
  return raw;
}

/**
 * Encodes an RGB raster as PNG (8-bit truecolour, filter 0, zlib stream of stored deflate blocks:
 * no compression, so the encoder stays a few lines of dependency-free code; PNG spec §§ 5, 10, 11).
 *
 * @throws {RangeError} when the pixel buffer length is not width × height × 3.
 * @example encodePngRgb({ pixels: new Uint8Array([255, 0, 0]), width: 1, height: 1 }).length // 69
 */
export function encodePngRgb(raster: RgbRaster): Uint8Array {
  const { pixels, width, height } = raster;
  if (pixels.length !== width * height * 3 || width < 1 || height < 1) {
    throw new RangeError(`RGB raster of ${width}×${height} needs ${width * height * 3} bytes, got ${pixels.length}`);
  }
  return pngFile(width, height, 2, scanlines(pixels, width * 3, height));
}

/**
 * Encodes an 8-bit palette image as PNG (colour type 3, PLTE of at most 256 RGB entries; stored
 * deflate as {@link encodePngRgb}): a third of the bytes of the RGB encoding for the same picture.
 *
 * @throws {RangeError} when `indices` is not width × height long or the palette has 0 or more than 256 colours.
 * @example encodePngIndexed({ indices: new Uint8Array([0]), width: 1, height: 1, palette: [[255, 0, 0]] }).length // 85
 */
export function encodePngIndexed(image: { readonly indices: Uint8Array; readonly width: number; readonly height: number; readonly palette: readonly (readonly [number, number, number])[] }): Uint8Array {
  const { indices, width, height, palette } = image;
  if (indices.length !== width * height || width < 1 || height < 1 || palette.length < 1 || palette.length > 256) {
    throw new RangeError(`palette image of ${width}×${height} needs ${width * height} indices and 1–256 colours, got ${indices.length} and ${palette.length}`);
  }
  const plte = new Uint8Array(palette.length * 3);
  palette.forEach((c, i) => plte.set(c, i * 3));
  return pngFile(width, height, 3, scanlines(indices, width, height), [chunk('PLTE', plte)]);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (RFC 4648 §4, with padding). @example base64(new TextEncoder().encode('Ma')) // 'TWE=' */
export function base64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out.push(B64[(n >>> 18) & 63]!, B64[(n >>> 12) & 63]!, i + 1 < bytes.length ? B64[(n >>> 6) & 63]! : '=', i + 2 < bytes.length ? B64[n & 63]! : '=');
  }
  return out.join('');
}

/**
 * A thumbnail of an RGB raster (e.g. a membrane image with its counting overlay) as a
 * `data:image/png;base64,` URI, box-downscaled so its longer side is at most `maxSide` (default 320).
 *
 * @example thumbnailDataUri(overlay, 256).src.startsWith('data:image/png;base64,') // true
 */
export function thumbnailDataUri(raster: RgbRaster, maxSide = 320): { src: string; width: number; height: number } {
  const small = downscaleRgb(raster, maxSide);
  return { src: `data:image/png;base64,${base64(encodePngRgb(small))}`, width: small.width, height: small.height };
}
