import { TamkitError } from '@tamkit/core';

/**
 * Stable codes of {@link PanelError}:
 * - `PANEL_NOT_DETECTED`: no M1 and no M2 marker could be found among a file's channels.
 * - `PANEL_FILE_INVALID`: a panel file is not valid JSON/YAML or does not have the documented shape.
 * - `PANEL_ROLE_CONFLICT`: one marker is listed under two roles.
 */
export type PanelErrorCode = 'PANEL_NOT_DETECTED' | 'PANEL_FILE_INVALID' | 'PANEL_ROLE_CONFLICT';

/**
 * Thrown when the marker panel of a file cannot be determined or a panel file is malformed. `context`
 * names the place: the channels seen (`channels: [{ name, label }]`), or the panel file and the path
 * of the offending entry (`file`, `path`, `line`, `column`).
 */
export class PanelError extends TamkitError {
  declare readonly code: PanelErrorCode;

  constructor(
    code: PanelErrorCode,
    message: string,
    context: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(code, message, context, options);
  }
}
