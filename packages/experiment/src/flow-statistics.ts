import { dunnettTest, holmAdjust, oneWayAnova, tTest } from '@tamkit/transwell';
import type { SampleResult } from './sample-result.js';

/** Classes the flow statistics compare. */
export const FLOW_TEST_CLASSES = ['M1', 'M2'] as const;

/** Mean and SD of one class's % per condition (samples, usually donors, as replicates). */
export interface ConditionSummary {
  readonly className: string;
  readonly condition: string;
  readonly n: number;
  readonly mean: number;
  /** Sample SD (n − 1); null for n < 2. */
  readonly sd: number | null;
}

/** One test row: a condition against the control for one class, or the overall ANOVA. */
export interface FlowTestRow {
  readonly className: string;
  readonly test: string;
  readonly condition: string | null;
  readonly reference: string | null;
  readonly difference: number | null;
  readonly statistic: number;
  readonly df: number | null;
  readonly pValue: number;
  /** Dunnett rows, and Welch rows Holm-adjusted within a class (2+ comparisons, `adjust: 'holm'`). */
  readonly adjusted: boolean;
  /** The Welch p-value before Holm's adjustment; null for ANOVA and Dunnett rows. */
  readonly pUnadjusted: number | null;
}

/** Flow statistics: per-condition summaries and tests, and why a test was skipped. */
export interface FlowStatistics {
  readonly summaries: readonly ConditionSummary[];
  readonly tests: readonly FlowTestRow[];
  readonly skipped: readonly { readonly className: string; readonly reason: string }[];
}

function groupsOf(samples: readonly SampleResult[], className: string): { name: string; values: number[] }[] {
  const by = new Map<string, number[]>();
  for (const s of samples) {
    const v = s.percent[className];
    if (s.condition === null || v === undefined || !Number.isFinite(v)) {
      continue;
    }
    const list = by.get(s.condition) ?? [];
    list.push(v);
    by.set(s.condition, list);
  }
  return [...by.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([name, values]) => ({ name, values }));
}

/**
 * Per class (% M1, % M2 of classified macrophages) and condition: n, mean and sample SD; and, when a
 * control condition is named, tests of every condition against it with samples as replicates:
 * `anova-dunnett` (one-way ANOVA, then Dunnett's many-to-one comparisons; default for 3+ conditions)
 * or `welch` (Welch two-sample t-tests, Holm-adjusted within each class when there are two or more
 * comparisons, unless `adjust` is `none`). A test that cannot run (fewer than 2 values,
 * constant data) is listed in `skipped` with the reason.
 *
 * @example flowStatistics(samples, 'M0', 'anova-dunnett').tests.filter((t) => t.className === 'M1')
 */
export function flowStatistics(
  samples: readonly SampleResult[],
  control: string | null,
  test: 'anova-dunnett' | 'welch' | null,
  adjust: 'holm' | 'none' = 'holm',
): FlowStatistics {
  const summaries: ConditionSummary[] = [];
  const tests: FlowTestRow[] = [];
  const skipped: { className: string; reason: string }[] = [];
  for (const className of FLOW_TEST_CLASSES) {
    const groups = groupsOf(samples, className);
    for (const g of groups) {
      const n = g.values.length;
      const mean = g.values.reduce((a, b) => a + b, 0) / n;
      const sd = n < 2 ? null : Math.sqrt(g.values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      summaries.push({ className, condition: g.name, n, mean, sd });
    }
    if (control === null) {
      continue;
    }
    const ctrl = groups.find((g) => g.name === control);
    if (ctrl === undefined || groups.length < 2) {
      skipped.push({ className, reason: `control condition '${control}' has no samples or is the only condition` });
      continue;
    }
    const method = test ?? (groups.length >= 3 ? 'anova-dunnett' : 'welch');
    try {
      if (method === 'anova-dunnett') {
        const a = oneWayAnova(groups);
        tests.push({ className, test: a.test, condition: null, reference: null, difference: null, statistic: a.statistic, df: a.df1, pValue: a.pValue, adjusted: false, pUnadjusted: null });
        const d = dunnettTest(groups, control);
        for (const c of d.comparisons) {
          tests.push({ className, test: d.test, condition: c.group, reference: control, difference: c.difference, statistic: c.statistic, df: d.df, pValue: c.pValue, adjusted: true, pUnadjusted: null });
        }
      } else {
        const welch = groups.filter((x) => x.name !== control).map((g) => ({ g, t: tTest(g.values, ctrl.values) }));
        const holm = adjust === 'holm' && welch.length >= 2;
        const adjusted = holm ? holmAdjust(welch.map((w) => w.t.pValue)) : welch.map((w) => w.t.pValue);
        welch.forEach(({ g, t }, i) => {
          tests.push({ className, test: t.test, condition: g.name, reference: control, difference: t.difference, statistic: t.statistic, df: t.df, pValue: adjusted[i]!, adjusted: holm, pUnadjusted: t.pValue });
        });
      }
    } catch (e) {
      skipped.push({ className, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return { summaries, tests, skipped };
}
