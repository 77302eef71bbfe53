/** Exit codes: 0 success, 1 usage error, 2 some input could not be processed, 3 internal error. */
export const EXIT = { ok: 0, usage: 1, inputFailed: 2, internal: 3 } as const;
