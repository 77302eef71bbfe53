import { describe, expect, it } from 'vitest';
import { tTest } from '@tamkit/transwell';
import { flowStatistics } from '../src/index.js';
import type { SampleResult } from '../src/index.js';

/** Only the condition and the class percentages matter to the statistics. */
function sample(condition: string, m1: number, m2: number): SampleResult {
  return { condition, percent: { M1: m1, M2: m2 } } as unknown as SampleResult;
}

// Three donors per condition.
const SAMPLES = [
  ...[10, 12, 14].map((v, i) => sample('M0', v, 40 + i)),
  ...[30, 34, 41].map((v, i) => sample('LPS', v, 20 + 2 * i)),
  ...[11, 15, 16].map((v, i) => sample('IL4', v, 60 + 3 * i)),
];

describe('flowStatistics', () => {
  it('summarises each class per condition (hand-derived mean and sample SD)', () => {
    const stats = flowStatistics(SAMPLES, null, null);
    const m0 = stats.summaries.find((s) => s.className === 'M1' && s.condition === 'M0')!;
    // mean 12, squared deviations 4 + 0 + 4 over n − 1 = 2: SD 2.
    expect([m0.n, m0.mean, m0.sd]).toEqual([3, 12, 2]);
    expect(stats.tests).toEqual([]);
  });

  it('Holm-adjusts the Welch tests within each class, unless adjust is none', () => {
    const none = flowStatistics(SAMPLES, 'M0', 'welch', 'none');
    const holm = flowStatistics(SAMPLES, 'M0', 'welch');
    for (const className of ['M1', 'M2']) {
      const rows = holm.tests.filter((t) => t.className === className);
      expect(rows.map((r) => r.condition)).toEqual(['IL4', 'LPS']);
      // The raw p-values are the two-sample Welch tests of each condition against M0.
      const raw = rows.map((r) => {
        const x = SAMPLES.filter((s) => s.condition === r.condition).map((s) => s.percent[className]!);
        const y = SAMPLES.filter((s) => s.condition === 'M0').map((s) => s.percent[className]!);
        return tTest(x, y).pValue;
      });
      expect(rows.map((r) => r.pUnadjusted)).toEqual(raw);
      expect(none.tests.filter((t) => t.className === className).map((r) => [r.pValue, r.adjusted])).toEqual(raw.map((p) => [p, false]));
      // Two comparisons: the smaller p doubled, the larger max(itself, the doubled smaller), capped at 1.
      const [lo, hi] = raw[0]! < raw[1]! ? [0, 1] : [1, 0];
      expect(rows[lo]!.pValue).toBeCloseTo(Math.min(1, 2 * raw[lo]!), 15);
      expect(rows[hi]!.pValue).toBeCloseTo(Math.max(raw[hi]!, Math.min(1, 2 * raw[lo]!)), 15);
      expect(rows.every((r) => r.adjusted)).toBe(true);
    }
  });

  it('leaves a single comparison and Dunnett rows as they are', () => {
    const two = flowStatistics(SAMPLES.filter((s) => s.condition !== 'IL4'), 'M0', null);
    expect(two.tests.map((t) => [t.test, t.adjusted, t.pValue === t.pUnadjusted])).toEqual([
      ['Welch two-sample t-test', false, true],
      ['Welch two-sample t-test', false, true],
    ]);
    const dunnett = flowStatistics(SAMPLES, 'M0', null);
    expect(dunnett.tests.filter((t) => t.condition !== null).every((t) => t.adjusted && t.pUnadjusted === null)).toBe(true);
  });
});
