import { TamkitError } from '@tamkit/core';

/**
 * Stable codes of {@link ClusterError}:
 * - `CLUSTER_TOO_FEW_EVENTS`: fewer usable events (in the mask, all values finite) than clusters
 *   requested (context `{ k, events, excluded }`).
 */
export type ClusterErrorCode = 'CLUSTER_TOO_FEW_EVENTS';

/** Thrown when clustering cannot run on the events given. */
export class ClusterError extends TamkitError {
  declare readonly code: ClusterErrorCode;

  constructor(
    code: ClusterErrorCode,
    message: string,
    context: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(code, message, context, options);
  }
}
