import { describe, expect, it } from 'vitest';
import { TransformSpecError } from '../src/errors.js';
import { createTransform } from '../src/transforms/create-transform.js';
import { ratioValues } from '../src/transforms/transform-columns.js';
import type { TransformSpec } from '../src/transforms/transform-spec.js';
import { validateTransformSpec } from '../src/transforms/validate-transform-spec.js';

// Gating-ML 2.0 section 6 (and flowCore's lintGml2/ratiotGml2): bound(f) = max(min(f, boundMax), boundMin).
// Every expected value below is the unbounded value (derived by hand from the definition, or a
// published reference value) followed by that clamp.

/** apply and applyColumn must agree on every input; returns apply's values. */
function both(spec: TransformSpec, xs: readonly number[]): number[] {
  const tr = createTransform(spec);
  const column = Array.from(tr.applyColumn(Float64Array.from(xs)));
  const single = xs.map((x) => tr.apply(x));
  expect(column).toEqual(single);
  return single;
}

function caught(fn: () => unknown): TransformSpecError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TransformSpecError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a TransformSpecError');
}

describe('transformation bounds (boundMin / boundMax)', () => {
  it('clamps flin: T = 100, A = 0 gives x/100, then [0.1, 0.5]', () => {
    // x/100: -50 → -0.5 → 0.1; 10 → 0.1 (on the bound); 30 → 0.3; 50 → 0.5 (on the bound); 80 → 0.8 → 0.5.
    const ys = both({ kind: 'linear', t: 100, a: 0, boundMin: 0.1, boundMax: 0.5 }, [-50, 10, 30, 50, 80]);
    expect(ys).toEqual([0.1, 0.1, 0.3, 0.5, 0.5]);
  });

  it('bounds one side only when the other is absent', () => {
    // x/100 with only boundMax 0.5: -50 stays -0.5; only boundMin 0.1: 80 stays 0.8.
    expect(both({ kind: 'linear', t: 100, a: 0, boundMax: 0.5 }, [-50, 30, 80])).toEqual([-0.5, 0.3, 0.5]);
    expect(both({ kind: 'linear', t: 100, a: 0, boundMin: 0.1 }, [-50, 30, 80])).toEqual([0.1, 0.3, 0.8]);
  });

  it('clamps flog, including -Infinity at 0, and keeps NaN', () => {
    // flog(T = 10000, M = 5) = log10(x/10000)/5 + 1: x = 1 → -4/5 + 1 = 0.2; x = 0.01 → -6/5 + 1 = -0.2 → 0;
    // x = 0 → -Infinity → 0; x = 1e5 → 1/5 + 1 = 1.2 → 1; x = -1 → NaN (no bound applies to NaN).
    const ys = both({ kind: 'log', t: 10000, m: 5, boundMin: 0, boundMax: 1 }, [1, 0.01, 0, 1e5, -1]);
    expect(ys[0]).toBeCloseTo(0.2, 12);
    expect(ys.slice(1, 4)).toEqual([0, 0, 1]);
    expect(ys[4]).toBeNaN();
  });

  it('clamps fasinh at its definition points', () => {
    // fasinh(T = 1000, M = 4, A = 1): x = 0 → A/(M + A) = 0.2 → 0.25; x = T → (M + A)/(M + A) = 1 → 0.9.
    const ys = both({ kind: 'asinh', t: 1000, m: 4, a: 1, boundMin: 0.25, boundMax: 0.9 }, [0, 1000]);
    expect(ys).toEqual([0.25, 0.9]);
  });

  it('clamps logicle and hyperlog (published values inside the bounds are unchanged)', () => {
    // Logicle(1000, 1, 4, 0): 0 → x1 = W/(M + A) = 0.25 → 0.3; 100 → 0.739548 (Gating-ML 2.0 Table 8)
    // stays; 1000 → 1 → 0.75; +Infinity → 0.75.
    const lg = both({ kind: 'logicle', t: 1000, w: 1, m: 4, a: 0, boundMin: 0.3, boundMax: 0.75 }, [0, 100, 1000, Infinity]);
    expect(lg[0]).toBe(0.3);
    expect(lg[1]).toBeCloseTo(0.739548, 6);
    expect(lg.slice(2)).toEqual([0.75, 0.75]);
    // Hyperlog(1000, 1, 4, 0): 1 → 0.2705232 stays; 10 → 0.41644594 → 0.4 (FlowUtils transform_tests.py).
    const hl = both({ kind: 'hyperlog', t: 1000, w: 1, m: 4, a: 0, boundMax: 0.4 }, [1, 10]);
    expect(hl[0]).toBeCloseTo(0.2705232, 6);
    expect(hl[1]).toBe(0.4);
  });

  it('allows boundMin = boundMax (every number maps to it)', () => {
    expect(both({ kind: 'linear', t: 100, a: 0, boundMin: 0.4, boundMax: 0.4 }, [-1e9, 0, 1e9])).toEqual([0.4, 0.4, 0.4]);
  });

  it('keeps inverse the inverse of the unbounded function', () => {
    // flin T = 100, A = 0: inverse(y) = 100·y whatever the bounds, so inverse(0.8) = 80 although apply(80) = 0.5.
    const tr = createTransform({ kind: 'linear', t: 100, a: 0, boundMax: 0.5 });
    expect(tr.apply(80)).toBe(0.5);
    expect(tr.inverse(0.8)).toBe(80);
    expect(tr.inverse(tr.apply(30))).toBeCloseTo(30, 12);
  });

  it('clamps ratio values, a division by zero included', () => {
    // 2·(x − 1)/(y − 1): (4, 3) → 3; (10, 3) → 9 → 5; (0, 1) → -2/0 = -Infinity → 0; (1, 1) → 0/0 = NaN.
    const out = ratioValues(Float64Array.from([4, 10, 0, 1]), Float64Array.from([3, 3, 1, 1]), 2, 1, 1, { boundMin: 0, boundMax: 5 });
    expect(Array.from(out.subarray(0, 3))).toEqual([3, 5, 0]);
    expect(out[3]).toBeNaN();
    // Without bounds the same values are unclamped.
    expect(Array.from(ratioValues(Float64Array.from([10]), Float64Array.from([3]), 2, 1, 1))).toEqual([9]);
  });
});

