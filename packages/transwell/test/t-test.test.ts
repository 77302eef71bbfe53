import { describe, expect, it } from 'vitest';
import { studentTTest, tTest, welchTTest, type TranswellDataError } from '../src/index.js';

// R datasets::sleep, extra by group (group 1 then group 2).
const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('t-tests', () => {
  it('Welch matches R t.test(extra ~ group, data = sleep)', () => {
    // R: t = -1.8608, df = 17.776, p-value = 0.07939, 95 % CI -3.3654832 0.2054832.
    const r = welchTTest(group1, group2);
    expect(r.test).toBe('Welch two-sample t-test');
    expect(r.statistic).toBeCloseTo(-1.8608, 4);
    expect(r.df).toBeCloseTo(17.776, 3);
    expect(r.pValue).toBeCloseTo(0.07939, 5);
    expect(r.ci[0]).toBeCloseTo(-3.3654832, 6);
    expect(r.ci[1]).toBeCloseTo(0.2054832, 6);
    expect(r.difference).toBeCloseTo(-1.58, 12);
  });

  it('Student matches R t.test(..., var.equal = TRUE)', () => {
    // R: t = -1.8608, df = 18, p-value = 0.07919, 95 % CI -3.363874 0.203874.
    const r = studentTTest(group1, group2);
    expect(r.df).toBe(18);
    expect(r.pValue).toBeCloseTo(0.07919, 5);
    expect(r.ci[0]).toBeCloseTo(-3.363874, 6);
  });

  it('one-sided p is half the two-sided p in the direction of the effect', () => {
    const two = tTest(group1, group2).pValue;
    expect(tTest(group1, group2, { alternative: 'less' }).pValue).toBeCloseTo(two / 2, 12);
    expect(tTest(group1, group2, { alternative: 'greater' }).pValue).toBeCloseTo(1 - two / 2, 12);
  });

  it('throws for too few values and constant data', () => {
    const err = (() => {
      try {
        welchTTest([1], [2, 3]);
      } catch (e) {
        return e as TranswellDataError;
      }
      return null;
    })();
    expect(err?.code).toBe('TRANSWELL_TOO_FEW_VALUES');
    expect(err?.context).toEqual({ nx: 1, ny: 2 });
    expect(err?.message).toMatchInlineSnapshot(`"t-test needs at least 2 values per sample, got 1 and 2"`);
    expect(() => welchTTest([1, 1, 1], [2, 2, 2])).toThrow(expect.objectContaining({ code: 'TRANSWELL_CONSTANT_DATA' }));
    expect(() => tTest(group1, group2, { alternative: 'bigger' as 'less' })).toThrow(TypeError);
  });
});

describe('t-test results are JSON-safe', () => {
  it('reports the open side of a one-sided interval as null', () => {
    const r = welchTTest(group1, group2, { alternative: 'less' });
    expect(r.ci[0]).toBeNull();
    expect(typeof r.ci[1]).toBe('number');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
