/**
 * The 4-parameter logistic model in the parameterisation that is fitted:
 * θ = [bottom, top, log10(IC50), hill], y = bottom + (top − bottom) / (1 + 10^(s·hill·(log10 x − log10 IC50)))
 * = bottom + (top − bottom)/(1 + (x/IC50)^(s·hill)), with s = +1 for a decreasing (inhibition) curve
 * and s = −1 for an increasing (stimulation) curve, so that `top` is always the response at x → 0 for
 * inhibition and at x → ∞ for stimulation, and hill > 0 in both. Dose 0 is the x → 0 limit.
 */
export function logisticValue(theta: readonly number[], x: number, sign: 1 | -1): number {
  const [bottom, top, logC, hill] = theta as [number, number, number, number];
  const v = share(x, logC, sign * hill);
  return bottom + (top - bottom) * v;
}

/** Partial derivatives of {@link logisticValue} with respect to [bottom, top, log10 IC50, hill]. */
export function logisticGradient(theta: readonly number[], x: number, sign: 1 | -1): number[] {
  const [bottom, top, logC, hill] = theta as [number, number, number, number];
  const p = sign * hill;
  const v = share(x, logC, p);
  if (x === 0) {
    return [1 - v, v, 0, 0];
  }
  const d = top - bottom;
  // v = 1/(1 + u), u = 10^(p(L − c)); dv/du = −v²; du = u·ln10·(p·d(L − c) + (L − c)·dp); u·v² = v(1 − v).
  const w = v * (1 - v) * Math.LN10;
  const L = Math.log10(x);
  return [1 - v, v, d * w * p, -d * w * sign * (L - logC)];
}

/** v = 1/(1 + (x/IC50)^p), with the x = 0 limits (1 for p > 0, 0 for p < 0). */
function share(x: number, logC: number, p: number): number {
  if (x === 0) {
    return p > 0 ? 1 : p < 0 ? 0 : 0.5;
  }
  const exponent = p * (Math.log10(x) - logC);
  if (exponent > 300) {
    return 0;
  }
  return 1 / (1 + Math.pow(10, exponent));
}
