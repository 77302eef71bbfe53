import { TamkitError } from '@tamkit/core';

/**
 * Stable codes of {@link PhenotypePipelineError}:
 * - `PHENOTYPE_UNKNOWN_CONTROL`: an FMO control is given for a marker that is not an M1 or M2 marker
 *   of the panel (context `{ marker, available }`).
 */
export type PhenotypePipelineErrorCode = 'PHENOTYPE_UNKNOWN_CONTROL';

/**
 * Thrown when the inputs of `phenotypeSample` do not fit together.
 *
 * @example
 * phenotypeSample(input, { seed: 1, controls: { fmo: { CD3: table } } }); // throws PHENOTYPE_UNKNOWN_CONTROL
 */
export class PhenotypePipelineError extends TamkitError {
  declare readonly code: PhenotypePipelineErrorCode;

  constructor(
    code: PhenotypePipelineErrorCode,
    message: string,
    context: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(code, message, context, options);
  }
}
