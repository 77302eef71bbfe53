import { describe, expect, it } from 'vitest';
import { gamesHowell, TranswellDataError, tTest, welchAnova } from '../src/index.js';

// R's InsectSprays (insect counts after six sprays, 12 plots each), with the output of
// oneway.test(count ~ spray, data = InsectSprays) in R's documentation of oneway.test:
// F = 36.065, num df = 5, denom df = 30.043, p-value = 7.999e-12.
const SPRAYS = Object.entries({
  A: [10, 7, 20, 14, 14, 12, 10, 23, 17, 20, 14, 13],
  B: [11, 17, 21, 11, 16, 14, 17, 17, 19, 21, 7, 13],
  C: [0, 1, 7, 2, 3, 1, 2, 1, 3, 0, 1, 4],
  D: [3, 5, 12, 6, 4, 3, 5, 5, 5, 5, 2, 4],
  E: [3, 5, 3, 5, 3, 6, 1, 1, 3, 2, 6, 4],
  F: [11, 9, 15, 22, 15, 16, 13, 10, 26, 26, 24, 13],
}).map(([name, values]) => ({ name, values }));

describe("Welch's ANOVA", () => {
  it('matches R oneway.test on InsectSprays', () => {
    const r = welchAnova(SPRAYS);
    expect(r.statistic).toBeCloseTo(36.065, 3);
    expect(r.df1).toBe(5);
    expect(r.df2).toBeCloseTo(30.043, 3);
    expect(r.pValue / 7.999e-12).toBeCloseTo(1, 3);
  });

  it("is Welch's t-test with two groups: F = t², df2 the Welch–Satterthwaite df, the same p", () => {
    const [a, b] = SPRAYS;
    const f = welchAnova([a!, b!]);
    const t = tTest(b!.values, a!.values);
    expect(f.statistic).toBeCloseTo(t.statistic ** 2, 12);
    expect(f.df2).toBeCloseTo(t.df, 10);
    expect(f.pValue).toBeCloseTo(t.pValue, 10);
  });

  it('needs two values and some variance in every group', () => {
    expect(() => welchAnova([{ name: 'a', values: [1] }, { name: 'b', values: [2, 3] }])).toThrow(TranswellDataError);
    expect(() => welchAnova([{ name: 'a', values: [1, 1] }, { name: 'b', values: [2, 3] }])).toThrow(expect.objectContaining({ code: 'TRANSWELL_CONSTANT_DATA' }) as Error);
  });
});

describe('Games-Howell', () => {
  it("gives Welch's two-sided p and interval for two groups", () => {
    const [a, b] = SPRAYS;
    const c = gamesHowell([a!, b!]).comparisons[0]!;
    const t = tTest(b!.values, a!.values);
    expect([c.a, c.b]).toEqual(['B', 'A']);
    expect(c.pValue).toBeCloseTo(t.pValue, 8);
    expect(c.lower).toBeCloseTo(t.ci[0]!, 5);
    expect(c.upper).toBeCloseTo(t.ci[1]!, 5);
  });

  it('adjusts every pair for the k groups: each p at least the pair’s own Welch p', () => {
    const r = gamesHowell(SPRAYS);
    // 6 sprays: 15 pairs in R's order.
    expect(r.comparisons.map((c) => `${c.a}-${c.b}`).slice(0, 6)).toEqual(['B-A', 'C-A', 'D-A', 'E-A', 'F-A', 'C-B']);
    for (const c of r.comparisons) {
      const x = SPRAYS.find((g) => g.name === c.a)!.values;
      const y = SPRAYS.find((g) => g.name === c.b)!.values;
      const welch = tTest(x, y);
      expect(c.df).toBeCloseTo(welch.df, 10);
      expect(c.pValue).toBeGreaterThanOrEqual(welch.pValue);
    }
  });
});
