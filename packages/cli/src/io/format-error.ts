import { basename } from 'node:path';
import { isTamkitError } from '@tamkit/core';
import { cliHint } from './fcs-options.js';

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

/**
 * `file: CODE: message`, on one line (newlines in the message folded). Library messages start with
 * the file's base name; that prefix is dropped so the line names the file once, by the path given.
 */
export function errorLine(file: string | null, error: unknown): string {
  const { code, message } = formatError(error);
  let flat = cliHint(message.replace(/\s*\n\s*/g, ' '));
  if (file && flat.startsWith(`${basename(file)}: `)) {
    flat = flat.slice(basename(file).length + 2);
  }
  return `${file ? `${file}: ` : ''}${code}: ${flat}`;
}
