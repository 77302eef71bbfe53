import anova1 from '@stdlib/stats-anova1';
import { describe, expect, it } from 'vitest';
import { kruskalWallis, oneWayAnova, tukeyHsd } from '../src/index.js';

// R datasets::warpbreaks, breaks by tension (L, M, H), wool A then wool B.
const L = [26, 30, 54, 25, 70, 52, 51, 26, 67, 27, 14, 29, 19, 29, 31, 41, 20, 44];
const M = [18, 21, 29, 17, 12, 18, 35, 30, 36, 42, 26, 19, 16, 39, 28, 21, 39, 29];
const H = [36, 21, 24, 18, 10, 43, 28, 15, 26, 20, 21, 24, 17, 13, 15, 15, 16, 28];
const tension = [
  { name: 'L', values: L },
  { name: 'M', values: M },
  { name: 'H', values: H },
];

describe('oneWayAnova', () => {
  it('matches a second implementation (@stdlib/stats-anova1) on warpbreaks', () => {
    const r = oneWayAnova(tension);
    const ref = anova1([...L, ...M, ...H], [...L.map(() => 'L'), ...M.map(() => 'M'), ...H.map(() => 'H')]);
    expect(r.df1).toBe(2);
    expect(r.df2).toBe(51);
    expect(r.statistic).toBeCloseTo(ref.statistic, 10);
    expect(r.pValue).toBeCloseTo(ref.pValue, 12);
    // R summary(aov(breaks ~ tension, warpbreaks)): Sum Sq 2034 and 7199, F = 7.206, Pr(>F) = 0.00175.
    expect(r.ssBetween).toBeCloseTo(2034.26, 2);
    expect(r.statistic).toBeCloseTo(7.206, 3);
  });

  it('gives the hand-computed F for a small layout', () => {
    // Groups (1,2,3), (4,5,6): SSB = 2·3·1.5² = 13.5, SSW = 4, F = 13.5 / (4/4) = 13.5 on (1, 4).
    const r = oneWayAnova([
      { name: 'a', values: [1, 2, 3] },
      { name: 'b', values: [4, 5, 6] },
    ]);
    expect(r.statistic).toBeCloseTo(13.5, 12);
  });
});

describe('tukeyHsd', () => {
  it('matches R TukeyHSD(aov(breaks ~ tension, warpbreaks))', () => {
    // R output (as pinned in scipy's test_tukeyhsd against R):
    //   M-L -10.000000 -19.55982 -0.4401756 0.0384598
    //   H-L -14.722222 -24.28205 -5.1623978 0.0014315
    //   H-M  -4.722222 -14.28205  4.8376022 0.4630831
    const r = tukeyHsd(tension);
    const rows = r.comparisons.map((c) => [c.a, c.b]);
    expect(rows).toEqual([
      ['M', 'L'],
      ['H', 'L'],
      ['H', 'M'],
    ]);
    const ref = [
      [-10, -19.55982, -0.4401756, 0.0384598],
      [-14.722222, -24.28205, -5.1623978, 0.0014315],
      [-4.722222, -14.28205, 4.8376022, 0.4630831],
    ];
    r.comparisons.forEach((c, i) => {
      const [d, lo, hi, p] = ref[i]!;
      expect(c.difference).toBeCloseTo(d!, 5);
      expect(c.lower).toBeCloseTo(lo!, 4);
      expect(c.upper).toBeCloseTo(hi!, 4);
      expect(c.pValue).toBeCloseTo(p!, 6);
    });
  });
});

describe('kruskalWallis', () => {
  it('matches R ?kruskal.test (Hollander & Wolfe mucociliary efficiency)', () => {
    // R: kruskal.test(list(x, y, z)) -> Kruskal-Wallis chi-squared = 0.77143, df = 2, p-value = 0.68
    const r = kruskalWallis([
      { name: 'normal', values: [2.9, 3.0, 2.5, 2.6, 3.2] },
      { name: 'obstructive', values: [3.8, 2.7, 4.0, 2.4] },
      { name: 'asbestosis', values: [2.8, 3.4, 3.7, 2.2, 2.0] },
    ]);
    expect(r.statistic).toBeCloseTo(0.77143, 5);
    expect(r.df).toBe(2);
    // χ²(2) survival is exp(−H/2).
    expect(r.pValue).toBeCloseTo(Math.exp(-r.statistic / 2), 12);
    expect(r.pValue).toBeCloseTo(0.68, 2);
  });

  it('applies the tie correction (hand-computed)', () => {
    // Values 1,1,2 | 2,3,3 | 4,4,5: average ranks give rank sums 6.5, 14.5, 24;
    // H = 12/(9·10)·(6.5² + 14.5² + 24²)/3 − 30 = 6.8222…; ties (2,2,2,2): C = 1 − 4·6/720;
    // H/C = 7.0575.
    const r = kruskalWallis([
      { name: 'a', values: [1, 1, 2] },
      { name: 'b', values: [2, 3, 3] },
      { name: 'c', values: [4, 4, 5] },
    ]);
    const h = ((12 / 90) * (6.5 ** 2 + 14.5 ** 2 + 24 ** 2)) / 3 - 30;
    expect(r.statistic).toBeCloseTo(h / (1 - 24 / 720), 10);
  });
});
