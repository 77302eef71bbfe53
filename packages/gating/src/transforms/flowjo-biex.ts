import { solveLogicleD } from './biexponential-kernel.js';

/** Parameters of FlowJo's biexponential ("Biex") display transform. */
export interface FlowJoBiexParameters {
  /** Width basis (≤ −1). */
  readonly width: number;
  /** Extra negative decades (≥ 0). */
  readonly negative: number;
  /** Positive decades. */
  readonly positive: number;
  /** Top of scale (data value at the last channel). */
  readonly maxValue: number;
  /** Number of display channels (4096 in FlowJo); the table has channelRange + 1 points. */
  readonly channelRange: number;
}

/**
 * Builds FlowJo 10's biex lookup table: `lookup[i]` is the data value shown at display channel i,
 * for i = 0…channelRange (ascending). A port of the generator in whitews/FlowKit
 * `_wsp_transforms.py` `generate_biex_lut`, itself ported from RGLab/cytolib (from TreeStar's
 * Java code): decades = positive − log10(−width)/2, extra = negative + log10(−width)/2, zero
 * channel = ⌊extra·R/(extra + decades)⌋ (at most R/2), the positive half a difference of two
 * exponentials and the negative half mirrored about the zero channel.
 *
 * Parameters must be valid (see `validateTransformSpec`). O(channelRange).
 *
 * @example
 * const lut = flowJoBiexTable({ width: -10, negative: 0, positive: 4.41854, maxValue: 262144, channelRange: 4096 });
 * lut.length; // 4097
 */
export function flowJoBiexTable(params: FlowJoBiexParameters): Float64Array {
  const { channelRange } = params;
  const logWidth = Math.log10(-params.width);
  let decades = params.positive - logWidth / 2;
  const extra = Math.max(params.negative, 0) + logWidth / 2;
  const zeroPoint = Math.trunc(
    Math.min(Math.trunc((extra * channelRange) / (extra + decades)), channelRange / 2),
  );
  if (zeroPoint > 0) {
    decades = (extra * channelRange) / zeroPoint;
  }
  const width = logWidth / (2 * decades);
  const positiveRange = Math.LN10 * decades;
  const minimum = params.maxValue / Math.exp(positiveRange);
  const negativeRange = solveLogicleD(positiveRange, width);
  const nPoints = channelRange + 1;
  const s = Math.exp((positiveRange + negativeRange) * (width + extra / decades));
  // The generator divides by the number of points (R + 1), not by R: kept for fidelity.
  const positiveAt = (i: number): number => Math.exp((i / nPoints) * positiveRange);
  const negativeAt = (i: number): number => s * Math.exp((i / nPoints) * -negativeRange);
  const offset = positiveAt(zeroPoint) - negativeAt(zeroPoint);
  const lut = new Float64Array(nPoints);
  for (let i = zeroPoint; i < nPoints; i++) {
    lut[i] = minimum * (positiveAt(i) - negativeAt(i) - offset);
  }
  for (let i = 0; i < zeroPoint; i++) {
    lut[i] = -lut[2 * zeroPoint - i]!;
  }
  return lut;
}

/**
 * Linear interpolation of channel versus `lut` (ascending): returns the fractional channel of
 * `value`, clamped to 0…lut.length − 1 outside the table (as FlowKit's `interp1d` fill values).
 */
export function interpolateChannel(lut: Float64Array, value: number): number {
  const last = lut.length - 1;
  if (Number.isNaN(value)) {
    return NaN;
  }
  if (value <= lut[0]!) {
    return 0;
  }
  if (value >= lut[last]!) {
    return last;
  }
  let i = 0;
  let j = last;
  while (j - i > 1) {
    const mid = (i + j) >>> 1;
    if (lut[mid]! <= value) {
      i = mid;
    } else {
      j = mid;
    }
  }
  const li = lut[i]!;
  return i + (value - li) / (lut[j]! - li);
}

/** Inverse of {@link interpolateChannel}: the data value at a fractional channel (clamped). */
export function interpolateValue(lut: Float64Array, channel: number): number {
  const last = lut.length - 1;
  if (Number.isNaN(channel)) {
    return NaN;
  }
  if (channel <= 0) {
    return lut[0]!;
  }
  if (channel >= last) {
    return lut[last]!;
  }
  const i = Math.floor(channel);
  const li = lut[i]!;
  return li + (channel - i) * (lut[i + 1]! - li);
}
