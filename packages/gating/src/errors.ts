import { TamkitError } from '@tamkit/core';

/**
 * A transform spec whose parameters fall outside the Gating-ML 2.0 ranges (section 6,
 * Transformations), or a transform that cannot be evaluated.
 *
 * Codes: `TRANSFORM_BAD_PARAMETER` (context `{ kind, parameter, value, expected }`),
 * `TRANSFORM_UNKNOWN_KIND` (context `{ kind }`), `TRANSFORM_NOT_CONVERGED` (context
 * `{ kind, value, iterations }`: a root finder ran out of iterations; it never returns a sentinel).
 */
export class TransformSpecError extends TamkitError {}

/**
 * Bad spillover data or a compensation that cannot be done.
 *
 * Codes: `COMP_CSV_EMPTY`, `COMP_CSV_HEADER`, `COMP_CSV_ROW_LENGTH`, `COMP_CSV_BAD_NUMBER`,
 * `COMP_CSV_ROW_COUNT` (context `{ source, line, column? }`, 1-based), `COMP_SINGULAR_MATRIX`
 * (context `{ source?, column }`), `COMP_MISSING_DETECTOR` (context `{ detector, available }`),
 * `COMP_BAD_MATRIX` (context `{ source, detectors, values }`).
 */
export class CompensationError extends TamkitError {}
