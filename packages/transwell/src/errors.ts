import { TamkitError } from '@tamkit/core';

/** Where a count-table error was found: the source name, the 1-based line and the 1-based column. */
export interface TranswellCsvContext {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Normalised header of the column, when the column is known. */
  readonly header?: string;
  readonly [key: string]: unknown;
}

/**
 * Thrown by {@link parseCountTable} for a malformed count table. Codes (stable):
 * `TRANSWELL_CSV_EMPTY`, `TRANSWELL_CSV_MALFORMED`, `TRANSWELL_CSV_MISSING_COLUMN`,
 * `TRANSWELL_CSV_DUPLICATE_COLUMN`, `TRANSWELL_CSV_MISSING_VALUE`, `TRANSWELL_CSV_BAD_COUNT`,
 * `TRANSWELL_CSV_BAD_NUMBER`, `TRANSWELL_CSV_DUPLICATE_ROW`, `TRANSWELL_CSV_FORMAT`.
 */
export class TranswellCsvError extends TamkitError {
  declare readonly context: TranswellCsvContext;
  constructor(code: string, message: string, context: TranswellCsvContext, options?: { cause?: unknown }) {
    super(code, message, context, options);
  }
}

/**
 * Thrown when count records cannot give the requested readout or test (an unresolved image record,
 * a named control condition that does not exist, too few values for a test). Codes (stable):
 * `TRANSWELL_UNRESOLVED_IMAGE`, `TRANSWELL_UNKNOWN_CONDITION`, `TRANSWELL_MISSING_EXPERIMENT`,
 * `TRANSWELL_TOO_FEW_VALUES`, `TRANSWELL_CONSTANT_DATA`, `TRANSWELL_ZERO_BEADS`, `TRANSWELL_BAD_AREA`.
 */
export class TranswellDataError extends TamkitError {}

/**
 * Thrown by {@link fit4pl} when a dose-response curve cannot be fitted. Codes (stable):
 * `DOSE_RESPONSE_TOO_FEW_DOSES`, `DOSE_RESPONSE_NOT_CONVERGED`, `DOSE_RESPONSE_BAD_VALUE`.
 */
export class DoseResponseError extends TamkitError {}
