import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTransform } from '../src/transforms/create-transform.js';
import { flowJoBiexTable } from '../src/transforms/flowjo-biex.js';
import type { Transform, TransformSpec } from '../src/transforms/transform-spec.js';

// Round trips are checked to 1e-9 relative plus 4 ulps of the display value at data zero expressed
// in data units (ulp(y0)·dx/dy): near data zero the display value sits near x1 (~0.1…0.5), whose
// absolute resolution limits how finely a tiny x can be represented in y at all, whatever the
// algorithm.
function roundTripOk(tr: Transform, x: number): boolean {
  const y0 = tr.apply(0);
  if (!Number.isFinite(y0)) {
    // flog has no data zero: plain relative error.
    return Math.abs(tr.inverse(tr.apply(x)) - x) <= 1e-9 * Math.abs(x);
  }
  const h = 1e-7;
  const slope = Math.abs(tr.inverse(y0 + h) - tr.inverse(y0 - h)) / (2 * h);
  const floor = 4 * Number.EPSILON * Math.max(1, Math.abs(y0)) * slope;
  return Math.abs(tr.inverse(tr.apply(x)) - x) <= 1e-9 * Math.abs(x) + floor;
}

/** Data values spread over ±(1e-9…2)·T, log-uniform in magnitude. */
const value = (t: number): fc.Arbitrary<number> =>
  fc
    .tuple(fc.boolean(), fc.double({ min: -9, max: Math.log10(2), noNaN: true }))
    .map(([neg, e]) => (neg ? -1 : 1) * t * 10 ** e);

const biexSpec = (kind: 'logicle' | 'hyperlog'): fc.Arbitrary<TransformSpec> =>
  fc
    .record({
      t: fc.double({ min: 10, max: 1e7, noNaN: true }),
      m: fc.double({ min: 0.5, max: 12, noNaN: true }),
      wFrac: fc.double({ min: kind === 'logicle' ? 0 : 0.01, max: 1, noNaN: true }),
      aFrac: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ t, m, wFrac, aFrac }) => {
      const w = (wFrac * m) / 2;
      const a = Math.min(-w + aFrac * (m - w), m - 2 * w); // −W … M − 2W (min: rounding)
      return { kind, t, w, m, a };
    });

describe('inverse(apply(x)) round trips (fast-check)', () => {
  for (const kind of ['logicle', 'hyperlog'] as const) {
    it(`${kind}: random valid parameters, x over ±T including negatives`, () => {
      fc.assert(
        fc.property(biexSpec(kind), fc.array(value(1), { minLength: 1, maxLength: 20 }), (spec, us) => {
          const tr = createTransform(spec);
          const t = spec.kind === 'logicle' || spec.kind === 'hyperlog' ? spec.t : 1;
          const xs = us.map((u) => u * t);
          const column = tr.applyColumn(new Float64Array(xs));
          return xs.every((x, i) => {
            const y = tr.apply(x);
            // The column fast path agrees with the full solver.
            const sameY = Math.abs(column[i]! - y) <= 1e-13 * Math.max(1, Math.abs(y));
            return sameY && roundTripOk(tr, x);
          });
        }),
        { seed: 20061, numRuns: 200 },
      );
    });
  }

  it('asinh: random valid parameters', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 1e7, noNaN: true }),
        fc.double({ min: 1, max: 7, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        value(1),
        (t, m, a, u) => {
          const tr = createTransform({ kind: 'asinh', t, m, a });
          return roundTripOk(tr, u * t);
        },
      ),
      { seed: 20062, numRuns: 500 },
    );
  });

  it('log and linear: random valid parameters', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 1e7, noNaN: true }),
        fc.double({ min: 1, max: 7, noNaN: true }),
        fc.double({ min: -9, max: 0.3, noNaN: true }),
        (t, m, e) => {
          const x = t * 10 ** e;
          const log = createTransform({ kind: 'log', t, m });
          const lin = createTransform({ kind: 'linear', t, a: m });
          return roundTripOk(log, x) && roundTripOk(lin, x);
        },
      ),
      { seed: 20063, numRuns: 500 },
    );
  });

  it('flowjo-biex: random widths/negatives, x over the whole table (negatives included)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(-1000, -100, -10, -7.943282, -3.162278, -1),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (width, negative, frac) => {
          const params = { width, negative, positive: 4.41854, maxValue: 262144, channelRange: 4096 };
          const lut = flowJoBiexTable(params);
          const x = lut[0]! + frac * (lut[4096]! - lut[0]!);
          const tr = createTransform({ kind: 'flowjo-biex', ...params });
          return roundTripOk(tr, x);
        },
      ),
      { seed: 20064, numRuns: 300 },
    );
  });

  it('W = 0 logicle equals fasinh with the same T, M, A (Gating-ML 2.0 section 6.6 note)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 1e6, noNaN: true }),
        fc.double({ min: 2, max: 6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        value(1),
        (t, m, aFrac, u) => {
          const a = aFrac * m;
          const lg = createTransform({ kind: 'logicle', t, w: 0, m, a });
          const as = createTransform({ kind: 'asinh', t, m, a });
          return Math.abs(lg.apply(u * t) - as.apply(u * t)) <= 1e-12;
        },
      ),
      { seed: 20065, numRuns: 300 },
    );
  });
});

describe('monotonicity', () => {
  it('logicle, hyperlog and biex outputs increase with x', () => {
    const xs = new Float64Array(2001).map((_, i) => -1000 + i * 1000.5);
    for (const spec of [
      { kind: 'logicle', t: 262144, w: 0.8, m: 4.5, a: 0.2 },
      { kind: 'hyperlog', t: 262144, w: 0.8, m: 4.5, a: 0.2 },
    ] satisfies TransformSpec[]) {
      const ys = createTransform(spec).applyColumn(xs);
      for (let i = 1; i < ys.length; i++) {
        expect(ys[i]!).toBeGreaterThan(ys[i - 1]!);
      }
    }
  });
});
