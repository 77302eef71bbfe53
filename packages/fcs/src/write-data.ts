import type { Column, EventTable } from '@tamkit/core';

const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The `$PnR` value of each channel: `ChannelMeta.range` when it is positive, else computed from the
 * data: for integers the largest value + 1 (so that the `nextpow2($PnR) - 1` bit mask a reader
 * applies keeps every value), for floats the largest finite value rounded up (at least 1).
 */
export function channelRanges(table: EventTable, dataType: 'F' | 'D' | 'I'): number[] {
  return table.channels.map((ch, c) => {
    if (ch.range > 0) {
      return ch.range;
    }
    const max = finiteMax(table.columns[c]!);
    if (dataType === 'I') {
      return max === -Infinity ? 1 : max + 1;
    }
    return Math.max(1, Math.ceil(max));
  });
}

function finiteMax(col: Column): number {
  let max = -Infinity;
  for (let i = 0; i < col.length; i++) {
    const v = col[i]!;
    if (v > max && v !== Infinity) {
      max = v;
    }
  }
  return max;
}

/**
 * Checks that integer channels hold non-negative integers that fit their width and survive the
 * bit mask `nextpow2($PnR) - 1` readers apply (FCS 3.1 §3.2.20 `$PnR`).
 * @throws {RangeError} naming the channel and the event (0-based) of the first value that does not fit.
 */
export function checkIntegerValues(
  table: EventTable,
  bits: readonly number[],
  ranges: readonly number[],
): void {
  table.channels.forEach((ch, c) => {
    const col = table.columns[c]!;
    const widthMax = 2 ** bits[c]! - 1;
    const maskMax = 2 ** Math.ceil(Math.log2(ranges[c]!)) - 1;
    const max = Math.min(widthMax, maskMax);
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      if (!(v >= 0 && v <= max && Math.floor(v) === v)) {
        const why =
          v >= 0 && v <= widthMax && Math.floor(v) === v
            ? `above ${maskMax}, the bit mask of $PnR ${ranges[c]!} (raise ChannelMeta.range)`
            : `not an integer in 0..${widthMax} (${bits[c]!} bits)`;
        throw new RangeError(`channel ${c} (${ch.name}), event ${i}: value ${v} is ${why}`);
      }
    }
  });
}

type Scratch = Float32Array | Float64Array | Uint8Array | Uint16Array | Uint32Array;

/**
 * Encodes events into FCS list-mode DATA bytes (event-major, channels in table order), reusing
 * scratch memory between calls. Values must already be checked ({@link checkIntegerValues}).
 */
export class DataEncoder {
  readonly rowBytes: number;
  private readonly uniformBits: number;
  private scratch: Scratch | null = null;

  constructor(
    private readonly table: EventTable,
    private readonly dataType: 'F' | 'D' | 'I',
    private readonly bits: readonly number[],
    private readonly bigEndian: boolean,
  ) {
    this.rowBytes = bits.reduce((sum, b) => sum + b / 8, 0);
    const first = bits[0] ?? 32;
    this.uniformBits = bits.every((b) => b === first) ? first : 0;
  }

  /** Writes events [start, end) into `target` (exactly (end - start) × rowBytes bytes). */
  encode(start: number, end: number, target: Uint8Array): void {
    const count = end - start;
    if (target.length !== count * this.rowBytes) {
      throw new RangeError(`target holds ${target.length} bytes, expected ${count * this.rowBytes}`);
    }
    if (this.uniformBits === 0) {
      this.encodeMixed(start, end, target);
      return;
    }
    const n = this.table.channels.length;
    const scratch = this.scratchFor(count * n);
    const { columns } = this.table;
    for (let c = 0; c < n; c++) {
      const col = columns[c]!;
      for (let i = 0, j = c; i < count; i++, j += n) {
        scratch[j] = col[start + i]!;
      }
    }
    const bytes = new Uint8Array(scratch.buffer, 0, count * this.rowBytes);
    if (this.bigEndian === HOST_LITTLE_ENDIAN) {
      swapBytes(bytes, this.uniformBits / 8);
    }
    target.set(bytes);
  }

  private scratchFor(length: number): Scratch {
    if (this.scratch !== null && this.scratch.length >= length) {
      return this.scratch.subarray(0, length);
    }
    const make = (len: number): Scratch => {
      if (this.dataType === 'F') {
        return new Float32Array(len);
      }
      if (this.dataType === 'D') {
        return new Float64Array(len);
      }
      return this.uniformBits === 8
        ? new Uint8Array(len)
        : this.uniformBits === 16
          ? new Uint16Array(len)
          : new Uint32Array(len);
    };
    this.scratch = make(length);
    return this.scratch;
  }

  /** Integer channels of different widths: rare, so a DataView per value is acceptable here. */
  private encodeMixed(start: number, end: number, target: Uint8Array): void {
    const view = new DataView(target.buffer, target.byteOffset, target.byteLength);
    const little = !this.bigEndian;
    const { columns } = this.table;
    let pos = 0;
    for (let i = start; i < end; i++) {
      for (let c = 0; c < columns.length; c++) {
        const v = columns[c]![i]!;
        const b = this.bits[c]!;
        if (b === 8) {
          view.setUint8(pos, v);
        } else if (b === 16) {
          view.setUint16(pos, v, little);
        } else {
          view.setUint32(pos, v, little);
        }
        pos += b / 8;
      }
    }
  }
}

/** Reverses the byte order of every `width`-byte word of `bytes` in place. */
export function swapBytes(bytes: Uint8Array, width: number): void {
  if (width === 1) {
    return;
  }
  if (width === 4 && bytes.byteOffset % 4 === 0 && bytes.length % 4 === 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    for (let i = 0; i < words.length; i++) {
      const x = words[i]!;
      words[i] = ((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
    }
    return;
  }
  for (let i = 0; i < bytes.length; i += width) {
    for (let a = i, b = i + width - 1; a < b; a++, b--) {
      const t = bytes[a]!;
      bytes[a] = bytes[b]!;
      bytes[b] = t;
    }
  }
}
