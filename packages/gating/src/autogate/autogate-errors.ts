import { TamkitError } from '@tamkit/core';

/**
 * Stable codes of {@link AutogateError}:
 * - `AUTOGATE_MISSING_CHANNEL`: a channel the pre-gates need (FSC-A, SSC-A, FSC-H/FSC-W) is not in
 *   the table (context `{ gateId, channel, available }`).
 * - `AUTOGATE_TOO_FEW_EVENTS`: a parent population has too few events to fit the next gate (context
 *   `{ gateId, eventCount, minimum }`).
 */
export type AutogateErrorCode = 'AUTOGATE_MISSING_CHANNEL' | 'AUTOGATE_TOO_FEW_EVENTS';

/**
 * Thrown when an automated pre-gate cannot be fitted to the data.
 *
 * @example
 * try { findScatterChannels(table); } catch (e) { if (e instanceof AutogateError) e.context.available; }
 */
export class AutogateError extends TamkitError {
  declare readonly code: AutogateErrorCode;

  constructor(
    code: AutogateErrorCode,
    message: string,
    context: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(code, message, context, options);
  }
}
