import { TamkitError } from '@tamkit/core';

/** Stable codes of {@link TranswellBeadError}. */
export type TranswellBeadErrorCode = 'TRANSWELL_BEADS_NOT_FOUND' | 'TRANSWELL_BEADS_BAD_GATE' | 'TRANSWELL_BEADS_NO_CHANNEL';

/**
 * Thrown by {@link gateBeadsAndCells} when beads and cells cannot be told apart. Codes (stable):
 * `TRANSWELL_BEADS_NOT_FOUND` (no bright bead cluster on the bead channel(s): context
 * `{ channels, events }`), `TRANSWELL_BEADS_BAD_GATE` (a given gate that cannot be applied here:
 * `{ gate, kind }`), `TRANSWELL_BEADS_NO_CHANNEL` (no fluorescence or forward-scatter channel to
 * detect beads or debris on: `{ needed, available }`).
 */
export class TranswellBeadError extends TamkitError {
  declare readonly code: TranswellBeadErrorCode;
  constructor(code: TranswellBeadErrorCode, message: string, context: Readonly<Record<string, unknown>>, options?: { cause?: unknown }) {
    super(code, message, context, options);
  }
}
