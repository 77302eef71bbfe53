import { createRng } from '@tamkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClassificationError,
  classifyByRules,
  PHENOTYPE_CLASSES,
  thresholdFromControl,
  type RoleRuleOptions,
} from '../src/index.js';

const f64 = (xs: number[]): Float64Array => Float64Array.from(xs);

/**
 * Four well-separated populations on a display scale: negative ~ N(1, 0.3²), positive ~ N(3.5, 0.3²)
 * (8 SDs apart); truth code 0 = M1 (CD86+ HLA-DR+), 1 = M2 (CD206+ CD163+), 2 = both, 3 = neither.
 */
function fourPopulations(seed: number, perClass: number) {
  const rng = createRng(seed);
  const markers = ['CD86', 'HLA-DR', 'CD206', 'CD163'] as const;
  const n = perClass * 4;
  const columns: Record<string, Float64Array> = {};
  for (const m of markers) {
    columns[m] = new Float64Array(n);
  }
  const truth = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 4;
    truth[i] = c;
    const m1 = c === 0 || c === 2;
    const m2 = c === 1 || c === 2;
    columns['CD86']![i] = (m1 ? 3.5 : 1) + 0.3 * rng.normal();
    columns['HLA-DR']![i] = (m1 ? 3.5 : 1) + 0.3 * rng.normal();
    columns['CD206']![i] = (m2 ? 3.5 : 1) + 0.3 * rng.normal();
    columns['CD163']![i] = (m2 ? 3.5 : 1) + 0.3 * rng.normal();
  }
  // FMO controls: the marker's negative distribution only.
  const fmo: Record<string, Float64Array> = {};
  for (const m of markers) {
    fmo[m] = Float64Array.from({ length: 5000 }, () => 1 + 0.3 * rng.normal());
  }
  return { columns, truth, fmo, panel: { m1: ['CD86', 'HLA-DR'], m2: ['CD206', 'CD163'] } };
}

describe('classifyByRules: hand-derived cases', () => {
  it('codes the four quadrants of one M1 and one M2 marker', () => {
    // thresholds 1: (3,0) M1; (0,3) M2; (3,3) both; (0,0) neither; (1,1) both (x >= t is positive)
    const c = classifyByRules(
      { CD86: f64([3, 0, 3, 0, 1]), CD206: f64([0, 3, 3, 0, 1]) },
      null,
      { m1: ['CD86'], m2: ['CD206'] },
      { CD86: 1, CD206: 1 },
    );
    expect(Array.from(c.codes)).toEqual([0, 1, 2, 3, 2]);
    expect(c.counts).toEqual({ M1: 1, M2: 1, double_positive: 2, double_negative: 1 });
    expect(c.classes).toEqual(['M1', 'M2', 'double_positive', 'double_negative']);
    expect(c.method).toBe('thresholdRule');
    // single-marker roles, unit scales: scores are x − t; difference (3−1) − (0−1) = 3 for event 0
    expect(c.scores.difference[0]).toBe(3);
    expect(c.scores.m2[1]).toBe(2);
  });

  // Three M1 markers with threshold 0; the M2 marker is always negative (−5 < 0).
  const three = (m1: number[], options: RoleRuleOptions): number =>
    classifyByRules(
      { A: f64([m1[0]!]), B: f64([m1[1]!]), C: f64([m1[2]!]), D: f64([-5]) },
      null,
      { m1: ['A', 'B', 'C'], m2: ['D'] },
      { A: 0, B: 0, C: 0, D: 0 },
      options,
    ).codes[0]!;

  it('combines markers by any / all / k-of-n / score', () => {
    // One of three positive: any → M1 (0); majority (2 of 3) → neither (3); all → neither.
    expect(three([3, -1, -1], { rule: 'any' })).toBe(0);
    expect(three([3, -1, -1], {})).toBe(3);
    expect(three([3, 1, -1], {})).toBe(0);
    expect(three([3, 1, -1], { rule: 'all' })).toBe(3);
    expect(three([3, 1, 1], { rule: 'all' })).toBe(0);
    expect(three([3, -1, -1], { rule: 'k-of-n', k: 1 })).toBe(0);
    // k larger than the role is capped at its size (3)
    expect(three([3, 1, 1], { rule: 'k-of-n', k: 5 })).toBe(0);
    // mean excess (3 − 1 − 1)/3 = 1/3 >= 0 → positive; (1 − 1 − 1)/3 = −1/3 → negative
    expect(three([3, -1, -1], { rule: 'score' })).toBe(0);
    expect(three([1, -1, -1], { rule: 'score' })).toBe(3);
    // scale 4 on A: (1/4·... ) → (3/4 − 1 − 1)/3 < 0
    expect(three([3, -1, -1], { rule: 'score', scales: { A: 4 } })).toBe(3);
    // max aggregate = any
    expect(three([1, -1, -1], { rule: 'score', aggregate: 'max' })).toBe(0);
  });

  it('leaves events outside the mask and with non-finite values at 255', () => {
    const c = classifyByRules(
      { CD86: f64([3, 3, Number.NaN, 0]), CD206: f64([0, 0, 0, 0]) },
      Uint8Array.from([1, 0, 1, 1]),
      { m1: ['CD86'], m2: ['CD206'] },
      { CD86: 1, CD206: 1 },
    );
    expect(Array.from(c.codes)).toEqual([0, 255, 255, 3]);
    expect(c.parentCount).toBe(3);
    expect(c.excluded).toBe(1);
    expect(c.warnings.map((w) => w.code)).toEqual(['CLASSIFY_NON_FINITE']);
    expect(c.scores.m1[1]).toBeNaN();
  });

  it('handles an empty population', () => {
    const c = classifyByRules({ A: f64([]), B: f64([]) }, null, { m1: ['A'], m2: ['B'] }, { A: 0, B: 0 });
    expect(c.counts).toEqual({ M1: 0, M2: 0, double_positive: 0, double_negative: 0 });
  });
});

