/** Event selection: `mask[i] === 1` when event i is included. Length equals the event count. */
export type Mask = Uint8Array;

/** Selected event positions, ascending. */
export type EventIndex = Uint32Array;

function sameLength(a: Mask, b: Mask): void {
  if (a.length !== b.length) {
    throw new RangeError(`mask lengths differ: ${a.length} and ${b.length}`);
  }
}

/** A mask with every event set to `value` (default 1). */
export function fullMask(length: number, value: 0 | 1 = 1): Mask {
  return new Uint8Array(length).fill(value);
}

/** Element-wise AND of two masks (a new mask). */
export function maskAnd(a: Mask, b: Mask): Mask {
  sameLength(a, b);
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) {
    out[i] = a[i]! & b[i]!;
  }
  return out;
}

/** Element-wise OR of two masks (a new mask). */
export function maskOr(a: Mask, b: Mask): Mask {
  sameLength(a, b);
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) {
    out[i] = a[i]! | b[i]!;
  }
  return out;
}

/** Element-wise NOT (a new mask). */
export function maskNot(a: Mask): Mask {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) {
    out[i] = a[i]! ^ 1;
  }
  return out;
}

/** Number of selected events. */
export function maskCount(a: Mask): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    n += a[i]!;
  }
  return n;
}

/** Positions of the selected events, ascending. */
export function maskToIndex(a: Mask): EventIndex {
  const out = new Uint32Array(maskCount(a));
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i]) {
      out[k++] = i;
    }
  }
  return out;
}

/** A mask of `length` events with the given positions set. @throws {RangeError} on a position out of range. */
export function indexToMask(index: ArrayLike<number>, length: number): Mask {
  const out = new Uint8Array(length);
  for (let i = 0; i < index.length; i++) {
    const p = index[i]!;
    if (!(p >= 0 && p < length)) {
      throw new RangeError(`event position ${p} outside 0..${length - 1}`);
    }
    out[p] = 1;
  }
  return out;
}
