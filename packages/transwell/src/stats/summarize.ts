import { mean, sampleStandardDeviation } from 'simple-statistics';

/** Mean, sample SD, SEM and n of a set of values. */
export interface Summary {
  readonly n: number;
  /** Arithmetic mean, `null` when n = 0. */
  readonly mean: number | null;
  /** Sample standard deviation (n − 1 denominator), `null` when n < 2. */
  readonly sd: number | null;
  /** Standard error of the mean, `sd / √n`, `null` when n < 2. */
  readonly sem: number | null;
}

/**
 * Summarises values: mean = Σx/n, SD = √(Σ(x − mean)²/(n − 1)) (sample SD), SEM = SD/√n.
 * NaN values are a programmer error (RangeError), not skipped.
 *
 * @example
 * summarize([2, 4, 6]); // { n: 3, mean: 4, sd: 2, sem: 1.1547 }
 */
export function summarize(values: readonly number[]): Summary {
  if (values.some((v) => Number.isNaN(v))) {
    throw new RangeError('summarize: values contain NaN');
  }
  const n = values.length;
  if (n === 0) {
    return { n, mean: null, sd: null, sem: null };
  }
  const m = mean(values);
  if (n < 2) {
    return { n, mean: m, sd: null, sem: null };
  }
  const sd = sampleStandardDeviation(values);
  return { n, mean: m, sd, sem: sd / Math.sqrt(n) };
}
