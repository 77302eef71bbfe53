import { isTamkitError } from '@tamkit/core';

/** `{ code, message }` of a failure: the tamkit code, the system code (ENOENT...), or INTERNAL_ERROR. */
export function taskError(e: unknown): { code: string; message: string } {
  if (isTamkitError(e)) {
    return { code: e.code, message: e.message };
  }
  if (e instanceof Error) {
    const sys = (e as NodeJS.ErrnoException).code;
    return typeof sys === 'string' ? { code: sys, message: e.message } : { code: 'INTERNAL_ERROR', message: `${e.name}: ${e.message}` };
  }
  return { code: 'INTERNAL_ERROR', message: String(e) };
}
