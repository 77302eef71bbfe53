import type { Column, Mask } from '@tamkit/core';
import { classCode, NOT_CLASSIFIED, type RolePanel } from './classification.js';
import { ClassificationError } from './classify-errors.js';

/**
 * How the markers of one role (M1 or M2) combine into a positive/negative role call:
 * - `any`: at least one marker ≥ its threshold;
 * - `all`: every marker ≥ its threshold;
 * - `k-of-n`: at least k markers ≥ their thresholds;
 * - `score`: the role score (mean or max of the standardised excesses (x − t) / scale) is ≥ 0.
 */
export type RoleRule = 'any' | 'all' | 'k-of-n' | 'score';

/** Options of the role rule shared by {@link classifyByRules} and {@link annotateClusters}. */
export interface RoleRuleOptions {
  /** Default `'k-of-n'` with `k: 'majority'`; see docs/phenotyping-methods.md for the error rates. */
  readonly rule?: RoleRule;
  /**
   * For `k-of-n`: markers needed per role, capped at the role's marker count, or `'majority'`
   * (default): ⌈n / 2⌉, i.e. 1 of 1, 1 of 2, 2 of 3, 2 of 4, 3 of 5.
   */
  readonly k?: number | 'majority';
  /** For `score`: `'mean'` (default) or `'max'` of the standardised excesses of a role's markers. */
  readonly aggregate?: 'mean' | 'max';
  /**
   * Per-marker scale dividing the excess over the threshold (display units), e.g. the FMO control's
   * robust SD; a marker without an entry uses 1. Used by the scores (and so by the `score` rule).
   */
  readonly scales?: Readonly<Record<string, number>>;
}

/** Defaults of {@link RoleRuleOptions}. */
export const ROLE_RULE_DEFAULTS: Readonly<Required<RoleRuleOptions>> = {
  rule: 'k-of-n',
  k: 'majority',
  aggregate: 'mean',
  scales: {},
};

/** Role rule with every option defined. */
export type ResolvedRoleRule = Required<RoleRuleOptions>;

/** Fills in the defaults of a role rule. @throws {RangeError} on an unknown rule or a bad k/scale. */
export function resolveRoleRule(options: RoleRuleOptions = {}): ResolvedRoleRule {
  const r = { ...ROLE_RULE_DEFAULTS, ...options };
  if (!['any', 'all', 'k-of-n', 'score'].includes(r.rule)) {
    throw new RangeError(`rule must be 'any', 'all', 'k-of-n' or 'score', got '${String(r.rule)}'`);
  }
  if (r.k !== 'majority' && !(Number.isInteger(r.k) && r.k >= 1)) {
    throw new RangeError(`k must be a positive integer or 'majority', got ${String(r.k)}`);
  }
  if (r.aggregate !== 'mean' && r.aggregate !== 'max') {
    throw new RangeError(`aggregate must be 'mean' or 'max', got '${String(r.aggregate)}'`);
  }
  for (const [marker, s] of Object.entries(r.scales)) {
    if (!(s > 0 && Number.isFinite(s))) {
      throw new RangeError(`scale of '${marker}' must be positive and finite, got ${s}`);
    }
  }
  return r;
}

/** Markers needed for a positive role call under the rule (for `score`: NaN, not a count). */
export function markersNeeded(rule: ResolvedRoleRule, markerCount: number): number {
  switch (rule.rule) {
    case 'any':
      return 1;
    case 'all':
      return markerCount;
    case 'k-of-n':
      return rule.k === 'majority' ? Math.ceil(markerCount / 2) : Math.min(rule.k, markerCount);
    case 'score':
      return Number.NaN;
  }
}

/** Output of {@link computeRoleCalls}. */
export interface RoleCalls {
  /** Class codes (0..3, 255 outside the mask or with a non-finite marker value). */
  readonly codes: Uint8Array;
  /** Per-event role scores (NaN for code 255). */
  readonly m1Score: Float64Array;
  readonly m2Score: Float64Array;
  readonly parentCount: number;
  readonly excluded: number;
  /** Markers needed per role (NaN for the score rule). */
  readonly needed: { readonly m1: number; readonly m2: number };
}

