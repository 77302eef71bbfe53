import { TransformSpecError } from '../errors.js';

/**
 * A monotone biexponential map between data values and display values y, built once per spec.
 * `inverse(y)` evaluates the biexponential directly; `forward(x)` is its root.
 */
export interface BiexponentialKernel {
  /** Display value of data zero (x1 in Gating-ML). */
  readonly zero: number;
  readonly forward: (value: number) => number;
  readonly inverse: (scale: number) => number;
  /** Column fast path: table start plus one Halley step. */
  readonly forwardColumn: (values: ArrayLike<number>) => Float64Array;
}

/** Grid intervals of the lookup table that seeds the root finder. */
const TABLE_INTERVALS = 4096;
const MAX_ITERATIONS = 60;

/**
 * Solves 2(ln d − ln b) + w(b + d) = 0 for d ∈ (0, b] (Gating-ML 2.0 logicle; Moore & Parks 2012,
 * "Update for the logicle data scale"). Newton's method in u = ln d: the function is increasing and
 * convex in u, and the start u = ln b − wb/2 lies right of the root, so the iterates decrease
 * monotonically to it. FlowJo's biex generator solves the same equation.
 *
 * @throws {TransformSpecError} code `TRANSFORM_NOT_CONVERGED` if Newton's method does not settle.
 * @example
 * solveLogicleD(4 * Math.LN10, 0.25); // d for Logicle(T, W = 1, M = 4, A = 0)
 */
export function solveLogicleD(b: number, w: number): number {
  if (w === 0) {
    return b;
  }
  const lnb = Math.log(b);
  let u = lnb - (w * b) / 2;
  for (let i = 0; i < 200; i++) {
    const eu = Math.exp(u);
    const g = 2 * (u - lnb) + w * (b + eu);
    const step = g / (2 + w * eu);
    // A non-positive step means the iterate reached the root within rounding.
    if (!(step > 4e-16 * Math.max(1, Math.abs(u)))) {
      return Math.exp(step > 0 ? u - step : u);
    }
    u -= step;
  }
  throw new TransformSpecError(
    'TRANSFORM_NOT_CONVERGED',
    `logicle parameter d did not converge for b = ${b}, w = ${w}`,
    { kind: 'logicle', value: w, iterations: 200 },
  );
}

/**
 * Builds a kernel for F(δ) = P·(e^{bδ} − 1) − Q·(e^{−dδ} − 1) + C·δ, δ = y − zero ≥ 0, reflected as
 * −F(−δ) for δ < 0. F(0) = 0, F is increasing and convex for δ ≥ 0 (F'' = Pb²e^{bδ} − Qd²e^{−dδ}
 * is ≥ 0 there because F''(0) ≥ 0 for both logicle and hyperlog). Writing it with expm1 avoids the
 * cancellation of a·e^{by} − c·e^{−dy} − f near data zero, which the Moore–Parks code handles with a
 * Taylor series instead: both give full relative precision near zero.
 */
