import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { parseFcsSource } from './parse-fcs.js';
import type { ByteSource, FcsFile, FcsParseOptions } from './types.js';

/**
 * A {@link ByteSource} over an open file descriptor, reading with `fs.readSync`. Each `read`
 * returns a view of one reused buffer, valid until the next call.
 *
 * @example
 * const fd = fs.openSync('a.fcs', 'r');
 * try { parseFcsSource(fileByteSource(fd)); } finally { fs.closeSync(fd); }
 */
export function fileByteSource(fd: number): ByteSource {
  const size = fstatSync(fd).size;
  let buffer = new Uint8Array(0);
  return {
    size,
    read(offset: number, length: number): Uint8Array {
      if (offset < 0 || length < 0 || offset + length > size) {
        throw new RangeError(`read of ${length} bytes at ${offset} outside 0..${size}`);
      }
      if (buffer.length < length) {
        buffer = new Uint8Array(Math.max(length, 65536));
      }
      let done = 0;
      while (done < length) {
        const got = readSync(fd, buffer, done, length - done, offset + done);
        if (got === 0) {
          throw new RangeError(`file shrank: read ${done} of ${length} bytes at ${offset}`);
        }
        done += got;
      }
      return buffer.subarray(0, length);
    },
  };
}

/**
 * Reads an FCS file from disk without loading it whole: HEADER/TEXT ranges, then DATA in chunks.
 * `sourceName` defaults to the file's base name.
 *
 * @throws {FcsParseError} / {FcsKeywordError} as parseFcsSource; Node's fs errors (ENOENT...) as is.
 * @example
 * const fcs = readFcsFile('data/sample.fcs');
 * fcs.datasets[0].table.eventCount;
 */
export function readFcsFile(path: string, options?: FcsParseOptions): FcsFile {
  const fd = openSync(path, 'r');
  try {
    return parseFcsSource(fileByteSource(fd), { sourceName: basename(path), ...options });
  } finally {
    closeSync(fd);
  }
}
