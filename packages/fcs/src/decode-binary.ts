import type { Column } from '@tamkit/core';
import { ranksForWidth, type DataLayout } from './data-layout.js';
import type { ByteSource } from './types.js';

/** Bytes read per DATA chunk. */
export const CHUNK_BYTES: number = 4 * 1024 * 1024;

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Allocates the output columns: Float64Array for wide channels, Float32Array otherwise. */
export function allocateColumns(layout: DataLayout, length: number): Column[] {
  return layout.channels.map((c) => (c.wide ? new Float64Array(length) : new Float32Array(length)));
}

type Order = 'asc' | 'desc' | 'other';

function orderOf(rank: readonly number[]): Order {
  if (rank.every((r, i) => r === i)) {
    return 'asc';
  }
  if (rank.every((r, i) => r === rank.length - 1 - i)) {
    return 'desc';
  }
  return 'other';
}

/**
 * Decodes `eventCount` binary events starting at absolute byte `begin` into preallocated columns,
 * reading CHUNK_BYTES at a time. Uniform 2/4/8-byte layouts in ascending or descending byte order go
 * through a typed-array view of each chunk (byte-swapped in place when needed) and a transpose;
 * anything else through the per-value generic decoder.
 */
export function decodeBinary(
  source: ByteSource,
  begin: number,
  layout: DataLayout,
  eventCount: number,
  applyMask: boolean,
): Column[] {
  const columns = allocateColumns(layout, eventCount);
  const width = layout.eventWidth;
  if (eventCount === 0 || width === 0) {
    return columns;
  }
  const per = Math.max(1, Math.floor(CHUNK_BYTES / width));
  const w = layout.channels[0]!.width;
  const uniform = layout.channels.every((c) => c.width === w && c.type === layout.dataType);
  const order = orderOf(layout.byteRank!);
  const typed =
    uniform &&
    order !== 'other' &&
    ((layout.dataType === 'F' && w === 4) ||
      (layout.dataType === 'D' && w === 8) ||
      (layout.dataType === 'I' && (w === 2 || w === 4)));
  let scratch: Uint8Array | null = null;
  for (let first = 0; first < eventCount; first += per) {
    const n = Math.min(per, eventCount - first);
    const chunk = source.read(begin + first * width, n * width);
    if (typed) {
      const swap = (order === 'desc') === LITTLE_ENDIAN_HOST;
      let buf = chunk;
      if (chunk.byteOffset % 4 !== 0) {
        if (scratch === null || scratch.length < chunk.length) {
          scratch = new Uint8Array(Math.min(per, eventCount) * width);
        }
        buf = scratch.subarray(0, chunk.length);
        buf.set(chunk);
      }
      transposeTyped(buf, layout, columns, first, n, applyMask, swap);
    } else {
      decodeGeneric(chunk, layout, columns, first, n, null, applyMask);
    }
  }
  return columns;
}

/**
 * Decodes only the events in `index` (ascending positions); row k of the result is event index[k].
 */
export function decodeBinarySubset(
  source: ByteSource,
  begin: number,
  layout: DataLayout,
  index: Uint32Array,
  applyMask: boolean,
): Column[] {
  const columns = allocateColumns(layout, index.length);
  const width = layout.eventWidth;
  if (index.length === 0 || width === 0) {
    return columns;
  }
  const per = Math.max(1, Math.floor(CHUNK_BYTES / width));
  let k = 0;
  while (k < index.length) {
    const first = index[k]!;
    let last = k;
    while (last + 1 < index.length && index[last + 1]! < first + per) {
      last++;
    }
    const span = index[last]! - first + 1;
    const chunk = source.read(begin + first * width, span * width);
    const rows = new Uint32Array(last - k + 1);
    for (let r = 0; r < rows.length; r++) {
      rows[r] = index[k + r]! - first;
    }
    decodeGeneric(chunk, layout, columns, k, rows.length, rows, applyMask);
    k = last + 1;
  }
  return columns;
}

