import type { Column, Mask, TamkitWarning } from '@tamkit/core';
import { countCodes, PHENOTYPE_CLASSES, type Classification, type RolePanel } from './classification.js';
import { computeRoleCalls, resolveRoleRule, type RoleRuleOptions } from './role-rule.js';

/** A threshold-rule classification with the per-event multi-marker scores for plots. */
export interface RuleClassification extends Classification {
  readonly method: 'thresholdRule';
  /**
   * Per event: M1 score, M2 score and their difference (M1 − M2), in standardised excess units over
   * the thresholds (see {@link RoleRuleOptions.scales}); NaN for events with code 255.
   */
  readonly scores: {
    readonly m1: Float64Array;
    readonly m2: Float64Array;
    readonly difference: Float64Array;
  };
}

/**
 * Classifies each event of a parent population as M1-like, M2-like, double positive or double
 * negative from positivity thresholds on the display scale. A marker is positive when
 * `x >= threshold`; the markers of a role combine by the role rule (default: at least a majority of
 * the role's markers, `k-of-n` with ⌈n/2⌉), then M1 = M1 role positive and M2 role negative, M2 the
 * reverse, double_positive both, double_negative neither. With per-marker false-positive rate α
 * (0.5% for a 99.5th-percentile FMO cut-off) and independent markers, a role of n markers is falsely
 * positive with probability P(Binomial(n, α) ≥ k): see {@link roleFalsePositiveRate}.
 *
 * Warnings: `CLASSIFY_NON_FINITE` when parent events were excluded for a non-finite marker value.
 *
 * @param columns display-scale columns keyed like the panel's markers (channel name or label).
 * @param mask the parent gate, or null for every event.
 * @param thresholds per-marker cut-offs on the same scale (e.g. `thresholdFromControl(...).value`).
 * @throws {ClassificationError} `CLASSIFY_EMPTY_ROLE`, `CLASSIFY_MISSING_COLUMN`, `CLASSIFY_MISSING_THRESHOLD`.
 * @throws {RangeError} on unknown rule options or columns/mask of different lengths.
 * @example
 * const c = classifyByRules(
 *   { CD86: new Float64Array([3, 0, 3, 0]), CD206: new Float64Array([0, 3, 3, 0]) },
 *   null, { m1: ['CD86'], m2: ['CD206'] }, { CD86: 1, CD206: 1 },
 * );
 * c.codes; // Uint8Array [0, 1, 2, 3]: M1, M2, double_positive, double_negative
 */
export function classifyByRules(
  columns: Readonly<Record<string, Column>>,
  mask: Mask | null,
  panel: RolePanel,
  thresholds: Readonly<Record<string, number>>,
  options: RoleRuleOptions = {},
): RuleClassification {
  const rule = resolveRoleRule(options);
  const calls = computeRoleCalls(columns, mask, panel, thresholds, rule);
  const difference = new Float64Array(calls.codes.length);
  for (let i = 0; i < difference.length; i++) {
    difference[i] = calls.m1Score[i]! - calls.m2Score[i]!;
  }
  const warnings: TamkitWarning[] = [];
  if (calls.excluded > 0) {
    warnings.push({
      code: 'CLASSIFY_NON_FINITE',
      message: `${calls.excluded} of ${calls.parentCount} parent events have a non-finite marker value and were left unclassified (code 255)`,
      context: { excluded: calls.excluded, parentCount: calls.parentCount },
    });
  }
  const used: Record<string, number> = {};
  for (const marker of [...panel.m1, ...panel.m2]) {
    used[marker] = thresholds[marker]!;
  }
  return {
    classes: PHENOTYPE_CLASSES,
    codes: calls.codes,
    counts: countCodes(calls.codes),
    parentCount: calls.parentCount,
    excluded: calls.excluded,
    method: 'thresholdRule',
    params: {
      rule: rule.rule,
      k: rule.k,
      aggregate: rule.aggregate,
      scales: rule.scales,
      markersNeeded: calls.needed,
      panel: { m1: [...panel.m1], m2: [...panel.m2] },
      thresholds: used,
    },
    warnings,
    scores: { m1: calls.m1Score, m2: calls.m2Score, difference },
  };
}
