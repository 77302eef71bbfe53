import type { EventTable, TamkitWarning } from '@tamkit/core';

/** FCS versions this package reads. */
export type FcsVersion = 'FCS2.0' | 'FCS3.0' | 'FCS3.1' | 'FCS3.2';

/** $DATATYPE: integer, float32, float64 or ASCII. */
export type FcsDataType = 'I' | 'F' | 'D' | 'A';

/**
 * Keywords of one data set. Keys are trimmed and upper-cased (`$TOT`, `$P1N`, `SPILL`); values are
 * verbatim (untrimmed). Use {@link getKeyword}/{@link requireKeyword} for case-insensitive lookup.
 */
export type FcsKeywords = Readonly<Record<string, string>>;

/** A [begin, end] byte-offset pair (inclusive, as FCS writes them), relative to the data set start. */
export type FcsSegment = readonly [begin: number, end: number];

/** One parameter ($Pn*) of a data set, decoded from its keywords. */
export interface FcsParameter {
  /** 1-based $Pn number, as in the file. */
  readonly n: number;
  /** $PnN. */
  readonly name: string;
  /** $PnS, '' when absent. */
  readonly label: string;
  /** $PnB: bits per value (8, 10, 16, 24, 32, 64), or 0 for delimited ASCII ('*'). */
  readonly bits: number;
  /** $PnR. */
  readonly range: number;
  /** $PnE as [decades, offset]; [0, 0] for linear. */
  readonly amplification: readonly [number, number];
  /** $PnG, 1 when absent. */
  readonly gain: number;
  /** For $DATATYPE I: the mask applied to stored values (nextpow2($PnR) - 1), or null when none applies. */
  readonly bitMask: number | null;
  /** How the values are stored: `$PnDATATYPE` (FCS 3.2) when present, else `$DATATYPE`. */
  readonly dataType: FcsDataType;
}

/** A spillover matrix: rows = fluorochromes (sources), columns = detectors; observed = true · S. */
export interface SpilloverMatrix {
  /** Detector $PnN names, in matrix column order. */
  readonly detectors: readonly string[];
  /** n×n values, row-major. */
  readonly values: Float64Array;
  /** Where it came from: a keyword ('$SPILLOVER', '$SPILL', 'SPILL', '$COMP'), 'csv' or 'gatingml'. */
  readonly source: string;
}

/** Everything read from one data set (one HEADER/TEXT/DATA group) of an FCS file. */
export interface FcsDataset {
  readonly version: FcsVersion;
  /** Byte offset of this data set's HEADER in the file (0 for the first). */
  readonly offset: number;
  readonly segments: {
    readonly text: FcsSegment;
    /** The DATA segment actually used (after resolving HEADER/TEXT disagreements). */
    readonly data: FcsSegment | null;
    readonly analysis: FcsSegment | null;
    readonly supplementalText: FcsSegment | null;
  };
  /** The TEXT delimiter character. */
  readonly delimiter: string;
  /** Primary and supplemental TEXT keywords. */
  readonly keywords: FcsKeywords;
  readonly parameters: readonly FcsParameter[];
  readonly dataType: FcsDataType;
  /** $BYTEORD as written, e.g. '1,2,3,4'. */
  readonly byteOrder: string;
  /** Events decoded ($TOT, or the subsample size when subsampling). */
  readonly eventCount: number;
  /**
   * Stored values (integer bit mask applied unless `bitMask: 'ignore'`), float32 columns for
   * I (<= 24 bits) and F, float64 for D and wider integers. `stage` is 'raw'. Empty (0 events,
   * no columns decoded) when parsed with `textOnly`.
   */
  readonly table: EventTable;
  /** When subsampled: the event positions (0-based, ascending) the table rows come from. */
  readonly eventIndex?: Uint32Array;
  readonly spillover: SpilloverMatrix | null;
  readonly warnings: readonly TamkitWarning[];
}

/** A whole FCS file: every data set chained by $NEXTDATA, in file order. */
export interface FcsFile {
  readonly datasets: readonly FcsDataset[];
  /** Warnings of all data sets, plus file-level ones. */
  readonly warnings: readonly TamkitWarning[];
}

/**
 * Random access to the bytes of an FCS file. The reader asks only for the ranges it needs (HEADER,
 * TEXT, supplemental TEXT, DATA in chunks), so a file never has to be held in memory twice.
 * `read` returns exactly `length` bytes (it may return a view that is only valid until the next call).
 */
export interface ByteSource {
  /** Total size in bytes. */
  readonly size: number;
  /** The bytes [offset, offset + length); the caller guarantees the range lies inside `size`. */
  read(offset: number, length: number): Uint8Array;
}

/** Options of {@link parseFcs}/{@link parseFcsSource}. Every leniency defaults to false and warns when used. */
export interface FcsParseOptions {
  /** Name used in messages and error context (e.g. the file name). */
  readonly sourceName?: string;
  /** 'all' (default) reads every data set chained by $NEXTDATA; a number reads only that 0-based data set. */
  readonly dataset?: 'all' | number;
  /** Read HEADER and TEXT only (no DATA decode): tables are empty; the metadata fast path. */
  readonly textOnly?: boolean;
  /** Decode only a seeded random subsample of `count` events (positions in `eventIndex`). */
  readonly subsample?: { readonly count: number; readonly seed: number };
  /** 'apply' (default): mask integer values with nextpow2($PnR) - 1; 'ignore': keep stored values. */
  readonly bitMask?: 'apply' | 'ignore';
  /** When HEADER and TEXT DATA offsets disagree, use TEXT ($BEGINDATA/$ENDDATA) without validating. */
  readonly ignoreOffsetDiscrepancy?: boolean;
  /** When HEADER and TEXT DATA offsets disagree, use HEADER without validating. */
  readonly preferHeaderOffsets?: boolean;
  /** Accept a DATA segment whose length is not $TOT × bytes-per-event (or truncated): read the whole events present. */
  readonly allowDataSizeMismatch?: boolean;
  /** Accept $NEXTDATA pointing backwards or outside the file: stop reading data sets there. */
  readonly ignoreBadNextData?: boolean;
}
