import { TamkitError } from '@tamkit/core';

/** The FCS segment a parse error was found in. */
export type FcsSegmentName = 'HEADER' | 'TEXT' | 'DATA' | 'ANALYSIS';

/** Where an FCS parse error was found. `offset` is an absolute byte offset in the file. */
export interface FcsParseErrorContext {
  readonly file?: string;
  readonly segment: FcsSegmentName;
  readonly offset: number;
  readonly keyword?: string;
  readonly [extra: string]: unknown;
}

/**
 * Bad bytes in an FCS file: not FCS, truncated, offsets outside the file, sizes that disagree,
 * unsupported layouts. Codes (stable): `FCS_NOT_FCS`, `FCS_UNSUPPORTED_VERSION`, `FCS_BAD_HEADER`,
 * `FCS_TRUNCATED`, `FCS_OFFSET_OUT_OF_RANGE`, `FCS_OFFSET_DISCREPANCY`, `FCS_DATA_SIZE_MISMATCH`,
 * `FCS_NEXTDATA_LOOP`, `FCS_BAD_TEXT`, `FCS_UNSUPPORTED_MODE`, `FCS_UNSUPPORTED_DATATYPE`,
 * `FCS_UNSUPPORTED_BYTEORD`, `FCS_UNSUPPORTED_WIDTH`, `FCS_BAD_ASCII_VALUE`, `FCS_DATASET_NOT_FOUND`
 * (see docs/fcs-support.md).
 *
 * @example
 * try { parseFcs(bytes); } catch (e) { if (e instanceof FcsParseError) e.context.offset; }
 */
export class FcsParseError extends TamkitError {
  declare readonly context: Readonly<FcsParseErrorContext>;

  constructor(code: string, message: string, context: FcsParseErrorContext, options?: { cause?: unknown }) {
    super(code, message, context, options);
  }
}

/** Where a keyword error was found. */
export interface FcsKeywordErrorContext {
  readonly file?: string;
  readonly keyword: string;
  readonly value?: string;
  readonly [extra: string]: unknown;
}

/**
 * A keyword is missing or its value cannot be used. Codes (stable): `FCS_MISSING_KEYWORD`,
 * `FCS_BAD_KEYWORD_VALUE`, `FCS_BAD_SPILLOVER`.
 *
 * @example
 * requireKeyword({}, '$TOT'); // throws FcsKeywordError, code FCS_MISSING_KEYWORD
 */
export class FcsKeywordError extends TamkitError {
  declare readonly context: Readonly<FcsKeywordErrorContext>;

  constructor(code: string, message: string, context: FcsKeywordErrorContext, options?: { cause?: unknown }) {
    super(code, message, context, options);
  }
}

/** Prefix for messages: `name: ` when a source name is known. */
export function filePrefix(file: string | undefined): string {
  return file ? `${file}: ` : '';
}
