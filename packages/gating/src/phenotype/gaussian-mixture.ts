import { quantileSorted } from './sorted-values.js';

/** One component of a 1-D Gaussian mixture. */
export interface MixtureComponent {
  readonly weight: number;
  readonly mean: number;
  readonly sd: number;
}

/** A two-component 1-D Gaussian mixture fitted by EM, components ordered by mean. */
export interface TwoGaussianFit {
  readonly components: readonly [MixtureComponent, MixtureComponent];
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Fits w₁·N(μ₁, σ₁²) + w₂·N(μ₂, σ₂²) to ascending values by expectation–maximisation (Dempster,
 * Laird & Rubin 1977), started deterministically from μ₁ = 25th and μ₂ = 75th percentile,
 * σ₁ = σ₂ = the overall SD, w₁ = w₂ = ½. Stops when the log-likelihood gains less than
 * `tolerance · |log-likelihood|` or after `maxIterations`. SDs are floored at 10⁻⁶ × the data
 * range so a component cannot collapse onto one value. O(n) per iteration.
 */
export function fitTwoGaussians(
  sorted: Float64Array,
  options: { maxIterations: number; tolerance: number },
): TwoGaussianFit {
  const n = sorted.length;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    mean += sorted[i]!;
  }
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    ss += (sorted[i]! - mean) ** 2;
  }
  const range = sorted[n - 1]! - sorted[0]!;
  const floor = Math.max(1e-6 * range, Number.MIN_VALUE);
  let m1 = quantileSorted(sorted, 0.25);
  let m2 = quantileSorted(sorted, 0.75);
  let s1 = Math.max(Math.sqrt(ss / n), floor);
  let s2 = s1;
  let w1 = 0.5;
  let previous = Number.NEGATIVE_INFINITY;
  let logLikelihood = Number.NEGATIVE_INFINITY;
  let iterations = 0;
  let converged = false;
  const r1 = new Float64Array(n);
  while (iterations < options.maxIterations) {
    iterations++;
    // E step, in log space so far tails do not underflow to 0/0.
    const c1 = Math.log(w1) - Math.log(s1) - LOG_SQRT_2PI;
    const c2 = Math.log(1 - w1) - Math.log(s2) - LOG_SQRT_2PI;
    logLikelihood = 0;
    let n1 = 0;
    let sum1 = 0;
    let sum2 = 0;
    for (let i = 0; i < n; i++) {
      const x = sorted[i]!;
      const l1 = c1 - 0.5 * ((x - m1) / s1) ** 2;
      const l2 = c2 - 0.5 * ((x - m2) / s2) ** 2;
      const top = Math.max(l1, l2);
      const e1 = Math.exp(l1 - top);
      const e2 = Math.exp(l2 - top);
      logLikelihood += top + Math.log(e1 + e2);
      const r = e1 / (e1 + e2);
      r1[i] = r;
      n1 += r;
      sum1 += r * x;
      sum2 += (1 - r) * x;
    }
    // M step.
    const n2 = n - n1;
    if (n1 <= 0 || n2 <= 0) {
      break;
    }
    m1 = sum1 / n1;
    m2 = sum2 / n2;
    let v1 = 0;
    let v2 = 0;
    for (let i = 0; i < n; i++) {
      const x = sorted[i]!;
      const r = r1[i]!;
      v1 += r * (x - m1) ** 2;
      v2 += (1 - r) * (x - m2) ** 2;
    }
    s1 = Math.max(Math.sqrt(v1 / n1), floor);
    s2 = Math.max(Math.sqrt(v2 / n2), floor);
    w1 = n1 / n;
    if (logLikelihood - previous <= options.tolerance * Math.abs(logLikelihood)) {
      converged = true;
      break;
    }
    previous = logLikelihood;
  }
  const a: MixtureComponent = { weight: w1, mean: m1, sd: s1 };
  const b: MixtureComponent = { weight: 1 - w1, mean: m2, sd: s2 };
  return {
    components: m1 <= m2 ? [a, b] : [b, a],
    logLikelihood,
    iterations,
    converged,
  };
}

/**
 * Points where the two components have equal posterior probability, w₁·φ((x−μ₁)/σ₁)/σ₁ =
 * w₂·φ((x−μ₂)/σ₂)/σ₂, i.e. the roots of A·x² + B·x + C = 0 with A = 1/(2σ₂²) − 1/(2σ₁²),
 * B = μ₁/σ₁² − μ₂/σ₂², C = μ₂²/(2σ₂²) − μ₁²/(2σ₁²) + ln(w₁σ₂ / (w₂σ₁)). Returns the root between
 * the means, or NaN when none lies there (one component dominates everywhere between them).
 */
export function equalPosteriorPoint(a: MixtureComponent, b: MixtureComponent): number {
  const A = 1 / (2 * b.sd ** 2) - 1 / (2 * a.sd ** 2);
  const B = a.mean / a.sd ** 2 - b.mean / b.sd ** 2;
  const C =
    b.mean ** 2 / (2 * b.sd ** 2) -
    a.mean ** 2 / (2 * a.sd ** 2) +
    Math.log((a.weight * b.sd) / (b.weight * a.sd));
  const lo = Math.min(a.mean, b.mean);
  const hi = Math.max(a.mean, b.mean);
  const roots: number[] = [];
  if (Math.abs(A) <= 1e-12 * Math.abs(B)) {
    roots.push(-C / B);
  } else {
    const disc = B * B - 4 * A * C;
    if (disc >= 0) {
      // Numerically stable form of the two roots (Numerical Recipes, section 5.6).
      const q = -0.5 * (B + Math.sign(B || 1) * Math.sqrt(disc));
      roots.push(q / A);
      if (q !== 0) {
        roots.push(C / q);
      }
    }
  }
  const inside = roots.find((x) => x >= lo && x <= hi);
  return inside ?? Number.NaN;
}

/**
 * Ashman's D = √2 · |μ₁ − μ₂| / √(σ₁² + σ₂²) (Ashman, Bird & Zepf 1994, Astron. J. 108:2348). For
 * equal weights and SDs the mixture is bimodal exactly when D > 2.
 */
export function ashmanD(a: MixtureComponent, b: MixtureComponent): number {
  return (Math.SQRT2 * Math.abs(a.mean - b.mean)) / Math.sqrt(a.sd ** 2 + b.sd ** 2);
}
