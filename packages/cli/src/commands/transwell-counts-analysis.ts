import type { TamkitWarning } from '@tamkit/core';
import {
  doseResponsePoints,
  dunnettTest,
  fit4pl,
  gamesHowell,
  holmAdjust,
  kruskalWallis,
  mannWhitneyU,
  oneWayAnova,
  readoutGroups,
  tTest,
  tukeyHsd,
  welchAnova,
} from '@tamkit/transwell';
import type { DoseResponsePoints, DunnettResult, Fit4plOptions, Fit4plResult, GamesHowellResult, Group, TranswellReadouts, TukeyResult } from '@tamkit/transwell';
import { formatError } from '../io/format-error.js';

/** `--test` choices. */
export const TRANSWELL_TESTS = ['welch', 'student', 'mann-whitney', 'anova-dunnett', 'tukey', 'welch-anova', 'kruskal'] as const;
export type TranswellTestChoice = (typeof TRANSWELL_TESTS)[number];

/** `--adjust` choices: how the p-values of two-sample tests against the control are adjusted. */
export const TRANSWELL_ADJUSTMENTS = ['holm', 'none'] as const;
export type TranswellAdjustment = (typeof TRANSWELL_ADJUSTMENTS)[number];

/** One test result row: a comparison of a condition with the control, a pair (Tukey), or all groups. */
export interface TestRow {
  readonly test: string;
  readonly comparison: 'vs-control' | 'pair' | 'overall';
  readonly coating: string | null;
  /** Condition tested (or `a` of a Tukey pair; `null` for an overall test). */
  readonly condition: string | null;
  /** Control (or `b` of a Tukey pair; `null` for an overall test). */
  readonly reference: string | null;
  /** Difference of means condition − reference (metric units), when the test gives one. */
  readonly difference: number | null;
  readonly statistic: number | null;
  readonly df: number | null;
  readonly pValue: number;
  /**
   * True when the p-value is adjusted for multiple comparisons: Dunnett and Tukey by their own
   * distribution; Welch, Student and Mann-Whitney by Holm across the comparisons with the control of
   * one coating (`adjust: 'holm'`, the default, when there are two or more).
   */
  readonly adjusted: boolean;
  /** The p-value before Holm's adjustment (Welch, Student, Mann-Whitney rows), else `null`. */
  readonly pUnadjusted: number | null;
}

/** Tests of a count table: the rows, and why a test could not run (as warnings). */
export interface TestsOutcome {
  readonly method: TranswellTestChoice | null;
  /** Adjustment of two-sample tests against the control (`holm` or `none`); Dunnett and Tukey adjust themselves. */
  readonly adjust: TranswellAdjustment;
  readonly control: string | null;
  readonly rows: TestRow[];
  /** The first Dunnett, Tukey or Games-Howell result (what `tamkit report` draws as brackets), else `null`. */
  readonly pairwise: DunnettResult | TukeyResult | GamesHowellResult | null;
  readonly warnings: TamkitWarning[];
}

function skipped(coating: string | null, error: unknown): TamkitWarning {
  const { code, message } = formatError(error);
  return { code: 'TRANSWELL_TEST_SKIPPED', message: `${coating === null ? '' : `${coating} inserts: `}${code}: ${message}`, context: { coating, code } };
}

function testGroups(
  method: TranswellTestChoice,
  groups: Group[],
  control: string,
  coating: string | null,
  adjust: TranswellAdjustment,
): { rows: TestRow[]; pairwise: DunnettResult | TukeyResult | GamesHowellResult | null } {
  const base = { coating, adjusted: false, pUnadjusted: null } as const;
  // Two-sample tests against the control: one family per coating, Holm-adjusted when it has 2+ members.
  const family = (rows: TestRow[]): TestRow[] => {
    if (adjust === 'none' || rows.length < 2) {
      return rows.map((r) => ({ ...r, pUnadjusted: r.pValue }));
    }
    const adjusted = holmAdjust(rows.map((r) => r.pValue));
    return rows.map((r, i) => ({ ...r, pValue: adjusted[i]!, adjusted: true, pUnadjusted: r.pValue }));
  };
  const ctrl = groups.find((g) => g.name === control)!;
  const others = groups.filter((g) => g.name !== control);
  switch (method) {
    case 'welch':
    case 'student':
      return {
        pairwise: null,
        rows: family(
          others.map((g): TestRow => {
            const r = tTest(g.values, ctrl.values, { variance: method === 'welch' ? 'unequal' : 'equal' });
            return { ...base, test: r.test, comparison: 'vs-control', condition: g.name, reference: control, difference: r.difference, statistic: r.statistic, df: r.df, pValue: r.pValue };
          }),
        ),
      };
    case 'mann-whitney':
      return {
        pairwise: null,
        rows: family(
          others.map((g): TestRow => {
            const r = mannWhitneyU(g.values, ctrl.values);
            return { ...base, test: `${r.test} (${r.method})`, comparison: 'vs-control', condition: g.name, reference: control, difference: null, statistic: r.statistic, df: null, pValue: r.pValue };
          }),
        ),
      };
    case 'anova-dunnett': {
      const a = oneWayAnova(groups);
      const d = dunnettTest(groups, control);
      return {
        pairwise: d,
        rows: [
          { ...base, test: a.test, comparison: 'overall', condition: null, reference: null, difference: null, statistic: a.statistic, df: a.df1, pValue: a.pValue },
          ...d.comparisons.map((c): TestRow => ({ ...base, test: d.test, comparison: 'vs-control', condition: c.group, reference: control, difference: c.difference, statistic: c.statistic, df: d.df, pValue: c.pValue, adjusted: true })),
        ],
      };
    }
    case 'tukey': {
      const a = oneWayAnova(groups);
      const t = tukeyHsd(groups);
      return {
        pairwise: t,
        rows: [
          { ...base, test: a.test, comparison: 'overall', condition: null, reference: null, difference: null, statistic: a.statistic, df: a.df1, pValue: a.pValue },
          ...t.comparisons.map((c): TestRow => ({ ...base, test: t.test, comparison: 'pair', condition: c.a, reference: c.b, difference: c.difference, statistic: null, df: t.df, pValue: c.pValue, adjusted: true })),
        ],
      };
    }
    case 'welch-anova': {
      // Unequal variances: Welch's ANOVA, then Games-Howell for every pair.
      const a = welchAnova(groups);
      const gh = gamesHowell(groups);
      return {
        pairwise: gh,
        rows: [
          { ...base, test: a.test, comparison: 'overall', condition: null, reference: null, difference: null, statistic: a.statistic, df: a.df2, pValue: a.pValue },
          ...gh.comparisons.map((c): TestRow => ({ ...base, test: gh.test, comparison: 'pair', condition: c.a, reference: c.b, difference: c.difference, statistic: null, df: c.df, pValue: c.pValue, adjusted: true })),
        ],
      };
    }
    case 'kruskal': {
      const k = kruskalWallis(groups);
      return {
        pairwise: null,
        rows: [{ ...base, test: k.test, comparison: 'overall', condition: null, reference: null, difference: null, statistic: k.statistic, df: k.df, pValue: k.pValue }],
      };
    }
  }
}