function createKernel(
  kind: 'logicle' | 'hyperlog',
  zero: number,
  p: number,
  b: number,
  q: number,
  d: number,
  c: number,
): BiexponentialKernel {
  if (![p, q, c, d].every(Number.isFinite) || !(p > 0)) {
    // e^b (and e^{x0(b+d)}) overflow double precision once M + A passes about 300.
    throw new TransformSpecError(
      'TRANSFORM_BAD_PARAMETER',
      `${kind} constants overflow double precision for M + A = ${b / Math.LN10}; expected M + A up to about 300`,
      { kind, parameter: 'M', value: b / Math.LN10, expected: 'M + A up to about 300' },
    );
  }
  const f = (delta: number): number =>
    p * Math.expm1(b * delta) - q * Math.expm1(-d * delta) + c * delta;

  // Seed table over δ ∈ [0, 1 − zero] (display 0..1 ↔ data up to T).
  const span = 1 - zero;
  const tableDelta = new Float64Array(TABLE_INTERVALS + 1);
  const tableValue = new Float64Array(TABLE_INTERVALS + 1);
  for (let k = 0; k <= TABLE_INTERVALS; k++) {
    const delta = (span * k) / TABLE_INTERVALS;
    tableDelta[k] = delta;
    tableValue[k] = f(delta);
  }
  const top = tableValue[TABLE_INTERVALS]!;
  const slopeAtZero = p * b + q * d + c;

  // Index i of the table interval holding v (tableValue[i] <= v < tableValue[i + 1]), v < top.
  const locate = (v: number): number => {
    let i = 0;
    let j = TABLE_INTERVALS;
    while (j - i > 1) {
      const mid = (i + j) >>> 1;
      if (tableValue[mid]! <= v) {
        i = mid;
      } else {
        j = mid;
      }
    }
    return i;
  };

  // Root of F(δ) = v for finite v > 0: bracketed Halley iteration from a table-interpolated start.
  const solve = (v: number): number => {
    let lo: number;
    let hi: number;
    let delta: number;
    if (v < top) {
      const i = locate(v);
      lo = tableDelta[i]!;
      hi = tableDelta[i + 1]!;
      const fi = tableValue[i]!;
      delta = lo + ((hi - lo) * (v - fi)) / (tableValue[i + 1]! - fi);
    } else {
      // F(δ) ≥ P·expm1(bδ) and F(δ) ≥ F'(0)·δ (convexity), so both bounds lie right of the root.
      lo = span;
      const bound = Math.min(Math.log1p(v / p) / b, v / slopeAtZero);
      hi = Math.max(bound * (1 + 1e-12), lo);
      delta = hi;
    }
    for (let it = 0; it < MAX_ITERATIONS; it++) {
      const e1 = Math.expm1(b * delta);
      const e2 = Math.expm1(-d * delta);
      const r = p * e1 - q * e2 + c * delta - v;
      if (r === 0) {
        return delta;
      }
      if (r > 0) {
        hi = delta;
      } else {
        lo = delta;
      }
      const pb = p * b * (e1 + 1);
      const qd = q * d * (e2 + 1);
      const d1 = pb + qd + c;
      const d2 = b * pb - d * qd;
      let next = delta - r / (d1 - (r * d2) / (2 * d1));
      let bisected = false;
      if (!(next >= lo && next <= hi)) {
        next = 0.5 * (lo + hi);
        bisected = true;
      }
      const step = Math.abs(next - delta);
      delta = next;
      // Halley converges cubically: after a step of relative size 1e-9 the error is far below 1 ulp.
      // A bisection step says nothing about the error: only the bracket width does.
      if ((!bisected && step <= 1e-9 * delta) || hi - lo <= 4e-16 * hi) {
        return delta;
      }
    }
    throw new TransformSpecError(
      'TRANSFORM_NOT_CONVERGED',
      `${kind} root finding did not converge for value ${v} in ${MAX_ITERATIONS} iterations`,
      { kind, value: v, iterations: MAX_ITERATIONS },
    );
  };

  // Fast path for columns: a second table, uniform in u = ln(1 + v/P) (≈ v/P near zero, ≈ bδ in the
  // exponential part, so δ(u) is smooth and needs no search), gives a start within ~1e-7 of the
  // root; one Halley step then leaves about b²·e³, below 1e-15 relative for every valid spec tested
  // (the test suite compares it with the full solver). Values beyond T, or a step leaving the
  // interval, take the full solver.
  const uTop = Math.log1p(top / p);
  const uScale = TABLE_INTERVALS / uTop;
  const uDelta = new Float64Array(TABLE_INTERVALS + 1);
  for (let k = 1; k <= TABLE_INTERVALS; k++) {
    uDelta[k] = k === TABLE_INTERVALS ? span : solve(p * Math.expm1(k / uScale));
  }
  // expm1(bδ) and expm1(−dδ) at the nodes, so the Halley step needs no exponential: for δ = δk + h
  // with 0 <= h <= δ(k+1) − δk, expm1(b(δk + h)) = E_k + (E_k + 1)·expm1(bh) exactly, and expm1(bh)
  // of the small bh comes from its Taylor series. Both terms have the same sign, so nothing cancels.
  const nodeUp = new Float64Array(TABLE_INTERVALS + 1);
  const nodeDown = new Float64Array(TABLE_INTERVALS + 1);
  let widest = 0;
  for (let k = 0; k <= TABLE_INTERVALS; k++) {
    nodeUp[k] = Math.expm1(b * uDelta[k]!);
    nodeDown[k] = Math.expm1(-d * uDelta[k]!);
    if (k > 0) {
      widest = Math.max(widest, Math.max(b, d) * (uDelta[k]! - uDelta[k - 1]!));
    }
  }
  // Degree 7 Taylor polynomial of expm1: relative error below x⁷/8! ≈ 2.5e-17 for |x| <= 0.02.
  const taylor = widest <= 0.02;
  const solveFast = (v: number): number => {
    const pos = Math.log1p(v / p) * uScale;
    const i = Math.floor(pos);
    if (!(i < TABLE_INTERVALS)) {
      return solve(v);
    }
    const lo = uDelta[i]!;
    const hi = uDelta[i + 1]!;
    const delta = lo + (pos - i) * (hi - lo);
    let e1: number;
    let e2: number;
    if (taylor) {
      const h = delta - lo;
      const x = b * h;
      const y = -d * h;
      const ex = x * (1 + x * (1 / 2 + x * (1 / 6 + x * (1 / 24 + x * (1 / 120 + x * (1 / 720 + x * (1 / 5040)))))));
      const ey = y * (1 + y * (1 / 2 + y * (1 / 6 + y * (1 / 24 + y * (1 / 120 + y * (1 / 720 + y * (1 / 5040)))))));
      const up = nodeUp[i]!;
      const down = nodeDown[i]!;
      e1 = up + (up + 1) * ex;
      e2 = down + (down + 1) * ey;
    } else {
      e1 = Math.expm1(b * delta);
      e2 = Math.expm1(-d * delta);
    }
    const r = p * e1 - q * e2 + c * delta - v;
    const pb = p * b * (e1 + 1);
    const qd = q * d * (e2 + 1);
    const d1 = pb + qd + c;
    const next = delta - r / (d1 - (r * (b * pb - d * qd)) / (2 * d1));
    return next >= lo && next <= hi ? next : solve(v);
  };

  const forward = (value: number): number => {
    if (value === 0) {
      return zero;
    }
    if (!Number.isFinite(value)) {
      return value;
    }
    return value > 0 ? zero + solve(value) : zero - solve(-value);
  };

  return {
    zero,
    forward,
    inverse: (scale: number): number => {
      const delta = scale - zero;
      return delta >= 0 ? f(delta) : -f(-delta);
    },
    forwardColumn: (values: ArrayLike<number>): Float64Array => {
      const out = new Float64Array(values.length);
      for (let k = 0; k < values.length; k++) {
        const v = values[k]!;
        if (v > 0 && v < top) {
          out[k] = zero + solveFast(v);
        } else if (v < 0 && -v < top) {
          out[k] = zero - solveFast(-v);
        } else {
          out[k] = forward(v);
        }
      }
      return out;
    },
  };
}

