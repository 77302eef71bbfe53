import { TamkitError } from '@tamkit/core';

/** Codes of {@link ExperimentError}. */
export type ExperimentErrorCode =
  | 'EXPERIMENT_YAML_SYNTAX'
  | 'EXPERIMENT_INVALID_FIELD'
  | 'EXPERIMENT_UNKNOWN_FIELD'
  | 'EXPERIMENT_MISSING_FIELD'
  | 'EXPERIMENT_NO_SAMPLES'
  | 'EXPERIMENT_NO_MATCH'
  | 'EXPERIMENT_DUPLICATE_SAMPLE'
  | 'EXPERIMENT_BAD_SHARD'
  | 'EXPERIMENT_MERGE_MISMATCH'
  | 'EXPERIMENT_MERGE_INCOMPLETE'
  | 'EXPERIMENT_BAD_PARTIAL';

/**
 * Bad experiment file, plan or partial result. Context names the place: `{ file, line, column, field }`
 * for experiment-file errors (line and column 1-based, `field` a dotted path such as `samples[2].role`),
 * `{ shard }` for shard specifications, `{ source, field }` for partial results.
 */
export class ExperimentError extends TamkitError {
  declare readonly code: ExperimentErrorCode;
  constructor(code: ExperimentErrorCode, message: string, context: Readonly<Record<string, unknown>>, options?: { cause?: unknown }) {
    super(code, message, context, options);
  }
}
