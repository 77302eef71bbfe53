import { describe, expect, it } from 'vitest';
import { classifyByRules, classPercentages, classStatistics, type Classification } from '../src/index.js';

const f64 = (xs: number[]): Float64Array => Float64Array.from(xs);

/** A classification with the given codes (counts by hand). */
function withCodes(codes: number[], counts: Classification['counts']): Classification {
  return {
    classes: ['M1', 'M2', 'double_positive', 'double_negative'],
    codes: Uint8Array.from(codes),
    counts,
    parentCount: codes.filter((c) => c !== 255).length,
    excluded: 0,
    method: 'thresholdRule',
    params: {},
    warnings: [],
  };
}

describe('classStatistics', () => {
  // codes: M1 ×3, M2 ×2, double_negative ×1, one event outside the parent (255)
  const c = withCodes([0, 0, 0, 1, 1, 3, 255], { M1: 3, M2: 2, double_positive: 0, double_negative: 1 });
  const raw = { CD86: f64([10, 30, 20, 4, 6, 2, 1000]) };
  // FMO control 1..5: median 3; |x − 3| = 2,1,0,1,2 → MAD 1 → rSD = 1.4826
  const controls = { CD86: { values: f64([5, 1, 4, 2, 3]), mask: null } };

  it('computes medians, ratios, differences and the stain index against the FMO control', () => {
    const [stats] = classStatistics(c, raw, { controls });
    expect(stats!.marker).toBe('CD86');
    expect(stats!.control).toEqual({ eventCount: 5, median: 3, robustSd: 1.4826 });
    const m1 = stats!.classes.M1;
    expect(m1.count).toBe(3);
    expect(m1.median).toBe(20); // median of 10, 30, 20 (the 255 event's 1000 is ignored)
    expect(m1.ratioToControl).toBeCloseTo(20 / 3, 12);
    expect(m1.differenceToControl).toBe(17);
    // (20 − 3) / (2 · 1.4826) = 17 / 2.9652 = 5.73317...
    expect(m1.stainIndex).toBeCloseTo(5.73317, 5);
    expect(stats!.classes.M2.median).toBe(5); // mean of the two middle values 4 and 6
    expect(stats!.classes.double_positive.count).toBe(0);
    expect(stats!.classes.double_positive.median).toBeNaN();
  });

  it('reports display-scale medians and nulls without a control', () => {
    const [stats] = classStatistics(c, raw, { display: { CD86: f64([1, 3, 2, 0, 1, 0, 9]) } });
    expect(stats!.control).toBeNull();
    expect(stats!.classes.M1).toMatchObject({ medianDisplay: 2, ratioToControl: null, stainIndex: null });
  });

  it('rejects a column of the wrong length', () => {
    expect(() => classStatistics(c, { CD86: f64([1]) })).toThrow(RangeError);
  });
});

describe('classPercentages', () => {
  it('gives % of the classified parent and the M1/M2 ratio', () => {
    const p = classPercentages(withCodes([], { M1: 40, M2: 20, double_positive: 10, double_negative: 30 }));
    expect(p.percent).toEqual({ M1: 40, M2: 20, double_positive: 10, double_negative: 30 });
    expect(p.m1m2Ratio).toBe(2);
    expect(p.classified).toBe(100);
  });

  it('returns a null ratio without M2 events and NaN percentages for an empty population', () => {
    expect(classPercentages(withCodes([], { M1: 3, M2: 0, double_positive: 0, double_negative: 1 })).m1m2Ratio).toBeNull();
    expect(classPercentages(withCodes([], { M1: 0, M2: 0, double_positive: 0, double_negative: 0 })).percent.M1).toBeNaN();
  });

  it('works on a rule classification end to end', () => {
    // (3,0) M1, (0,3) M2, (0,0) neither, (4,0) M1 → 50% M1, 25% M2, 25% DN, ratio 2
    const r = classifyByRules(
      { A: f64([3, 0, 0, 4]), B: f64([0, 3, 0, 0]) },
      null,
      { m1: ['A'], m2: ['B'] },
      { A: 1, B: 1 },
    );
    const p = classPercentages(r);
    expect(p.percent).toEqual({ M1: 50, M2: 25, double_positive: 0, double_negative: 25 });
    expect(p.m1m2Ratio).toBe(2);
  });
});
