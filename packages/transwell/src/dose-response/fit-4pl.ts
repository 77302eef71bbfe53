import jStat from 'jstat';
import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { DoseResponseError } from '../errors.js';
import { logisticGradient, logisticValue } from './logistic-model.js';
import { invertMatrix } from './small-matrix.js';

/** Options of {@link fit4pl}. */
export interface Fit4plOptions {
  /** Curve direction; inferred from the mean responses at the lowest and highest dose when omitted. */
  readonly decreasing?: boolean;
  /** Non-negative weights wᵢ; the fit minimises Σ wᵢ(yᵢ − f(xᵢ))². Default all 1. */
  readonly weights?: readonly number[];
  /** Confidence level of the IC50 interval; default 0.95. */
  readonly confidenceLevel?: number;
  /** Levenberg–Marquardt iterations per round (up to 5 rounds per start, until converged); default 100. */
  readonly maxIterations?: number;
  /**
   * Parameters held at a value instead of fitted (Prism's "constrain"): `bottom` and `top` in
   * response units (e.g. 0 and 100 for % of control), `hill` > 0 (1 for a standard slope). The fit
   * then has p = 4 − (number fixed) parameters, n − p residual degrees of freedom, and needs p + 1
   * distinct doses.
   */
  readonly fixed?: { readonly bottom?: number; readonly top?: number; readonly hill?: number };
}

export const FIT_4PL_DEFAULTS: { readonly confidenceLevel: number; readonly maxIterations: number } = {
  confidenceLevel: 0.95,
  maxIterations: 100,
};

/** Estimate and standard error of one parameter. */
export interface ParameterEstimate {
  readonly estimate: number;
  /** 0 for a fixed parameter. */
  readonly se: number;
  /** True when the parameter was held at a value ({@link Fit4plOptions.fixed}), not fitted. */
  readonly fixed?: boolean;
}

/** Result of {@link fit4pl}. JSON-serialisable. */
export interface Fit4plResult {
  readonly model: string;
  readonly direction: 'decreasing' | 'increasing';
  /** `'IC50'` for decreasing (inhibition) curves, `'EC50'` for increasing (stimulation) curves. */
  readonly potencyLabel: 'IC50' | 'EC50';
  /** IC50/EC50 in dose units. */
  readonly potency: number;
  /** [lower, upper] in dose units: 10^(log10 IC50 ± t(1 − α/2, n − p)·SE(log10 IC50)), p fitted parameters. */
  readonly potencyCi: readonly [number, number];
  readonly confidenceLevel: number;
  /** 'Wald interval on log10(IC50), t distribution with n - p df', p the number of fitted parameters (4 unless some are fixed). */
  readonly ciMethod: string;
  /** SE of IC50 by the delta method: IC50·ln10·SE(log10 IC50) (comparable to R drc's `e` SE). */
  readonly potencySe: number;
  readonly log10Potency: ParameterEstimate;
  readonly hill: ParameterEstimate;
  readonly top: ParameterEstimate;
  readonly bottom: ParameterEstimate;
  /** 1 − SSE/SST (weighted when weights are given). */
  readonly rSquared: number;
  /** √(SSE/(n − p)). */
  readonly residualSd: number;
  readonly sse: number;
  readonly n: number;
  readonly df: number;
  readonly convergence: {
    readonly converged: boolean;
    readonly iterations: number;
    readonly starts: number;
    /** Bates–Watts relative offset at the solution (converged below 1e-3). */
    readonly relativeOffset: number;
  };
}

const MODEL = 'y = bottom + (top - bottom) / (1 + (x / IC50)^hill) (hill sign flipped for increasing curves)';

