import { describe, expect, it } from 'vitest';
import { summarySection } from '../src/index.js';
import type { SummaryInput } from '../src/index.js';

const composition = {
  classes: ['M1', 'M2'],
  samples: [
    { sample: 'A', condition: 'M0', percents: [4, 8] },
    { sample: 'B', condition: 'M0', percents: [6, 10] },
    { sample: 'C', condition: 'TCM', percents: [8, 55] },
  ],
};
const test = (className: string, pValue: number, difference: number): SummaryInput['statistics'][number]['tests'][number] => ({
  className,
  test: "Dunnett's test",
  condition: 'TCM',
  difference,
  statistic: 1,
  df: 1,
  pValue,
  adjusted: true,
});
const transwell = {
  readouts: { conditions: [], metric: 'meanPerField', unit: 'insert', units: { meanPerField: 'cells/field' }, warnings: [] },
  doseResponse: [{ title: 'Dose response: carlumab', points: { doseUnit: 'ug/mL' }, fit: { potencyLabel: 'IC50', potency: 0.2897, potencyCi: [0.1994, 0.4207], confidenceLevel: 0.95 } }],
} as unknown as SummaryInput['transwell'][number];

describe('summarySection', () => {
  it('lists the significant tests, the fitted IC50 and the warnings, and the mean % per condition', () => {
    const s = summarySection({ compositions: [composition], statistics: [{ control: 'M0', tests: [test('M2', 0.0004, 46), test('M1', 0.2, 3)] }], transwell: [transwell], warnings: 2 })!;
    expect([s.id, s.kind]).toEqual(['summary', 'summary']);
    const [key, table] = s.blocks;
    // Only p < 0.05 is listed; the IC50 to 3 significant digits with its interval.
    expect(key).toEqual({
      type: 'keyValue',
      title: 'Key results',
      entries: [
        ['% M2: TCM vs M0', "+46.0 points, Dunnett's test, p = 0.0004 (adjusted)"],
        ['IC50, carlumab', '0.290 ug/mL (95 % CI 0.199–0.421)'],
        ['Warnings', '2: see Provenance & QC'],
      ],
    });
    // M0: mean of (4, 6) and (8, 10); TCM: one sample.
    expect(table).toMatchObject({ type: 'table', rows: [['M0', 2, 5, 9], ['TCM', 1, 8, 55]] });
  });

  it('says when no condition differs from the control, and is absent when there is nothing to summarise', () => {
    const s = summarySection({ compositions: [], statistics: [{ control: 'M0', tests: [test('M2', 0.2, 1)] }], transwell: [], warnings: 0 })!;
    expect(s.blocks[0]).toMatchObject({ entries: [['% against M0', 'no condition differs from M0 at p < 0.05 (1 comparison)'], ['Warnings', 'none']] });
    expect(summarySection({ compositions: [], statistics: [], transwell: [], warnings: 3 })).toBeNull();
  });
});
