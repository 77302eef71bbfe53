import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import jStat from 'jstat';
import { compositeRule, gaussLegendre, type QuadratureRule } from './quadrature.js';

const RULE = gaussLegendre(16);
const Z_RULE = compositeRule(RULE, -8.5, 8.5, 16);

/**
 * Joint probability of Dunnett's many-to-one statistics Tᵢ = (ȳᵢ − ȳ₀)/(s·√(1/nᵢ + 1/n₀)), i = 1..k,
 * under H0, for correlations ρᵢⱼ = λᵢλⱼ with λᵢ = √(nᵢ/(nᵢ + n₀)) (Dunnett 1955).
 *
 * This correlation has the one-factor form Zᵢ = λᵢZ₀ + √(1 − λᵢ²)Eᵢ, so conditional on Z₀ = z and on
 * the pooled-SD ratio s = S/σ (density of √(χ²_ν/ν)) the statistics are independent:
 *
 * - `'two-sided'`: P(max|Tᵢ| ≤ t) = ∫ f_ν(s) ∫ φ(z) Πᵢ [Φ((ts − λᵢz)/√(1−λᵢ²)) − Φ((−ts − λᵢz)/√(1−λᵢ²))] dz ds
 * - `'greater'`: P(max Tᵢ ≤ t) = ∫ f_ν(s) ∫ φ(z) Πᵢ Φ((ts − λᵢz)/√(1−λᵢ²)) dz ds
 *
 * with f_ν(s) = 2(ν/2)^{ν/2}/Γ(ν/2) · s^{ν−1} e^{−νs²/2}. Both integrals use composite 16-point
 * Gauss–Legendre rules (z on [−8.5, 8.5], s on the bulk of f_ν); `df = Infinity` drops the s integral.
 * About 2 · k · 5·10⁴ normal CDF evaluations per call (tens of ms).
 *
 * @example
 * dunnettCdf(2.5, [Math.sqrt(0.5), Math.sqrt(0.5)], 20, 'two-sided'); // ≈ 0.96
 */
export function dunnettCdf(t: number, lambdas: readonly number[], df: number, kind: 'two-sided' | 'greater'): number {
  if (Number.isNaN(t)) {
    return Number.NaN;
  }
  if (kind === 'two-sided' && t <= 0) {
    return 0;
  }
  const scales = lambdas.map((l) => Math.sqrt(1 - l * l));
  const inner = (ts: number): number => {
    let sum = 0;
    for (let zi = 0; zi < Z_RULE.nodes.length; zi += 1) {
      const z = Z_RULE.nodes[zi]!;
      let prod = Z_RULE.weights[zi]! * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      for (let i = 0; i < lambdas.length && prod > 0; i += 1) {
        const l = lambdas[i]!;
        const sc = scales[i]!;
        const upper = normalCdf((ts - l * z) / sc, 0, 1);
        prod *= kind === 'two-sided' ? upper - normalCdf((-ts - l * z) / sc, 0, 1) : upper;
      }
      sum += prod;
    }
    return sum;
  };
  if (!Number.isFinite(df)) {
    return clamp01(inner(t));
  }
  const rule = chiRule(df);
  const logConst = Math.log(2) + (df / 2) * Math.log(df / 2) - jStat.gammaln(df / 2);
  let total = 0;
  for (let si = 0; si < rule.nodes.length; si += 1) {
    const s = rule.nodes[si]!;
    if (s <= 0) {
      continue;
    }
    const density = Math.exp(logConst + (df - 1) * Math.log(s) - (df * s * s) / 2);
    total += rule.weights[si]! * density * inner(t * s);
  }
  return clamp01(total);
}

const chiRules = new Map<number, QuadratureRule>();

/** Integration nodes for s = √(χ²_ν/ν): mean ≈ 1, SD ≈ 1/√(2ν). */
function chiRule(df: number): QuadratureRule {
  const cached = chiRules.get(df);
  if (cached !== undefined) {
    return cached;
  }
  // ±10 SD of the near-normal bulk; small df have a long right tail, so the range is widened there.
  const spread = 10 / Math.sqrt(2 * df);
  const lo = Math.max(0, 1 - spread);
  const hi = df < 4 ? 1 + spread + 8 : 1 + spread;
  const rule = compositeRule(RULE, lo, hi, df < 4 ? 40 : 12);
  chiRules.set(df, rule);
  return rule;
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}