/**
 * Fits a 4-parameter logistic dose-response curve by Levenberg–Marquardt (ml-levenberg-marquardt, with
 * the analytic Jacobian) on θ = [bottom, top, log10 IC50, hill]:
 * y = bottom + (top − bottom)/(1 + (x/IC50)^hill) for decreasing curves (IC50) and
 * y = bottom + (top − bottom)/(1 + (EC50/x)^hill) for increasing curves (EC50). Dose 0 is allowed.
 * Starts: bottom/top = min/max of the per-dose mean responses, log10 IC50 = where the per-dose means
 * cross the half-way response (linear in log dose), hill ∈ {0.5, 1, 2, 4}; the lowest SSE wins.
 * Covariance = s²(JᵀWJ)⁻¹ with s² = SSE/(n − p), p = 4 fitted parameters; the IC50 interval is a Wald
 * interval on log10 IC50 with t(n − p) quantiles, transformed back (asymmetric in dose units).
 * `fixed` holds bottom, top or hill at a value: they leave θ, the Jacobian and p (so SE = 0 for them).
 * Convergence is the Bates–Watts relative-offset criterion (< 1e-3) or an exact fit.
 *
 * @throws {DoseResponseError} `DOSE_RESPONSE_TOO_FEW_DOSES` with fewer than p + 1 distinct doses (5 for 4 fitted parameters, of positive weight);
 *   `DOSE_RESPONSE_BAD_VALUE` for negative/non-finite doses, non-finite responses or bad weights;
 *   `DOSE_RESPONSE_NOT_CONVERGED` when no start converges.
 * @example
 * const fit = fit4pl([0.1, 0.3, 1, 3, 10, 30], [98, 90, 70, 35, 12, 5]);
 * fit.potency; // IC50 in dose units
 * fit4pl(doses, percentOfControl, { fixed: { bottom: 0, top: 100 } }).df; // n − 2
 * @throws {RangeError} for a fixed value that is not finite, or a fixed hill <= 0.
 */