/**
 * Runs the chosen test against the control for every coating present (uncoated-unlabelled inserts
 * and each coating separately). Without `--test`: ANOVA + Dunnett for three or more conditions,
 * Welch for two. Welch, Student and Mann-Whitney p-values are Holm-adjusted across one coating's
 * comparisons with the control unless `adjust` is `none`. A test that cannot run (too few values,
 * constant data) becomes a warning.
 */
export function runTests(readouts: TranswellReadouts, control: string | null, choice: TranswellTestChoice | undefined, adjust: TranswellAdjustment = 'holm'): TestsOutcome {
  if (control === null) {
    return { method: null, adjust, control, rows: [], pairwise: null, warnings: [] };
  }
  const rows: TestRow[] = [];
  let pairwise: DunnettResult | TukeyResult | GamesHowellResult | null = null;
  const warnings: TamkitWarning[] = [];
  const coatings = [...new Set(readouts.conditions.map((c) => c.coating))];
  let used: TranswellTestChoice | null = choice ?? null;
  for (const coating of coatings) {
    const groups = readoutGroups(readouts, { coating });
    if (!groups.some((g) => g.name === control) || groups.length < 2) {
      continue;
    }
    const method = choice ?? (groups.length >= 3 ? 'anova-dunnett' : 'welch');
    used ??= method;
    try {
      const r = testGroups(method, groups, control, coating, adjust);
      rows.push(...r.rows);
      pairwise ??= r.pairwise;
    } catch (e) {
      warnings.push(skipped(coating, e));
    }
  }
  return { method: used, adjust, control, rows, pairwise, warnings };
}

/**
 * A 4PL fit of one inhibitor's dosed conditions with the points it was fitted to (the shape
 * `tamkit report` draws: `title`, `points`, `fit`, `responseLabel`).
 */
export interface DoseResponseOutcome {
  readonly title: string;
  readonly inhibitor: string | null;
  readonly responseLabel: string;
  readonly points: DoseResponsePoints;
  readonly fit: Fit4plResult | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** Parameters of the 4PL fits held at a value (`--fix-bottom`, `--fix-top`, `--fix-hill`). */
export type FixedParameters = NonNullable<Fit4plOptions['fixed']>;

/**
 * One 4PL fit per inhibitor (conditions with a dose; the dose-0 positive control joins every
 * inhibitor's points), with `fixed` parameters held. Empty when the table has no doses. A fit that
 * fails is kept with its error.
 */
export function fitDoseResponses(readouts: TranswellReadouts, fixed: FixedParameters = {}): DoseResponseOutcome[] {
  const dosed = readouts.conditions.filter((c) => c.dose !== null);
  if (dosed.length === 0) {
    return [];
  }
  const inhibitors = [...new Set(dosed.filter((c) => c.dose !== 0).map((c) => c.inhibitor))];
  const responseLabel = `${readouts.metric} (${readouts.units[readouts.metric]})`;
  return inhibitors.map((inhibitor) => {
    const points = doseResponsePoints(readouts, inhibitor === null ? {} : { inhibitor });
    const base = { title: `Dose response${inhibitor === null ? '' : `: ${inhibitor}`}`, inhibitor, responseLabel, points };
    try {
      return { ...base, fit: fit4pl(points.doses, points.responses, Object.keys(fixed).length > 0 ? { fixed } : {}), error: null };
    } catch (e) {
      return { ...base, fit: null, error: formatError(e) };
    }
  });
}
