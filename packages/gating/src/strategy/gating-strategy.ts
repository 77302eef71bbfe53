import type { SpilloverMatrix } from '@tamkit/fcs';
import type { GateSpec } from '../gates/gate-spec.js';
import type { TransformSpec } from '../transforms/transform-spec.js';

/**
 * A compensation matrix of a strategy: a spillover matrix S (rows = fluorochromes, columns =
 * `detectors`), with optional fluorochrome names (Gating-ML `spectrumMatrix`: gates may name a
 * fluorochrome instead of its detector) and `inverted: true` when `values` already hold S⁻¹
 * (Gating-ML `matrix-inverted-already`).
 */
export type CompensationMatrix = SpilloverMatrix & {
  readonly fluorochromes?: readonly string[];
  readonly inverted?: boolean;
};

/** One gate of a strategy. `parent` is the id of a gate or of a quadrant (a population id). */
export interface GateNode {
  readonly id: string;
  readonly parent?: string;
  /** Display name (Gating-ML `gating:name`), when different from the id. */
  readonly name?: string;
  readonly gate: GateSpec;
}

/**
 * A gating strategy: gates (a tree through `parent`, plus boolean operand references), the named
 * transforms and compensation matrices they refer to. Plain data, independent of any event data.
 * Reserved compensation refs: `uncompensated` and `FCS` (the data file's own spillover).
 */
export interface GatingStrategy {
  readonly transforms: Readonly<Record<string, TransformSpec>>;
  readonly matrices: Readonly<Record<string, CompensationMatrix>>;
  readonly gates: readonly GateNode[];
}

/** Reserved compensation reference: values as scaled, no compensation. */
export const UNCOMPENSATED = 'uncompensated';
/** Reserved compensation reference: the data file's own spillover matrix (uncompensated if none). */
export const FCS_COMPENSATION = 'FCS';
