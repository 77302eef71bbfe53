import type { SpilloverMatrix } from './types.js';

/** FCS versions the writer can produce. 3.1 is the default; 3.0 and 2.0 exist for test fixtures. */
export type FcsWriteVersion = '3.1' | '3.0' | '2.0';

/** Bits per value for `$DATATYPE I`. */
export type FcsIntegerBits = 8 | 16 | 32;

/** Options of {@link writeFcs} and {@link writeFcsChunks}. Every field is optional. */
export interface FcsWriteOptions {
  /** FCS version written in the HEADER. Default '3.1'. */
  readonly version?: FcsWriteVersion;
  /** `$DATATYPE`: 'F' float32 (default), 'D' float64, 'I' unsigned integers of `bits` bits. */
  readonly dataType?: 'F' | 'D' | 'I';
  /** For 'I': bits per value, one width for every channel or one per channel. Default 16. */
  readonly bits?: FcsIntegerBits | readonly FcsIntegerBits[];
  /** `$BYTEORD`: 'little' writes `1,2,3,4` (default), 'big' writes `4,3,2,1`. */
  readonly byteOrder?: 'little' | 'big';
  /** The TEXT delimiter, one printable ASCII character other than a space. Default '/'. */
  readonly delimiter?: string;
  /** Extra keywords written after the required ones (names as given; values verbatim, non-empty). */
  readonly keywords?: Readonly<Record<string, string>>;
  /**
   * Written as `$SPILLOVER` (3.1) or `SPILL` (3.0/2.0, where `$SPILLOVER` is not defined);
   * its detectors must be channel names of the table.
   */
  readonly spillover?: SpilloverMatrix | null;
  /** Events per DATA chunk yielded by {@link writeFcsChunks}. Default 65536. */
  readonly chunkEvents?: number;
}

/** {@link FcsWriteOptions} with every field defined. */
export interface ResolvedFcsWriteOptions {
  readonly version: FcsWriteVersion;
  readonly dataType: 'F' | 'D' | 'I';
  /** One width per channel (bytes = bits / 8): 32 for F, 64 for D. */
  readonly bits: readonly number[];
  readonly byteOrder: 'little' | 'big';
  readonly delimiter: string;
  readonly keywords: Readonly<Record<string, string>>;
  readonly spillover: SpilloverMatrix | null;
  readonly chunkEvents: number;
}

/** Defaults of {@link FcsWriteOptions}. */
export const FCS_WRITE_DEFAULTS: {
  readonly version: FcsWriteVersion;
  readonly dataType: 'F';
  readonly integerBits: FcsIntegerBits;
  readonly byteOrder: 'little';
  readonly delimiter: string;
  readonly chunkEvents: number;
} = {
  version: '3.1',
  dataType: 'F',
  integerBits: 16,
  byteOrder: 'little',
  delimiter: '/',
  chunkEvents: 65536,
};

/**
 * Fills defaults and checks option values.
 * @throws {TypeError} on an unknown version, data type, byte order, width or a bad delimiter.
 */
export function resolveWriteOptions(
  channelCount: number,
  options: FcsWriteOptions = {},
): ResolvedFcsWriteOptions {
  const version = options.version ?? FCS_WRITE_DEFAULTS.version;
  if (version !== '3.1' && version !== '3.0' && version !== '2.0') {
    throw new TypeError(`version must be '3.1', '3.0' or '2.0', got '${String(version)}'`);
  }
  const dataType = options.dataType ?? FCS_WRITE_DEFAULTS.dataType;
  if (dataType !== 'F' && dataType !== 'D' && dataType !== 'I') {
    throw new TypeError(`dataType must be 'F', 'D' or 'I', got '${String(dataType)}'`);
  }
  const byteOrder = options.byteOrder ?? FCS_WRITE_DEFAULTS.byteOrder;
  if (byteOrder !== 'little' && byteOrder !== 'big') {
    throw new TypeError(`byteOrder must be 'little' or 'big', got '${String(byteOrder)}'`);
  }
  const delimiter = options.delimiter ?? FCS_WRITE_DEFAULTS.delimiter;
  const code = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || !(code > 32 && code < 127)) {
    throw new TypeError(`delimiter must be one printable ASCII character, got '${delimiter}'`);
  }
  const chunkEvents = options.chunkEvents ?? FCS_WRITE_DEFAULTS.chunkEvents;
  if (!Number.isSafeInteger(chunkEvents) || chunkEvents < 1) {
    throw new RangeError(`chunkEvents must be a positive integer, got ${chunkEvents}`);
  }
  return {
    version,
    dataType,
    bits: resolveBits(dataType, channelCount, options.bits),
    byteOrder,
    delimiter,
    keywords: options.keywords ?? {},
    spillover: options.spillover ?? null,
    chunkEvents,
  };
}

function resolveBits(
  dataType: 'F' | 'D' | 'I',
  channelCount: number,
  bits: FcsIntegerBits | readonly FcsIntegerBits[] | undefined,
): number[] {
  if (dataType !== 'I') {
    if (bits !== undefined) {
      throw new TypeError(`bits applies to dataType 'I' only, got dataType '${dataType}'`);
    }
    return new Array<number>(channelCount).fill(dataType === 'F' ? 32 : 64);
  }
  const list =
    typeof bits === 'object'
      ? [...bits]
      : new Array<number>(channelCount).fill(bits ?? FCS_WRITE_DEFAULTS.integerBits);
  if (list.length !== channelCount) {
    throw new TypeError(`bits lists ${list.length} widths for ${channelCount} channels`);
  }
  for (const b of list) {
    if (b !== 8 && b !== 16 && b !== 32) {
      throw new TypeError(`bits must be 8, 16 or 32, got ${String(b)}`);
    }
  }
  return list;
}
