import { describe, expect, it } from 'vitest';
import { mannWhitneyU } from '../src/index.js';

describe('mannWhitneyU', () => {
  it('uses the exact distribution without ties (R ?wilcox.test example)', () => {
    // R: x <- c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46);
    //    y <- c(1.15, 0.88, 0.90, 0.74, 1.21); wilcox.test(x, y, alternative = "g") -> W = 35, p-value = 0.1272
    //    wilcox.test(x, y, alternative = "greater", exact = FALSE, correct = FALSE) -> p-value = 0.1103
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const r = mannWhitneyU(x, y, { alternative: 'greater' });
    expect(r.method).toBe('exact');
    expect(r.statistic).toBe(35);
    expect(r.pValue).toBeCloseTo(0.1272, 4);
    const approx = mannWhitneyU(x, y, { alternative: 'greater', exact: false, correct: false });
    expect(approx.method).toBe('normal-approximation');
    expect(approx.pValue).toBeCloseTo(0.1103, 4);
  });

  it('uses the tie-corrected normal approximation with ties (R sleep data)', () => {
    // R: wilcox.test(extra ~ group, data = sleep) -> W = 25.5, p-value = 0.06933 (ties, continuity corrected)
    const g1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    const g2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    const r = mannWhitneyU(g1, g2);
    expect(r.statistic).toBe(25.5);
    expect(r.method).toBe('normal-approximation');
    expect(r.tieCorrected).toBe(true);
    expect(r.continuityCorrection).toBe(true);
    expect(r.pValue).toBeCloseTo(0.06933, 5);
  });

  it('gives the hand-computed exact p for complete separation', () => {
    // 3 vs 4 values, x all below y: U = 0; P(U <= 0) = 1 / C(7, 3) = 1/35; two-sided 2/35.
    const r = mannWhitneyU([1.1, 2.2, 3.3], [4.4, 5.5, 6.6, 7.7]);
    expect(r.statistic).toBe(0);
    expect(r.pValue).toBeCloseTo(2 / 35, 14);
    expect(mannWhitneyU([1.1, 2.2, 3.3], [4.4, 5.5, 6.6, 7.7], { alternative: 'less' }).pValue).toBeCloseTo(1 / 35, 14);
  });

  it('the exact null distribution sums to one and is symmetric (property)', () => {
    // For any x without ties, P(U <= u) + P(U >= u + 1) = 1 and, by symmetry of U about mn/2,
    // the 'less' p of x vs y equals the 'greater' p of y vs x.
    const x = [3, 9, 14, 2, 7];
    const y = [5, 1, 12, 8, 11, 4];
    const less = mannWhitneyU(x, y, { alternative: 'less' }).pValue;
    const greaterSwapped = mannWhitneyU(y, x, { alternative: 'greater' }).pValue;
    expect(less).toBeCloseTo(greaterSwapped, 14);
  });
});

describe('mannWhitneyU: exact distribution against brute-force enumeration', () => {
  it('matches P(U <= u) counted over every assignment of ranks (second algorithm)', () => {
    // All C(9, 4) = 126 ways to give 4 of the ranks 1..9 to x; U = rank sum − 4·5/2.
    const m = 4;
    const n = 5;
    const uValues: number[] = [];
    const choose = (start: number, picked: number[]): void => {
      if (picked.length === m) {
        uValues.push(picked.reduce((a, b) => a + b, 0) - (m * (m + 1)) / 2);
        return;
      }
      for (let r = start; r <= m + n; r += 1) {
        choose(r + 1, [...picked, r]);
      }
    };
    choose(1, []);
    expect(uValues).toHaveLength(126);
    // x takes ranks {1, 3, 4, 8}: U = 16 − 10 = 6.
    const x = [1, 3, 4, 8];
    const y = [2, 5, 6, 7, 9];
    const r = mannWhitneyU(x, y, { alternative: 'less' });
    expect(r.statistic).toBe(6);
    expect(r.pValue).toBeCloseTo(uValues.filter((u) => u <= 6).length / 126, 14);
    const greater = mannWhitneyU(x, y, { alternative: 'greater' });
    expect(greater.pValue).toBeCloseTo(uValues.filter((u) => u >= 6).length / 126, 14);
  });
});