export function fit4pl(doses: readonly number[], responses: readonly number[], options: Fit4plOptions = {}): Fit4plResult {
  const confidenceLevel = options.confidenceLevel ?? FIT_4PL_DEFAULTS.confidenceLevel;
  const maxIterations = options.maxIterations ?? FIT_4PL_DEFAULTS.maxIterations;
  if (doses.length !== responses.length) {
    throw new RangeError(`fit4pl: ${doses.length} doses but ${responses.length} responses`);
  }
  const n = doses.length;
  const weights = options.weights ?? doses.map(() => 1);
  validate(doses, responses, weights);
  const fixed = [options.fixed?.bottom, options.fixed?.top, undefined, options.fixed?.hill];
  for (const [k, v] of Object.entries(options.fixed ?? {})) {
    if (v !== undefined && (!Number.isFinite(v) || (k === 'hill' && v <= 0))) {
      throw new RangeError(`fit4pl: fixed ${k} is ${v}; expected a finite number${k === 'hill' ? ' > 0' : ''}`);
    }
  }
  // θ = [bottom, top, log10 IC50, hill]; the free ones are fitted, the others held.
  const free = [0, 1, 2, 3].filter((k) => fixed[k] === undefined);
  const p = free.length;
  const expand = (q: readonly number[]): number[] => fixed.map((v, k) => v ?? q[free.indexOf(k)]!);
  const byDose = meansByDose(doses, responses, weights);
  if (byDose.length < p + 1) {
    throw new DoseResponseError(
      'DOSE_RESPONSE_TOO_FEW_DOSES',
      `${byDose.length} distinct doses; expected at least ${p + 1} for a ${p}-parameter logistic fit`,
      { distinctDoses: byDose.length, n },
    );
  }
  const first = byDose[0]!;
  const last = byDose[byDose.length - 1]!;
  const decreasing = options.decreasing ?? first.mean >= last.mean;
  const sign: 1 | -1 = decreasing ? 1 : -1;
  const start = startingValues(byDose);
  const positive = byDose.filter((d) => d.dose > 0).map((d) => Math.log10(d.dose));
  const minLog = Math.min(...positive);
  const maxLog = Math.max(...positive);
  // Weighted least squares as ordinary least squares on √wᵢ·yᵢ vs √wᵢ·f(xᵢ), indexed by point: the
  // library's own weights option squares them inconsistently between its error and its step.
  const roots = weights.map((w) => Math.sqrt(w));
  const index = doses.map((_, i) => i);
  const scaledY = responses.map((y, i) => roots[i]! * y);
  const yMean = weightedMean(responses, weights);
  const sst = responses.reduce((s, y, i) => s + weights[i]! * (y - yMean) ** 2, 0);
  let best: { theta: number[]; sse: number; iterations: number } | null = null;
  let starts = 0;
  const pick = (all: readonly number[]): number[] => free.map((k) => all[k]!);
  for (const hill0 of fixed[3] === undefined ? [1, 0.5, 2, 4] : [fixed[3]]) {
    starts += 1;
    let theta = expand(pick([start.bottom, start.top, start.logC, hill0]));
    let iterations = 0;
    for (let round = 0; round < 5; round += 1) {
      const fit = levenbergMarquardt(
        { x: index, y: scaledY },
        (q: number[]) => (i: number) => roots[i]! * logisticValue(expand(q), doses[i]!, sign),
        {
          initialValues: pick(theta),
          gradientDifference: 1e-6,
          centralDifference: true,
          jacobianFunction: (q: number[]) => (i: number) => pick(logisticGradient(expand(q), doses[i]!, sign)).map((g) => roots[i]! * g),
          minValues: pick([-Infinity, -Infinity, minLog - 3, 0.01]),
          maxValues: pick([Infinity, Infinity, maxLog + 3, 50]),
          maxIterations,
          errorTolerance: 1e-30 * (1 + sst),
        },
      );
      theta = expand(fit.parameterValues);
      iterations += fit.iterations;
      if (diagnose(theta, doses, responses, weights, sign, free).relativeOffset < 1e-3) {
        break;
      }
    }
    const sse = diagnose(theta, doses, responses, weights, sign, free).sse;
    if (best === null || sse < best.sse) {
      best = { theta, sse, iterations };
    }
  }
  const theta = best!.theta;
  const d = diagnose(theta, doses, responses, weights, sign, free);
  const df = n - p;
  const converged = d.relativeOffset < 1e-3 && d.inverse !== null;
  if (!converged || d.inverse === null) {
    throw new DoseResponseError(
      'DOSE_RESPONSE_NOT_CONVERGED',
      `${p}-parameter logistic fit did not converge (relative offset ${d.relativeOffset.toPrecision(3)}, expected < 1e-3); check the dose range covers both plateaus or pass decreasing`,
      { relativeOffset: d.relativeOffset, sse: d.sse, n },
    );
  }
  const s2 = df > 0 ? d.sse / df : Number.NaN;
  // SE of the fitted parameters from (JᵀWJ)⁻¹ over the free ones; 0 for the fixed.
  const se = [0, 1, 2, 3].map((k) => (fixed[k] === undefined ? Math.sqrt(s2 * d.inverse![free.indexOf(k)]![free.indexOf(k)]!) : 0));
  const estimate = (k: number): ParameterEstimate => ({ estimate: theta[k]!, se: se[k]!, ...(fixed[k] === undefined ? {} : { fixed: true }) });
  const [, , logC] = theta as [number, number, number, number];
  const seLog = se[2]!;
  const tq = df > 0 ? jStat.studentt.inv(1 - (1 - confidenceLevel) / 2, df) : Number.NaN;
  const potency = 10 ** logC;
  return {
    model: MODEL,
    direction: decreasing ? 'decreasing' : 'increasing',
    potencyLabel: decreasing ? 'IC50' : 'EC50',
    potency,
    potencyCi: [10 ** (logC - tq * seLog), 10 ** (logC + tq * seLog)],
    confidenceLevel,
    ciMethod: `Wald interval on log10(IC50), t distribution with n - ${p} df`,
    potencySe: potency * Math.LN10 * seLog,
    log10Potency: { estimate: logC, se: seLog },
    hill: estimate(3),
    top: estimate(1),
    bottom: estimate(0),
    rSquared: sst > 0 ? 1 - d.sse / sst : Number.NaN,
    residualSd: Math.sqrt(s2),
    sse: d.sse,
    n,
    df,
    convergence: { converged, iterations: best!.iterations, starts, relativeOffset: d.relativeOffset },
  };
}

interface Diagnosis {
  readonly sse: number;
  readonly relativeOffset: number;
  readonly inverse: number[][] | null;
}

/**
 * SSE, (JᵀWJ)⁻¹ over the `free` parameters and the Bates–Watts relative offset
 * √((gᵀH⁻¹g/p)/((SSE − gᵀH⁻¹g)/(n − p))), p = free.length.
 */
