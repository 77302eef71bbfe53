import { TamkitError } from '@tamkit/core';

/**
 * A transform spec whose parameters fall outside the Gating-ML 2.0 ranges (section 6,
 * Transformations), or a transform that cannot be evaluated.
 *
 * Codes: `TRANSFORM_BAD_PARAMETER` (context `{ kind, parameter, value, expected }`),
 * `TRANSFORM_UNKNOWN_KIND` (context `{ kind }`), `TRANSFORM_NOT_CONVERGED` (context
 * `{ kind, value, iterations }`: a root finder ran out of iterations; it never returns a sentinel).
 */
export class TransformSpecError extends TamkitError {}

/**
 * Bad spillover data or a compensation that cannot be done.
 *
 * Codes: `COMP_CSV_EMPTY`, `COMP_CSV_HEADER`, `COMP_CSV_ROW_LENGTH`, `COMP_CSV_BAD_NUMBER`,
 * `COMP_CSV_ROW_COUNT` (context `{ file, line, column? }`, 1-based), `COMP_SINGULAR_MATRIX`
 * (context `{ column }` from `invertMatrix`, plus `{ source, detector }` from `compensate`),
 * `COMP_MISSING_DETECTOR` (context `{ detector, available, source, fluorochrome? }`),
 * `COMP_BAD_MATRIX` (a wrong-sized matrix, a repeated detector or a non-finite entry; context
 * `{ source, detectors, values? }` or `{ row, column }`).
 */
export class CompensationError extends TamkitError {}

/**
 * A gate spec that is not valid data. Code `GATE_SPEC_INVALID`, context `{ gateId, path }` where
 * `path` is the dotted location of the offending field inside the gate (e.g. `vertices[2][0]`).
 */
export class GateSpecError extends TamkitError {
  constructor(message: string, context: { readonly gateId: string; readonly path: string }) {
    super('GATE_SPEC_INVALID', message, context);
  }
}

/**
 * A gating strategy whose gates do not form a valid tree. Codes: `STRATEGY_DUPLICATE_ID`,
 * `STRATEGY_UNKNOWN_PARENT`, `STRATEGY_UNKNOWN_OPERAND`, `STRATEGY_UNKNOWN_TRANSFORM`,
 * `STRATEGY_UNKNOWN_MATRIX`, `STRATEGY_CYCLE` (context `{ gateId, ref?, cycle? }`),
 * `STRATEGY_UNKNOWN_CHANNEL` (context `{ gateId, channel, available }`, at evaluation).
 */
export class StrategyError extends TamkitError {}

/**
 * A Gating-ML 2.0 document that cannot be imported, or a strategy Gating-ML cannot express.
 * Codes: `GATINGML_MALFORMED_XML`, `GATINGML_NOT_GATINGML`, `GATINGML_UNEXPECTED_ELEMENT`,
 * `GATINGML_MISSING`, `GATINGML_BAD_NUMBER`, `GATINGML_INVALID`, `GATINGML_UNSUPPORTED`; context
 * `{ source, element, gateId?, attribute?, ref? }` (`element` is the qualified XML name, `line` when
 * known, `ref` the id of the transformation or matrix at fault).
 */
export class GatingMLError extends TamkitError {}

/**
 * A tamkit gating file (JSON or YAML) that cannot be read. Codes: `GATING_FILE_SYNTAX`,
 * `GATING_FILE_INVALID`; context `{ source, field, line?, column? }` (1-based line and column).
 */
export class GatingFileError extends TamkitError {}
