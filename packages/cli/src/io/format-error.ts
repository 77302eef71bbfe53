import { isTamkitError } from '@tamkit/core';

/**
 * One line describing why something failed: `CODE: message` for tamkit data errors, the system error
 * for file-system problems (`ENOENT: no such file ...`), never a stack trace.
 */
export function formatError(error: unknown): { code: string; message: string } {
  if (isTamkitError(error)) {
    return { code: error.code, message: error.message };
  }
  if (error instanceof Error) {
    const sys = (error as NodeJS.ErrnoException).code;
    if (typeof sys === 'string') {
      return { code: sys, message: error.message };
    }
    return { code: 'INTERNAL_ERROR', message: `${error.name}: ${error.message}` };
  }
  return { code: 'INTERNAL_ERROR', message: String(error) };
}

/** `file: CODE message`, on one line (newlines in the message folded). */
export function errorLine(file: string | null, error: unknown): string {
  const { code, message } = formatError(error);
  const flat = message.replace(/\s*\n\s*/g, ' ');
  return `${file ? `${file}: ` : ''}${code}: ${flat}`;
}
