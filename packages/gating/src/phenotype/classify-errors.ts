import { TamkitError } from '@tamkit/core';

/**
 * Stable codes of {@link ThresholdError}:
 * - `THRESHOLD_NO_EVENTS`: the control (or the sample) has no finite value inside its mask
 *   (context `{ source, eventCount, nonFinite }`).
 */
export type ThresholdErrorCode = 'THRESHOLD_NO_EVENTS';

/** Thrown when a positivity threshold cannot be derived from the values given. */
export class ThresholdError extends TamkitError {
  declare readonly code: ThresholdErrorCode;

  constructor(
    code: ThresholdErrorCode,
    message: string,
    context: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(code, message, context, options);
  }
}

/**
 * Stable codes of {@link ClassificationError}:
 * - `CLASSIFY_MISSING_COLUMN`: a panel marker has no column (context `{ marker, role, available }`).
 * - `CLASSIFY_MISSING_THRESHOLD`: a panel marker has no finite threshold
 *   (context `{ marker, role, threshold }`).
 * - `CLASSIFY_EMPTY_ROLE`: the panel lists no marker for a role (context `{ role }`).
 */
export type ClassificationErrorCode =
  | 'CLASSIFY_MISSING_COLUMN'
  | 'CLASSIFY_MISSING_THRESHOLD'
  | 'CLASSIFY_EMPTY_ROLE';

/** Thrown when M1/M2 classification cannot run on the columns, panel and thresholds given. */
export class ClassificationError extends TamkitError {
  declare readonly code: ClassificationErrorCode;

  constructor(
    code: ClassificationErrorCode,
    message: string,
    context: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(code, message, context, options);
  }
}
