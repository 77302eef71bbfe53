/**
 * Holm's step-down adjustment of a family of p-values (Holm 1979; R's `p.adjust(p, "holm")`): with the
 * m p-values sorted ascending, p(1) ≤ … ≤ p(m), the adjusted value of the i-th smallest is
 * max over j ≤ i of min(1, (m − j + 1) · p(j)). It controls the family-wise error rate under any
 * dependence between the tests, and rejects everything Bonferroni (m · p) rejects and sometimes more.
 * Returned in the input order; `NaN` p-values stay `NaN` and do not count in m.
 *
 * @throws {RangeError} for a p-value outside [0, 1].
 * @example holmAdjust([0.01, 0.04, 0.03]) // [0.03, 0.06, 0.06]
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  for (const p of pValues) {
    if (p < 0 || p > 1) {
      throw new RangeError(`p-value ${p} is outside [0, 1]`);
    }
  }
  const order = pValues
    .map((p, i) => [p, i] as const)
    .filter(([p]) => !Number.isNaN(p))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const m = order.length;
  const out = pValues.map(() => Number.NaN);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}