/**
 * Logicle (Parks, Roederer & Moore 2006; Gating-ML 2.0 section 6.6) with parameters T, W, M, A
 * (already validated). w = W/(M+A), x2 = A/(M+A), x1 = x2 + w, x0 = x2 + 2w, b = (M+A)·ln10,
 * c/a = e^{x0(b+d)}, f/a = e^{b·x1} − (c/a)e^{−d·x1}, a = T/(e^b − f/a − (c/a)e^{−d}), and
 * B(y) = a·e^{by} − c·e^{−dy} − f for y ≥ x1, B(y) = −B(2x1 − y) below.
 */
export function logicleKernel(t: number, w: number, m: number, a: number): BiexponentialKernel {
  const wn = w / (m + a);
  const x2 = a / (m + a);
  const x1 = x2 + wn;
  const x0 = x2 + 2 * wn;
  const b = (m + a) * Math.LN10;
  const d = solveLogicleD(b, wn);
  const cOverA = Math.exp(x0 * (b + d));
  // Denominator e^b − f/a − (c/a)e^{−d} written as two positive terms.
  const denom =
    Math.exp(b * x1) * Math.expm1(b * (1 - x1)) - cOverA * Math.exp(-d * x1) * Math.expm1(-d * (1 - x1));
  const scaleA = t / denom;
  const p = scaleA * Math.exp(b * x1);
  const q = scaleA * cOverA * Math.exp(-d * x1);
  return createKernel('logicle', x1, p, b, q, d, 0);
}

/**
 * Hyperlog (Bagwell 2005; Gating-ML 2.0 section 6.7) with parameters T, W, M, A (already
 * validated, W > 0). Same w, x0, x1, x2, b as logicle; e0 = e^{b·x0}, c/a = e0/w,
 * f/a = e^{b·x1} + (c/a)·x1, a = T/(e^b + c/a − f/a), EH(y) = a·e^{by} + c·y − f for y ≥ x1,
 * EH(y) = −EH(2x1 − y) below.
 */
export function hyperlogKernel(t: number, w: number, m: number, a: number): BiexponentialKernel {
  const wn = w / (m + a);
  const x2 = a / (m + a);
  const x1 = x2 + wn;
  const x0 = x2 + 2 * wn;
  const b = (m + a) * Math.LN10;
  const cOverA = Math.exp(b * x0) / wn;
  // e^b + c/a − f/a = e^{b·x1}(e^{b(1−x1)} − 1) + (c/a)(1 − x1).
  const denom = Math.exp(b * x1) * Math.expm1(b * (1 - x1)) + cOverA * (1 - x1);
  const scaleA = t / denom;
  const p = scaleA * Math.exp(b * x1);
  return createKernel('hyperlog', x1, p, b, 0, 0, scaleA * cOverA);
}
