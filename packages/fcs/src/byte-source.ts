import type { ByteSource } from './types.js';

/**
 * A {@link ByteSource} over bytes already in memory; `read` returns views (no copies).
 *
 * @example
 * const source = memoryByteSource(new Uint8Array(await file.arrayBuffer()));
 * parseFcsSource(source);
 */
export function memoryByteSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read(offset: number, length: number): Uint8Array {
      if (offset < 0 || length < 0 || offset + length > bytes.length) {
        throw new RangeError(`read of ${length} bytes at ${offset} outside 0..${bytes.length}`);
      }
      return bytes.subarray(offset, offset + length);
    },
  };
}