function roleColumns(
  role: 'm1' | 'm2',
  markers: readonly string[],
  columns: Readonly<Record<string, Column>>,
  thresholds: Readonly<Record<string, number>>,
): { column: Column; threshold: number; marker: string }[] {
  if (markers.length === 0) {
    throw new ClassificationError('CLASSIFY_EMPTY_ROLE', `panel lists no ${role.toUpperCase()} marker; expected at least one`, { role });
  }
  return markers.map((marker) => {
    const column = Object.hasOwn(columns, marker) ? columns[marker] : undefined;
    if (column === undefined) {
      const available = Object.keys(columns);
      throw new ClassificationError(
        'CLASSIFY_MISSING_COLUMN',
        `no column for ${role.toUpperCase()} marker '${marker}'; available: ${available.join(', ') || '(none)'}`,
        { marker, role, available },
      );
    }
    const threshold = Object.hasOwn(thresholds, marker) ? thresholds[marker] : undefined;
    if (threshold === undefined || !Number.isFinite(threshold)) {
      throw new ClassificationError(
        'CLASSIFY_MISSING_THRESHOLD',
        `${role.toUpperCase()} marker '${marker}' has threshold ${String(threshold)}; expected a finite number (derive one with thresholdFromControl)`,
        { marker, role, threshold: threshold ?? null },
      );
    }
    return { column, threshold, marker };
  });
}

function accumulateRole(
  parts: { column: Column; threshold: number; marker: string }[],
  rule: ResolvedRoleRule,
  mask: Mask | null,
  bad: Uint8Array,
): { positives: Uint8Array; score: Float64Array } {
  const n = bad.length;
  const positives = new Uint8Array(n);
  const score = new Float64Array(n).fill(rule.aggregate === 'max' ? Number.NEGATIVE_INFINITY : 0);
  const weight = 1 / parts.length;
  for (const { column, threshold, marker } of parts) {
    if (column.length !== n) {
      throw new RangeError(`column '${marker}' has ${column.length} events, expected ${n}`);
    }
    const inv = 1 / (Object.hasOwn(rule.scales, marker) ? rule.scales[marker]! : 1);
    for (let i = 0; i < n; i++) {
      if (mask !== null && mask[i] !== 1) {
        continue;
      }
      const v = column[i]!;
      if (!Number.isFinite(v)) {
        bad[i] = 1;
        continue;
      }
      if (v >= threshold) {
        positives[i]!++;
      }
      const z = (v - threshold) * inv;
      score[i] = rule.aggregate === 'max' ? Math.max(score[i]!, z) : score[i]! + z * weight;
    }
  }
  return { positives, score };
}

/**
 * Role calls and class codes for every event of `mask`: per role the count of positive markers
 * (x ≥ threshold) and the role score, then the class (M1 = M1 role positive and M2 role negative,
 * M2 the reverse, double_positive both, double_negative neither). Columnar, O(events × markers).
 * Events with a non-finite value in any panel marker get code 255 and count as `excluded`.
 *
 * @throws {ClassificationError} `CLASSIFY_EMPTY_ROLE`, `CLASSIFY_MISSING_COLUMN`, `CLASSIFY_MISSING_THRESHOLD`.
 * @throws {RangeError} when column or mask lengths differ.
 */
export function computeRoleCalls(
  columns: Readonly<Record<string, Column>>,
  mask: Mask | null,
  panel: RolePanel,
  thresholds: Readonly<Record<string, number>>,
  rule: ResolvedRoleRule,
): RoleCalls {
  const m1Parts = roleColumns('m1', panel.m1, columns, thresholds);
  const m2Parts = roleColumns('m2', panel.m2, columns, thresholds);
  const n = m1Parts[0]!.column.length;
  if (mask !== null && mask.length !== n) {
    throw new RangeError(`mask has ${mask.length} events, expected ${n}`);
  }
  const bad = new Uint8Array(n);
  const m1 = accumulateRole(m1Parts, rule, mask, bad);
  const m2 = accumulateRole(m2Parts, rule, mask, bad);
  const needed = { m1: markersNeeded(rule, m1Parts.length), m2: markersNeeded(rule, m2Parts.length) };
  const codes = new Uint8Array(n).fill(NOT_CLASSIFIED);
  let parentCount = 0;
  let excluded = 0;
  for (let i = 0; i < n; i++) {
    if (mask !== null && mask[i] !== 1) {
      m1.score[i] = Number.NaN;
      m2.score[i] = Number.NaN;
      continue;
    }
    parentCount++;
    if (bad[i] === 1) {
      excluded++;
      m1.score[i] = Number.NaN;
      m2.score[i] = Number.NaN;
      continue;
    }
    const p1 = rule.rule === 'score' ? m1.score[i]! >= 0 : m1.positives[i]! >= needed.m1;
    const p2 = rule.rule === 'score' ? m2.score[i]! >= 0 : m2.positives[i]! >= needed.m2;
    codes[i] = classCode(p1, p2);
  }
  return { codes, m1Score: m1.score, m2Score: m2.score, parentCount, excluded, needed };
}