describe('bound validation', () => {
  it('rejects boundMin > boundMax, naming the kind and parameter', () => {
    const err = caught(() => createTransform({ kind: 'linear', t: 100, a: 0, boundMin: 0.6, boundMax: 0.5 }));
    expect(err.code).toBe('TRANSFORM_BAD_PARAMETER');
    expect(err.context).toEqual({ kind: 'linear', parameter: 'boundMax', value: 0.5, expected: 'boundMax >= boundMin (0.6)' });
    expect(err.message).toMatchInlineSnapshot(`"linear parameter boundMax = 0.5 is not valid; expected boundMax >= boundMin (0.6)"`);
  });

  it('rejects a bound that is not a finite number', () => {
    for (const [spec, parameter] of [
      [{ kind: 'logicle', t: 1000, w: 1, m: 4, a: 0, boundMin: Number.NaN }, 'boundMin'],
      [{ kind: 'log', t: 1000, m: 4, boundMax: Infinity }, 'boundMax'],
      [{ kind: 'asinh', t: 1000, m: 4, a: 0, boundMin: '0' as unknown as number }, 'boundMin'],
    ] satisfies [TransformSpec, string][]) {
      const err = caught(() => validateTransformSpec(spec));
      expect(err.context).toMatchObject({ kind: spec.kind, parameter, expected: 'a finite number' });
    }
  });

  it('rejects bounds on flowjo-biex, which is not a Gating-ML transformation', () => {
    const spec = { kind: 'flowjo-biex', width: -10, negative: 0, positive: 4.4, maxValue: 262144, channelRange: 4096, boundMax: 4000 };
    const err = caught(() => validateTransformSpec(spec as TransformSpec));
    expect(err.context).toMatchObject({ kind: 'flowjo-biex', parameter: 'boundMax', value: 4000 });
  });
});
