/**
 * Alternative hypothesis of a two-sample test: `'two-sided'` (means / distributions differ),
 * `'less'` (x below y), `'greater'` (x above y).
 */
export type Alternative = 'two-sided' | 'less' | 'greater';

/** Named group of values for multi-group tests. */
export interface Group {
  readonly name: string;
  readonly values: readonly number[];
}

/** Checks an alternative string (programmer error otherwise). */
export function checkAlternative(alternative: string): Alternative {
  if (alternative !== 'two-sided' && alternative !== 'less' && alternative !== 'greater') {
    throw new TypeError(`alternative must be 'two-sided', 'less' or 'greater', got '${alternative}'`);
  }
  return alternative;
}
