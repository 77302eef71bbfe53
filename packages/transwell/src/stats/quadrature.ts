/** Nodes and weights of an n-point Gauss–Legendre rule on [−1, 1]. */
export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

/**
 * n-point Gauss–Legendre rule on [−1, 1], nodes found by Newton's method on Pₙ
 * (Golub–Welsch-free classic recurrence; exact for polynomials of degree ≤ 2n − 1).
 *
 * @example
 * gaussLegendre(2).nodes; // [−1/√3, 1/√3]
 */
export function gaussLegendre(n: number): QuadratureRule {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`gaussLegendre: n must be a positive integer, got ${n}`);
  }
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i += 1) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter += 1) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k += 1) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      const pn = n === 1 ? x : p1;
      const pPrev = n === 1 ? 1 : p0;
      dp = (n * (x * pn - pPrev)) / (x * x - 1);
      const dx = pn / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-15) {
        break;
      }
    }
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    const w = 2 / ((1 - x * x) * dp * dp);
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  return { nodes, weights };
}

/** A composite rule on [a, b]: `panels` equal panels with the given Gauss–Legendre rule each. */
export function compositeRule(rule: QuadratureRule, a: number, b: number, panels: number): QuadratureRule {
  const m = rule.nodes.length;
  const nodes = new Float64Array(m * panels);
  const weights = new Float64Array(m * panels);
  const h = (b - a) / panels;
  for (let p = 0; p < panels; p += 1) {
    const mid = a + (p + 0.5) * h;
    for (let i = 0; i < m; i += 1) {
      nodes[p * m + i] = mid + (h / 2) * rule.nodes[i]!;
      weights[p * m + i] = (h / 2) * rule.weights[i]!;
    }
  }
  return { nodes, weights };
}
