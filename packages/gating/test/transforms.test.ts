import { describe, expect, it } from 'vitest';
import { createTransform } from '../src/transforms/create-transform.js';
import { TransformSpecError } from '../src/errors.js';
import type { TransformSpec } from '../src/transforms/transform-spec.js';

// Published reference values, as collected in the Gating-ML corpus README ("Published transform
// reference values"): the Logicle(1000,1,4,0), fasinh, hyperlog and flog rows are asserted to
// 6 decimals in whitews/FlowUtils tests/transform_tests.py; the logicle rows are the Gating-ML 2.0
// specification's example values (its Table 8).
const INPUTS = [-10, -5, -1, 0, 0.3, 1, 3, 10, 100, 1000];
const ROWS: readonly (readonly [string, TransformSpec, readonly number[]])[] = [
  [
    'Logicle(1000, 1, 4, 0)',
    { kind: 'logicle', t: 1000, w: 1, m: 4, a: 0 },
    [0.067574, 0.147986, 0.228752, 0.25, 0.256384, 0.271248, 0.312897, 0.432426, 0.739548, 1],
  ],
  [
    'Logicle(1000, 1, 4, 1)',
    { kind: 'logicle', t: 1000, w: 1, m: 4, a: 1 },
    [0.254059, 0.318389, 0.383001, 0.4, 0.405107, 0.416999, 0.450318, 0.545941, 0.791638, 1],
  ],
  [
    'Logicle(1000, 0, 4, 1)',
    { kind: 'logicle', t: 1000, w: 0, m: 4, a: 1 },
    [-0.200009, -0.139829, -0.000856, 0.2, 0.303776, 0.400856, 0.495521, 0.600009, 0.8, 1],
  ],
  [
    'fasinh(1000, 4, 1)',
    { kind: 'asinh', t: 1000, m: 4, a: 1 },
    [-0.200009, -0.139829, -0.000856, 0.2, 0.303776, 0.400856, 0.495521, 0.600009, 0.8, 1],
  ],
  [
    'Hyperlog(1000, 1, 4, 0)',
    { kind: 'hyperlog', t: 1000, w: 1, m: 4, a: 0 },
    [
      0.08355406, 0.15586819, 0.2294768, 0.25, 0.25623887, 0.2705232, 0.30909185, 0.41644594,
      0.73187469, 1,
    ],
  ],
];

describe('published transform reference values', () => {
  for (const [label, spec, expected] of ROWS) {
    it(`${label} matches to 1e-6 (apply and applyColumn)`, () => {
      const tr = createTransform(spec);
      const column = tr.applyColumn(new Float64Array(INPUTS));
      INPUTS.forEach((x, i) => {
        expect(Math.abs(tr.apply(x) - expected[i]!)).toBeLessThan(1e-6);
        expect(Math.abs(column[i]! - expected[i]!)).toBeLessThan(1e-6);
      });
    });
  }

  it('flog(T = 10000, M = 5) matches, with NaN below 0 and -Infinity at 0', () => {
    const tr = createTransform({ kind: 'log', t: 10000, m: 5 });
    const xs = [0.5, 1, 10, 100, 1000, 1023, 1e4, 1e5, 262144];
    const ys = [0.139794, 0.2, 0.4, 0.6, 0.8, 0.801975, 1, 1.2, 1.283708];
    xs.forEach((x, i) => expect(Math.abs(tr.apply(x) - ys[i]!)).toBeLessThan(1e-6));
    expect(tr.apply(-1)).toBeNaN();
    expect(tr.apply(0)).toBe(-Infinity);
  });

  it('flin maps -A to 0 and T to 1 (definition (x + A)/(T + A))', () => {
    const tr = createTransform({ kind: 'linear', t: 1000, a: 100 });
    expect(tr.apply(-100)).toBe(0);
    expect(tr.apply(1000)).toBe(1);
    expect(tr.apply(450)).toBe(0.5); // (450 + 100)/1100
    expect(tr.inverse(0.5)).toBe(450);
  });

  it('without the negative reflection logicle(-10) would be 0.056015: the reflection is applied', () => {
    const tr = createTransform({ kind: 'logicle', t: 1000, w: 1, m: 4, a: 0 });
    expect(Math.abs(tr.apply(-10) - 0.056015)).toBeGreaterThan(0.01);
    // B(y) = -B(2·x1 - y): x1 = W/(M+A) = 0.25, so apply(-x) = 0.5 - apply(x).
    expect(tr.apply(-10) + tr.apply(10)).toBeCloseTo(0.5, 14);
  });

  it('logicle inverse is B(y) itself: B(x1) = 0 and B(1) = T', () => {
    const tr = createTransform({ kind: 'logicle', t: 262144, w: 0.5, m: 4.5, a: 0 });
    expect(tr.inverse(0.5 / 4.5)).toBe(0);
    expect(tr.inverse(1)).toBeCloseTo(262144, 6);
  });

  it('maps NaN to NaN and keeps infinities', () => {
    for (const spec of ROWS.map((r) => r[1])) {
      const tr = createTransform(spec);
      expect(tr.apply(NaN)).toBeNaN();
      expect(tr.applyColumn(new Float64Array([NaN]))[0]).toBeNaN();
    }
    const lg = createTransform({ kind: 'logicle', t: 1000, w: 1, m: 4, a: 0 });
    expect(lg.apply(Infinity)).toBe(Infinity);
    expect(lg.apply(-Infinity)).toBe(-Infinity);
  });

  it('solves values far above T (outside the seed table)', () => {
    const tr = createTransform({ kind: 'hyperlog', t: 1000, w: 1, m: 4, a: 0 });
    const y = tr.apply(1e7); // four decades above T: about 1 + 4/M = 2
    expect(y).toBeGreaterThan(1.9);
    expect(tr.inverse(y) / 1e7).toBeCloseTo(1, 12);
  });
});

