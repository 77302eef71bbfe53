import type { ChannelMeta, Column } from '@tamkit/core';
import type { TransformSpec } from './transform-spec.js';

/** Decades of the default logicle display (Parks et al. 2006 use 4.5 for 18-bit data). */
export const DEFAULT_LOGICLE_DECADES = 4.5;
/** Top of scale used when neither the channel range nor the data give one (18-bit cytometers). */
export const FALLBACK_TOP_OF_SCALE = 262144;

function dataMax(values: Column | undefined): number {
  let max = -Infinity;
  if (values) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v > max) {
        max = v;
      }
    }
  }
  return max;
}

/** The 5th percentile (linear interpolation, R type 7) of the negative values, or 0 with none. */
function negativeFifthPercentile(values: Column | undefined): number {
  if (!values) {
    return 0;
  }
  const negatives: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < 0 && v > -Infinity) {
      negatives.push(v);
    }
  }
  if (negatives.length === 0) {
    return 0;
  }
  negatives.sort((p, q) => p - q);
  const h = (negatives.length - 1) * 0.05;
  const lo = Math.floor(h);
  const a = negatives[lo]!;
  const b = negatives[Math.min(lo + 1, negatives.length - 1)]!;
  return a + (h - lo) * (b - a);
}

/**
 * Chooses a display transform for a channel, the way cytometry software sets up axes:
 *
 * - scatter, time and other channels: `linear` with T = $PnR (or the data maximum, or
 *   {@link FALLBACK_TOP_OF_SCALE}) and A = 0;
 * - fluorescence from a log amplifier ($PnE decades > 0): `log` over its decades,
 *   T = $PnE offset (0 read as 1) × 10^decades;
 * - other fluorescence: `logicle` with T = $PnR (or the data maximum, or the fallback), M = 4.5,
 *   A = 0 and W from the negative population as Parks, Roederer & Moore (2006, Cytometry A 69:541,
 *   "A new Logicle display method avoids deceptive effects of logarithmic scaling...") recommend:
 *   W = (M − log10(T/|r|))/2 with r the 5th percentile of the negative values (R type 7), W = 0
 *   when there are no negative values, clamped to the valid range 0 ≤ W ≤ M/2.
 *
 * O(n log n) in the number of negative values when `values` is given.
 *
 * @example
 * defaultDisplayTransform(channelMeta({ name: 'FL1-A', range: 262144 }));
 * // { kind: 'logicle', t: 262144, w: 0, m: 4.5, a: 0 }
 */
export function defaultDisplayTransform(channel: ChannelMeta, values?: Column): TransformSpec {
  const top = (): number => {
    if (channel.range > 0) {
      return channel.range;
    }
    const max = dataMax(values);
    return Number.isFinite(max) && max > 0 ? max : FALLBACK_TOP_OF_SCALE;
  };
  if (channel.kind !== 'fluorescence') {
    return { kind: 'linear', t: top(), a: 0 };
  }
  if (channel.logDecades > 0) {
    const zero = channel.logZero > 0 ? channel.logZero : 1;
    return { kind: 'log', t: zero * 10 ** channel.logDecades, m: channel.logDecades };
  }
  const t = top();
  const m = DEFAULT_LOGICLE_DECADES;
  const r = negativeFifthPercentile(values);
  let w = r < 0 ? (m - Math.log10(t / Math.abs(r))) / 2 : 0;
  w = Math.min(Math.max(w, 0), m / 2);
  return { kind: 'logicle', t, w, m, a: 0 };
}
