import type { FcsParseOptions } from './types.js';

/** Fully defined parse options. */
export interface ResolvedFcsParseOptions {
  readonly sourceName: string | undefined;
  readonly dataset: 'all' | number;
  readonly textOnly: boolean;
  readonly subsample: { readonly count: number; readonly seed: number } | null;
  readonly bitMask: 'apply' | 'ignore';
  readonly ignoreOffsetDiscrepancy: boolean;
  readonly preferHeaderOffsets: boolean;
  readonly allowDataSizeMismatch: boolean;
  readonly ignoreBadNextData: boolean;
}

/**
 * Defaults of {@link FcsParseOptions}: strict, every data set, bit mask applied.
 * @example
 * FCS_PARSE_DEFAULTS.bitMask; // 'apply'
 */
export const FCS_PARSE_DEFAULTS: ResolvedFcsParseOptions = {
  sourceName: undefined,
  dataset: 'all',
  textOnly: false,
  subsample: null,
  bitMask: 'apply',
  ignoreOffsetDiscrepancy: false,
  preferHeaderOffsets: false,
  allowDataSizeMismatch: false,
  ignoreBadNextData: false,
};

/**
 * Fills defaults and checks option types.
 * @example
 * resolveParseOptions({ textOnly: true }).dataset; // 'all'
 * @throws {TypeError} on an option of the wrong type; {RangeError} on a negative data set index or count.
 */
export function resolveParseOptions(options: FcsParseOptions = {}): ResolvedFcsParseOptions {
  const r = { ...FCS_PARSE_DEFAULTS };
  const out: { -readonly [K in keyof ResolvedFcsParseOptions]: ResolvedFcsParseOptions[K] } = r;
  if (options.sourceName !== undefined) {
    if (typeof options.sourceName !== 'string') {
      throw new TypeError('sourceName must be a string');
    }
    out.sourceName = options.sourceName;
  }
  if (options.dataset !== undefined) {
    if (options.dataset !== 'all' && !(Number.isSafeInteger(options.dataset) && options.dataset >= 0)) {
      throw new RangeError(`dataset must be 'all' or a non-negative integer, got ${String(options.dataset)}`);
    }
    out.dataset = options.dataset;
  }
  if (options.subsample !== undefined) {
    const { count, seed } = options.subsample;
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(`subsample.count must be a non-negative integer, got ${String(count)}`);
    }
    if (typeof seed !== 'number' || !Number.isFinite(seed)) {
      throw new TypeError(`subsample.seed must be a finite number, got ${String(seed)}`);
    }
    out.subsample = { count, seed };
  }
  if (options.bitMask !== undefined) {
    if (options.bitMask !== 'apply' && options.bitMask !== 'ignore') {
      throw new TypeError(`bitMask must be 'apply' or 'ignore', got ${String(options.bitMask)}`);
    }
    out.bitMask = options.bitMask;
  }
  const flags = ['textOnly', 'ignoreOffsetDiscrepancy', 'preferHeaderOffsets', 'allowDataSizeMismatch', 'ignoreBadNextData'] as const;
  for (const f of flags) {
    const v = options[f];
    if (v !== undefined) {
      if (typeof v !== 'boolean') {
        throw new TypeError(`${f} must be a boolean`);
      }
      out[f] = v;
    }
  }
  return r;
}
