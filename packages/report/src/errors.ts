import { TamkitError } from '@tamkit/core';

/** Stable codes of {@link ReportError}. */
export type ReportErrorCode =
  | 'REPORT_BAD_JSON'
  | 'REPORT_BAD_RESULT'
  | 'REPORT_UNKNOWN_KIND'
  | 'REPORT_BAD_IMAGE'
  | 'REPORT_DUPLICATE_ID';

/**
 * Thrown when a result file or a report document cannot be turned into a report. Codes (stable):
 * `REPORT_BAD_JSON` (a result file that is not JSON: context `{ source }`),
 * `REPORT_BAD_RESULT` (a result file that is not a tamkit result: context `{ source, path }`),
 * `REPORT_UNKNOWN_KIND` (a `kind` this version does not know: `{ source, kind }`),
 * `REPORT_BAD_IMAGE` (an image block whose source is not a PNG/JPEG data: URI: `{ block }`),
 * `REPORT_DUPLICATE_ID` (two sections with the same id: `{ section }`).
 */
export class ReportError extends TamkitError {
  declare readonly code: ReportErrorCode;
  constructor(code: ReportErrorCode, message: string, context: Readonly<Record<string, unknown>>, options?: { cause?: unknown }) {
    super(code, message, context, options);
  }
}