describe('classifyByRules: errors', () => {
  const columns = { CD86: f64([1]), CD206: f64([1]) };
  const catchError = (run: () => unknown): ClassificationError => {
    try {
      run();
    } catch (e) {
      expect(e).toBeInstanceOf(ClassificationError);
      return e as ClassificationError;
    }
    throw new Error('expected a ClassificationError');
  };

  it('CLASSIFY_MISSING_COLUMN names the marker and the available columns', () => {
    const err = catchError(() => classifyByRules(columns, null, { m1: ['CD80'], m2: ['CD206'] }, { CD80: 1, CD206: 1 }));
    expect(err.code).toBe('CLASSIFY_MISSING_COLUMN');
    expect(err.context).toEqual({ marker: 'CD80', role: 'm1', available: ['CD86', 'CD206'] });
    expect(err.message).toMatchInlineSnapshot(`"no column for M1 marker 'CD80'; available: CD86, CD206"`);
  });

  it('CLASSIFY_MISSING_THRESHOLD for an absent or NaN threshold', () => {
    const err = catchError(() => classifyByRules(columns, null, { m1: ['CD86'], m2: ['CD206'] }, { CD86: 1, CD206: Number.NaN }));
    expect(err.code).toBe('CLASSIFY_MISSING_THRESHOLD');
    expect(err.context).toEqual({ marker: 'CD206', role: 'm2', threshold: Number.NaN });
    expect(err.message).toMatchInlineSnapshot(`"M2 marker 'CD206' has threshold NaN; expected a finite number (derive one with thresholdFromControl)"`);
  });

  it('CLASSIFY_EMPTY_ROLE', () => {
    const err = catchError(() => classifyByRules(columns, null, { m1: ['CD86'], m2: [] }, { CD86: 1 }));
    expect(err.code).toBe('CLASSIFY_EMPTY_ROLE');
    expect(err.context).toEqual({ role: 'm2' });
    expect(err.message).toMatchInlineSnapshot(`"panel lists no M2 marker; expected at least one"`);
  });

  it('bad options and lengths are programmer errors', () => {
    const panel = { m1: ['CD86'], m2: ['CD206'] };
    const t = { CD86: 1, CD206: 1 };
    expect(() => classifyByRules(columns, null, panel, t, { rule: 'none' as 'any' })).toThrow(RangeError);
    expect(() => classifyByRules(columns, null, panel, t, { rule: 'k-of-n', k: 0 })).toThrow(RangeError);
    expect(() => classifyByRules(columns, Uint8Array.from([1, 1]), panel, t)).toThrow(RangeError);
    expect(() => classifyByRules({ CD86: f64([1, 2]), CD206: f64([1]) }, null, panel, t)).toThrow(RangeError);
  });
});

describe('classifyByRules: synthetic populations with known labels', () => {
  const data = fourPopulations(2024, 2500);
  const thresholds: Record<string, number> = {};
  for (const [m, v] of Object.entries(data.fmo)) {
    thresholds[m] = thresholdFromControl(v, null).value;
  }
  const agreement = (codes: Uint8Array): number => {
    let same = 0;
    for (let i = 0; i < codes.length; i++) {
      same += codes[i] === data.truth[i] ? 1 : 0;
    }
    return same / codes.length;
  };

  for (const rule of ['k-of-n', 'any', 'all', 'score'] as const) {
    it(`reaches >= 97% agreement with FMO thresholds (rule ${rule})`, () => {
      const c = classifyByRules(data.columns, null, data.panel, thresholds, { rule });
      expect(agreement(c.codes)).toBeGreaterThanOrEqual(0.97);
    });
  }

  it('class counts sum to the classified population (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.boolean()), {
          maxLength: 60,
        }),
        fc.constantFrom<RoleRuleOptions['rule']>('any', 'all', 'k-of-n', 'score'),
        (events, rule) => {
          const a = f64(events.map((e) => e[0]));
          const b = f64(events.map((e) => e[1]));
          const mask = Uint8Array.from(events.map((e) => (e[2] ? 1 : 0)));
          const c = classifyByRules({ A: a, B: b }, mask, { m1: ['A'], m2: ['B'] }, { A: 0, B: 0 }, { rule });
          const inMask = mask.reduce((s, v) => s + v, 0);
          const sum = PHENOTYPE_CLASSES.reduce((s, k) => s + c.counts[k], 0);
          expect(sum).toBe(inMask);
          expect(c.parentCount).toBe(inMask);
          expect(c.codes.filter((x) => x === 255).length).toBe(events.length - inMask);
        },
      ),
    );
  });
});