function diagnose(theta: readonly number[], x: readonly number[], y: readonly number[], w: readonly number[], sign: 1 | -1, free: readonly number[]): Diagnosis {
  const p = free.length;
  const h = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const g = new Array<number>(p).fill(0);
  let sse = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i += 1) {
    const r = y[i]! - logisticValue(theta, x[i]!, sign);
    const full = logisticGradient(theta, x[i]!, sign);
    const j = free.map((k) => full[k]!);
    sse += w[i]! * r * r;
    sy += w[i]! * y[i]! * y[i]!;
    for (let a = 0; a < p; a += 1) {
      g[a]! += w[i]! * j[a]! * r;
      for (let b = 0; b < p; b += 1) {
        h[a]![b]! += w[i]! * j[a]! * j[b]!;
      }
    }
  }
  const inverse = invertMatrix(h);
  if (inverse === null) {
    return { sse, relativeOffset: Number.POSITIVE_INFINITY, inverse };
  }
  if (sse <= 1e-24 * (1 + sy)) {
    return { sse, relativeOffset: 0, inverse };
  }
  let q = 0;
  for (let a = 0; a < p; a += 1) {
    for (let b = 0; b < p; b += 1) {
      q += g[a]! * inverse[a]![b]! * g[b]!;
    }
  }
  const dfr = Math.max(1, x.length - p);
  const rest = Math.max(sse - q, 1e-300);
  return { sse, relativeOffset: Math.sqrt(Math.max(q, 0) / p / (rest / dfr)), inverse };
}

function validate(doses: readonly number[], responses: readonly number[], weights: readonly number[]): void {
  if (weights.length !== doses.length) {
    throw new RangeError(`fit4pl: ${weights.length} weights for ${doses.length} doses`);
  }
  doses.forEach((x, i) => {
    const y = responses[i]!;
    const w = weights[i]!;
    if (!Number.isFinite(x) || x < 0 || !Number.isFinite(y) || !Number.isFinite(w) || w < 0) {
      throw new DoseResponseError(
        'DOSE_RESPONSE_BAD_VALUE',
        `point ${i}: dose ${x}, response ${y}, weight ${w}; expected a finite dose >= 0, a finite response and a weight >= 0`,
        { index: i, dose: x, response: y, weight: w },
      );
    }
  });
}

interface DoseMean {
  readonly dose: number;
  readonly mean: number;
}

/** Weighted mean response per distinct dose with positive total weight, by increasing dose. */
function meansByDose(doses: readonly number[], responses: readonly number[], weights: readonly number[]): DoseMean[] {
  const sums = new Map<number, { s: number; w: number }>();
  doses.forEach((x, i) => {
    const w = weights[i]!;
    if (w > 0) {
      const e = sums.get(x) ?? { s: 0, w: 0 };
      e.s += w * responses[i]!;
      e.w += w;
      sums.set(x, e);
    }
  });
  return [...sums.entries()].map(([dose, e]) => ({ dose, mean: e.s / e.w })).sort((a, b) => a.dose - b.dose);
}

function startingValues(byDose: readonly DoseMean[]): { bottom: number; top: number; logC: number } {
  const means = byDose.map((d) => d.mean);
  const bottom = Math.min(...means);
  const top = Math.max(...means);
  const half = (bottom + top) / 2;
  const positive = byDose.filter((d) => d.dose > 0);
  let logC = Math.log10(positive[Math.floor(positive.length / 2)]!.dose);
  for (let i = 1; i < positive.length; i += 1) {
    const a = positive[i - 1]!;
    const b = positive[i]!;
    if ((a.mean - half) * (b.mean - half) <= 0 && a.mean !== b.mean) {
      const la = Math.log10(a.dose);
      const lb = Math.log10(b.dose);
      logC = la + ((half - a.mean) / (b.mean - a.mean)) * (lb - la);
      break;
    }
  }
  return { bottom, top, logC };
}

function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let s = 0;
  let sw = 0;
  values.forEach((v, i) => {
    s += weights[i]! * v;
    sw += weights[i]!;
  });
  return s / sw;
}
