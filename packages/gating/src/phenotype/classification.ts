import type { TamkitWarning } from '@tamkit/core';

/** The four phenotype classes, in code order: `codes[i]` indexes this list. */
export const PHENOTYPE_CLASSES = ['M1', 'M2', 'double_positive', 'double_negative'] as const;

/** One of {@link PHENOTYPE_CLASSES}. */
export type PhenotypeClass = (typeof PHENOTYPE_CLASSES)[number];

/** Code of events outside the parent population (or not classifiable: a non-finite marker value). */
export const NOT_CLASSIFIED = 255;

/**
 * The markers of each role: column keys (channel names or marker labels, as long as the columns and
 * thresholds use the same keys). Structurally compatible with the roles of a detected panel.
 */
export interface RolePanel {
  readonly m1: readonly string[];
  readonly m2: readonly string[];
}

/**
 * A categorical result over the events of a table: `codes[i]` indexes `classes`, 255 means "not in
 * the parent population" (or excluded for a non-finite marker value). A classification is a result,
 * separate from the rule or clustering that produced it; `method` and `params` record that.
 */
export interface Classification {
  readonly classes: readonly PhenotypeClass[];
  readonly codes: Uint8Array;
  /** Events per class; they sum to the classified events (`parentCount − excluded`). */
  readonly counts: Readonly<Record<PhenotypeClass, number>>;
  /** Events in the parent population (the mask), including excluded ones. */
  readonly parentCount: number;
  /** Parent events left unclassified (code 255) because a marker value was not finite. */
  readonly excluded: number;
  readonly method: 'thresholdRule' | 'kmeans';
  readonly params: Readonly<Record<string, unknown>>;
  /** Seed of every random step, when the method has one. */
  readonly seed?: number;
  readonly warnings: readonly TamkitWarning[];
}

/**
 * Class code from the two role calls: M1 = M1 role positive and M2 role negative, M2 = the reverse,
 * double_positive = both, double_negative = neither.
 */
export function classCode(m1Positive: boolean, m2Positive: boolean): number {
  if (m1Positive) {
    return m2Positive ? 2 : 0;
  }
  return m2Positive ? 1 : 3;
}

/** Events per class code (codes 0..3; 255 is skipped). */
export function countCodes(codes: Uint8Array): Record<PhenotypeClass, number> {
  const n = [0, 0, 0, 0];
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c < 4) {
      n[c]!++;
    }
  }
  return { M1: n[0]!, M2: n[1]!, double_positive: n[2]!, double_negative: n[3]! };
}