const bswap32 = (x: number): number => ((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);

// One transpose per element type so that every loop stays monomorphic (V8 slows down a lot when one
// loop sees several typed-array kinds). Each copies n events × p values from the row-major chunk
// into columns starting at `first`, swapping bytes on the way when the file's order is not the
// host's. Floats are copied as bits through Uint32Array views of the columns (exact, no rounding).
function transpose32(view: Uint32Array, cols: Uint32Array[], first: number, n: number, swap: boolean): void {
  const p = cols.length;
  for (let c = 0; c < p; c++) {
    const col = cols[c]!;
    if (swap) {
      for (let e = 0, s = c; e < n; e++, s += p) {
        col[first + e] = bswap32(view[s]!);
      }
    } else {
      for (let e = 0, s = c; e < n; e++, s += p) {
        col[first + e] = view[s]!;
      }
    }
  }
}

function transpose64(view: Uint32Array, cols: Uint32Array[], first: number, n: number, swap: boolean): void {
  const p = cols.length;
  const stride = 2 * p;
  for (let c = 0; c < p; c++) {
    const col = cols[c]!;
    for (let e = 0, s = 2 * c; e < n; e++, s += stride) {
      const d = 2 * (first + e);
      if (swap) {
        col[d] = bswap32(view[s + 1]!);
        col[d + 1] = bswap32(view[s]!);
      } else {
        col[d] = view[s]!;
        col[d + 1] = view[s + 1]!;
      }
    }
  }
}

function transposeU16(view: Uint16Array, cols: Float32Array[], masks: Int32Array, first: number, n: number, swap: boolean): void {
  const p = cols.length;
  for (let c = 0; c < p; c++) {
    const col = cols[c]!;
    const mask = masks[c]!;
    if (swap) {
      for (let e = 0, s = c; e < n; e++, s += p) {
        const x = view[s]!;
        col[first + e] = (((x & 0xff) << 8) | (x >>> 8)) & mask;
      }
    } else {
      for (let e = 0, s = c; e < n; e++, s += p) {
        col[first + e] = view[s]! & mask;
      }
    }
  }
}

function transposeU32(view: Uint32Array, cols: Float64Array[], masks: Float64Array, first: number, n: number, swap: boolean): void {
  const p = cols.length;
  for (let c = 0; c < p; c++) {
    const col = cols[c]!;
    // 2^32 stands for "no mask"; a mask is at most 2^31 - 1, so `&` stays non-negative.
    const mask = masks[c]!;
    if (mask === 4294967296) {
      for (let e = 0, s = c; e < n; e++, s += p) {
        col[first + e] = swap ? bswap32(view[s]!) >>> 0 : view[s]!;
      }
    } else {
      for (let e = 0, s = c; e < n; e++, s += p) {
        col[first + e] = (swap ? bswap32(view[s]!) : view[s]!) & mask;
      }
    }
  }
}

function transposeTyped(
  buf: Uint8Array,
  layout: DataLayout,
  columns: Column[],
  first: number,
  n: number,
  applyMask: boolean,
  swap: boolean,
): void {
  const p = layout.channels.length;
  const count = n * p;
  const w = layout.channels[0]!.width;
  const masks = layout.channels.map((c) => (applyMask ? c.mask : null));
  const bits = (col: Column): Uint32Array => new Uint32Array(col.buffer, col.byteOffset, col.length * (col.BYTES_PER_ELEMENT / 4));
  if (layout.dataType === 'F') {
    transpose32(new Uint32Array(buf.buffer, buf.byteOffset, count), columns.map(bits), first, n, swap);
  } else if (layout.dataType === 'D') {
    transpose64(new Uint32Array(buf.buffer, buf.byteOffset, 2 * count), columns.map(bits), first, n, swap);
  } else if (w === 2) {
    const m = Int32Array.from(masks, (x) => (x === null ? 0xffff : x));
    const cols = columns.filter((c): c is Float32Array => c instanceof Float32Array);
    transposeU16(new Uint16Array(buf.buffer, buf.byteOffset, count), cols, m, first, n, swap);
  } else {
    const m = Float64Array.from(masks, (x) => (x === null ? 4294967296 : x));
    const cols = columns.filter((c): c is Float64Array => c instanceof Float64Array);
    transposeU32(new Uint32Array(buf.buffer, buf.byteOffset, count), cols, m, first, n, swap);
  }
}

const scratch8 = new Uint8Array(8);
const scratchView = new DataView(scratch8.buffer);

/** Per-value decoder for any layout: rows[r] (or r) is the event position inside `chunk`. */
function decodeGeneric(
  chunk: Uint8Array,
  layout: DataLayout,
  columns: Column[],
  first: number,
  n: number,
  rows: Uint32Array | null,
  applyMask: boolean,
): void {
  const width = layout.eventWidth;
  const rank = layout.byteRank!;
  layout.channels.forEach((ch, c) => {
    const col = columns[c]!;
    const ranks = ranksForWidth(rank, ch.width)!;
    const mask = applyMask ? ch.mask : null;
    const modulus = mask === null ? 0 : mask + 1;
    const weights = ranks.map((r) => 2 ** (8 * r));
    for (let r = 0; r < n; r++) {
      const base = (rows === null ? r : rows[r]!) * width + ch.offset;
      let v: number;
      if (ch.type === 'I') {
        v = 0;
        for (let b = 0; b < ch.width; b++) {
          v += chunk[base + b]! * weights[b]!;
        }
        if (modulus !== 0) {
          v %= modulus;
        }
      } else {
        for (let b = 0; b < ch.width; b++) {
          scratch8[ranks[b]!] = chunk[base + b]!;
        }
        v = ch.type === 'F' ? scratchView.getFloat32(0, true) : scratchView.getFloat64(0, true);
      }
      col[first + r] = v;
    }
  });
}
