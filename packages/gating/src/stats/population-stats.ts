import { fsum } from '@tamkit/core';
import type { Column, Mask } from '@tamkit/core';
import { quantileSorted } from 'simple-statistics';
import { toNumberArray } from './to-number-array.js';

/** Options of {@link populationStats}. */
export interface PopulationStatsOptions {
  /** Percentiles to report, each in [0, 100]; keys of `percentiles` are `String(p)`. */
  readonly percentiles?: readonly number[];
}

/** Defaults of {@link PopulationStatsOptions}. */
export const POPULATION_STATS_DEFAULTS: Required<PopulationStatsOptions> = {
  percentiles: [5, 25, 50, 75, 95],
};

/** Scale factor making the MAD a consistent estimator of σ for normal data: 1/Φ⁻¹(3/4). */
export const MAD_TO_SD = 1.4826;

/** Descriptive statistics of one channel over one population. NaN where a value is undefined. */
export interface PopulationStats {
  /** Events selected by the mask (all events without one). */
  readonly eventCount: number;
  /** Finite values among them: the n every statistic below uses. */
  readonly count: number;
  /** Selected events whose value is NaN (skipped). */
  readonly nanCount: number;
  /** Selected events whose value is ±Infinity (skipped; e.g. flog of 0). */
  readonly infiniteCount: number;
  /** Arithmetic mean (compensated sum / n). */
  readonly mean: number;
  /** 50th percentile (R type 7). */
  readonly median: number;
  /** exp(mean(ln x)) over the values > 0 only; NaN when none is positive. */
  readonly geometricMean: number;
  /** Finite values ≤ 0 left out of the geometric mean. */
  readonly nonPositiveCount: number;
  /** Sample standard deviation (n − 1 denominator, two-pass); NaN for n < 2. */
  readonly sd: number;
  /** 100 · sd / mean, in percent (FlowJo's CV); NaN when the mean is 0. */
  readonly cv: number;
  /** 1.4826 · median(|x − median|): the normal-consistent MAD. */
  readonly robustSd: number;
  /** 100 · ½(P84.13 − P15.87) / median, in percent (FlowJo's rCV); NaN when the median is 0. */
  readonly robustCv: number;
  /** Requested percentiles (R type 7), keyed by `String(p)`. */
  readonly percentiles: Readonly<Record<string, number>>;
  readonly min: number;
  readonly max: number;
}

function resolveOptions(options: PopulationStatsOptions): Required<PopulationStatsOptions> {
  const percentiles = options.percentiles ?? POPULATION_STATS_DEFAULTS.percentiles;
  for (const p of percentiles) {
    if (!(p >= 0 && p <= 100)) {
      throw new RangeError(`percentile ${p} outside 0..100`);
    }
  }
  return { percentiles };
}

/**
 * Descriptive statistics of `values` over the events selected by `mask` (all events when null), on
 * the values as given: transform first for statistics in display space.
 *
 * Policies and definitions:
 * - NaN and ±Infinity are skipped and counted (`nanCount`, `infiniteCount`); every statistic
 *   uses the `count` finite values. With `count` 0 every statistic is NaN.
 * - Percentiles: linear interpolation between order statistics, h = (n − 1)·p/100 (Hyndman & Fan
 *   1996 type 7, R's default and numpy's `linear`), through simple-statistics `quantileSorted`.
 * - Geometric mean: exp of the mean of ln x over x > 0; values ≤ 0 are excluded and reported
 *   (`nonPositiveCount`) instead of making the result 0 or NaN. (FlowJo 10 documents a different
 *   route: it takes the geometric mean in graph, i.e. transformed and binned, space. To get a
 *   comparable number here, transform the values first and average those.)
 * - CV = 100·SD/mean (FlowJo: "CV = SD/Mean ... displayed in percent").
 * - Robust CV = 100·½(P84.13 − P15.87)/median, FlowJo 10's definition (docs.flowjo.com, Statistic
 *   definitions): for normal data P84.13 − P15.87 = 2σ.
 * - Robust SD = 1.4826·MAD, the median absolute deviation scaled to σ for normal data (Rousseeuw &
 *   Croux 1993; Hampel 1974). FlowJo describes its rSD as the spread holding 68.26 % of events
 *   around the median; both agree for normal data, and the MAD form is the one used here.
 * - Sums use Neumaier compensated summation (float64 accumulators); the SD is two-pass.
 *
 * O(n log n) (sorting). Float32 columns are read as float64.
 *
 * @throws {RangeError} when the mask length differs from the values, or a percentile is outside 0..100.
 * @example
 * const s = populationStats(new Float64Array([1, 2, 3, 4]), null);
 * s.median; // 2.5
 * s.percentiles['25']; // 1.75
 */
export function populationStats(
  values: Column,
  mask: Mask | null,
  options: PopulationStatsOptions = {},
): PopulationStats {
  const { percentiles } = resolveOptions(options);
  if (mask && mask.length !== values.length) {
    throw new RangeError(`mask has ${mask.length} entries for ${values.length} values`);
  }
  const buffer = new Float64Array(values.length);
  let n = 0;
  let eventCount = 0;
  let nanCount = 0;
  let infiniteCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (mask && mask[i] !== 1) {
      continue;
    }
    eventCount++;
    const v = values[i]!;
    if (Number.isNaN(v)) {
      nanCount++;
    } else if (v === Infinity || v === -Infinity) {
      infiniteCount++;
    } else {
      buffer[n++] = v;
    }
  }
  const x = buffer.subarray(0, n).sort();
  const counts = { eventCount, count: n, nanCount, infiniteCount };
  const pct: Record<string, number> = {};
  if (n === 0) {
    for (const p of percentiles) {
      pct[String(p)] = NaN;
    }
    return {
      ...counts,
      mean: NaN,
      median: NaN,
      geometricMean: NaN,
      nonPositiveCount: 0,
      sd: NaN,
      cv: NaN,
      robustSd: NaN,
      robustCv: NaN,
      percentiles: pct,
      min: NaN,
      max: NaN,
    };
  }
  const sorted = toNumberArray(x);
  const q = (p: number): number => quantileSorted(sorted, p / 100);
  for (const p of percentiles) {
    pct[String(p)] = q(p);
  }
  const mean = fsum(x) / n;
  const median = q(50);

  const work = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = x[i]! - mean;
    work[i] = d * d;
  }
  const sd = n > 1 ? Math.sqrt(fsum(work) / (n - 1)) : NaN;

  let positives = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (v > 0) {
      work[positives++] = Math.log(v);
    }
  }
  const geometricMean = positives > 0 ? Math.exp(fsum(work.subarray(0, positives)) / positives) : NaN;

  for (let i = 0; i < n; i++) {
    work[i] = Math.abs(x[i]! - median);
  }
  const mad = quantileSorted(toNumberArray(work.sort()), 0.5);

  return {
    ...counts,
    mean,
    median,
    geometricMean,
    nonPositiveCount: n - positives,
    sd,
    cv: mean === 0 ? NaN : (100 * sd) / mean,
    robustSd: MAD_TO_SD * mad,
    robustCv: median === 0 ? NaN : (100 * 0.5 * (q(84.13) - q(15.87))) / median,
    percentiles: pct,
    min: x[0]!,
    max: x[n - 1]!,
  };
}
