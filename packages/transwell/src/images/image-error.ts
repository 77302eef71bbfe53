import { TamkitError } from '@tamkit/core';

/** Stable codes of {@link TranswellImageError}. */
export type TranswellImageErrorCode = 'TRANSWELL_IMAGE_UNDECODABLE' | 'TRANSWELL_IMAGE_UNSUPPORTED';

/**
 * Thrown when membrane image bytes cannot be decoded (`TRANSWELL_IMAGE_UNDECODABLE`) or decode to a
 * pixel format tamkit does not count (`TRANSWELL_IMAGE_UNSUPPORTED`, e.g. a 1-bit image).
 * `context.file` names the source.
 *
 * @example
 * try {
 *   decodeImage(bytes, 'A1.tif');
 * } catch (error) {
 *   if (error instanceof TranswellImageError) {
 *     error.code; // 'TRANSWELL_IMAGE_UNDECODABLE'
 *   }
 * }
 */
export class TranswellImageError extends TamkitError {
  declare readonly code: TranswellImageErrorCode;
  declare readonly context: Readonly<{ file: string; format?: string; detail?: string }>;

  constructor(
    code: TranswellImageErrorCode,
    message: string,
    context: { file: string; format?: string; detail?: string },
    options?: { cause?: unknown },
  ) {
    super(code, message, context, options);
  }
}
