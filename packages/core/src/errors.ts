/**
 * Base class of every data error tamkit throws. `code` is stable (SCREAMING_SNAKE, never changed once
 * released); `context` names the place (file, byte offset, keyword, line, gate id) so that callers and
 * the CLI can report it without parsing the message.
 *
 * Programmer errors (bad arguments) throw `TypeError`/`RangeError` instead.
 */
export class TamkitError extends Error {
  readonly code: string;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    message: string,
    context: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = code;
    this.context = context;
    this.name = new.target.name;
  }
}

/** A tolerated defect or a caveat, returned as data (never printed by library code). */
export interface TamkitWarning {
  /** Stable SCREAMING_SNAKE code. */
  readonly code: string;
  readonly message: string;
  /** Byte offset where the defect was found, when it has one. */
  readonly offset?: number;
  readonly context?: Readonly<Record<string, unknown>>;
}

/** Thrown when a channel name or marker label does not exist in a table. */
export class UnknownChannelError extends TamkitError {
  constructor(requested: string, available: readonly string[]) {
    super(
      'UNKNOWN_CHANNEL',
      `no channel named '${requested}'; available: ${available.join(', ') || '(none)'}`,
      { requested, available },
    );
  }
}

/** True when `value` is a TamkitError (also across package copies, by duck typing on `code`). */
export function isTamkitError(value: unknown): value is TamkitError {
  return (
    value instanceof TamkitError ||
    (value instanceof Error &&
      typeof (value as { code?: unknown }).code === 'string' &&
      typeof (value as { context?: unknown }).context === 'object')
  );
}