describe('parameter validation (Gating-ML 2.0 ranges)', () => {
  const cases: readonly (readonly [TransformSpec, string])[] = [
    [{ kind: 'linear', t: 0, a: 0 }, 'T'],
    [{ kind: 'linear', t: 10, a: -10 }, 'A'],
    [{ kind: 'log', t: 100, m: 0 }, 'M'],
    [{ kind: 'asinh', t: 100, m: 4, a: -1 }, 'A'],
    [{ kind: 'logicle', t: 1000, w: -0.1, m: 4, a: 0 }, 'W'],
    [{ kind: 'logicle', t: 1000, w: 2.5, m: 4, a: 0 }, 'W'],
    [{ kind: 'logicle', t: 1000, w: 1, m: 4, a: -1.5 }, 'A'],
    [{ kind: 'logicle', t: 1000, w: 1, m: 4, a: 2.5 }, 'A'],
    [{ kind: 'hyperlog', t: 1000, w: 0, m: 4, a: 0 }, 'W'],
    [{ kind: 'logicle', t: NaN, w: 1, m: 4, a: 0 }, 'T'],
    [{ kind: 'flowjo-biex', width: -0.5, negative: 0, positive: 4.4, maxValue: 262144, channelRange: 4096 }, 'width'],
    [{ kind: 'flowjo-biex', width: -10, negative: 0, positive: 4.4, maxValue: 262144, channelRange: 10.5 }, 'channelRange'],
  ];
  for (const [spec, parameter] of cases) {
    it(`rejects ${spec.kind} with bad ${parameter}`, () => {
      let error: unknown;
      try {
        createTransform(spec);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TransformSpecError);
      const err = error as TransformSpecError;
      expect(err.code).toBe('TRANSFORM_BAD_PARAMETER');
      expect(err.context).toMatchObject({ kind: spec.kind, parameter });
    });
  }

  it('rejects parameters whose constants overflow double precision', () => {
    for (const spec of [
      { kind: 'logicle', t: 1000, w: 1, m: 400, a: 0 },
      { kind: 'hyperlog', t: 1000, w: 1, m: 400, a: 0 },
      { kind: 'asinh', t: 1000, m: 400, a: 0 },
    ] satisfies TransformSpec[]) {
      expect(() => createTransform(spec)).toThrow(expect.objectContaining({ code: 'TRANSFORM_BAD_PARAMETER' }));
    }
    // M = 100 is still fine: T maps to 1.
    expect(createTransform({ kind: 'logicle', t: 1000, w: 1, m: 100, a: 0 }).apply(1000)).toBeCloseTo(1, 12);
  });

  it('states the value and the range in the message', () => {
    expect(() => createTransform({ kind: 'logicle', t: 1000, w: 2.5, m: 4, a: 0 })).toThrowErrorMatchingInlineSnapshot(`[TransformSpecError: logicle parameter W = 2.5 is not valid; expected W <= M/2 = 2]`);
  });

  it('rejects an unknown kind', () => {
    const spec = { kind: 'cubic', t: 1 } as unknown as TransformSpec;
    expect(() => createTransform(spec)).toThrow(TransformSpecError);
    try {
      createTransform(spec);
    } catch (e) {
      expect((e as TransformSpecError).code).toBe('TRANSFORM_UNKNOWN_KIND');
      expect((e as TransformSpecError).context).toEqual({ kind: 'cubic' });
      expect((e as Error).message).toMatchInlineSnapshot(`"unknown transform kind 'cubic'; expected linear, log, asinh, logicle, hyperlog or flowjo-biex"`);
    }
  });
});
