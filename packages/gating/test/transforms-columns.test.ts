import { channelMeta, createEventTable } from '@tamkit/core';
import { describe, expect, it } from 'vitest';
import { createTransform } from '../src/transforms/create-transform.js';
import { defaultDisplayTransform } from '../src/transforms/default-display-transform.js';
import { ratioValues, transformColumns } from '../src/transforms/transform-columns.js';

const table = createEventTable(
  [channelMeta({ name: 'FSC-A' }), channelMeta({ name: 'FL1-A', label: 'CD206' })],
  [new Float32Array([100, 200]), new Float32Array([-50, 1000])],
  'compensated',
);

describe('transformColumns', () => {
  it('transforms the named channels into Float64Arrays and shares the others', () => {
    // flin(x; T = 1000, A = 0) = x/1000: hand-computed.
    const lin = createTransform({ kind: 'linear', t: 1000, a: 0 });
    const out = transformColumns(table, new Map([['CD206', lin]]));
    expect(out.stage).toBe('transformed');
    expect(out.columns[0]).toBe(table.columns[0]);
    expect(out.columns[1]).toBeInstanceOf(Float64Array);
    expect(Array.from(out.columns[1]!)).toEqual([-0.05, 1]);
    expect(Array.from(table.columns[1]!)).toEqual([-50, 1000]);
  });

  it('accepts channel indices', () => {
    const lin = createTransform({ kind: 'linear', t: 100, a: 0 });
    const out = transformColumns(table, new Map([[0, lin]]));
    expect(Array.from(out.columns[0]!)).toEqual([1, 2]);
  });

  it('throws UNKNOWN_CHANNEL for a missing name and RangeError for a bad index or a repeat', () => {
    const lin = createTransform({ kind: 'linear', t: 100, a: 0 });
    expect(() => transformColumns(table, new Map([['PE-A', lin]]))).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CHANNEL' }),
    );
    expect(() => transformColumns(table, new Map([[5, lin]]))).toThrow(RangeError);
    expect(() =>
      transformColumns(
        table,
        new Map<number | string, typeof lin>([
          [1, lin],
          ['FL1-A', lin],
        ]),
      ),
    ).toThrow(RangeError);
  });
});

describe('ratioValues (Gating-ML fratio = A·(x − B)/(y − C))', () => {
  it('computes hand-derived values', () => {
    // 2·(4 − 1)/(3 − 1) = 3; 2·(1 − 1)/(5 − 1) = 0; 2·(3 − 1)/(1 − 1) = +Infinity
    const out = ratioValues(new Float64Array([4, 1, 3]), new Float32Array([3, 5, 1]), 2, 1, 1);
    expect(Array.from(out)).toEqual([3, 0, Infinity]);
  });

  it('rejects columns of different length', () => {
    expect(() => ratioValues(new Float64Array(2), new Float64Array(3), 1, 0, 0)).toThrow(RangeError);
  });
});

describe('defaultDisplayTransform', () => {
  it('uses linear over $PnR for scatter and time', () => {
    expect(defaultDisplayTransform(channelMeta({ name: 'FSC-A', range: 262144 }))).toEqual({
      kind: 'linear',
      t: 262144,
      a: 0,
    });
    expect(defaultDisplayTransform(channelMeta({ name: 'Time', range: 0 }), new Float32Array([3, 9]))).toEqual({
      kind: 'linear',
      t: 9,
      a: 0,
    });
  });

  it('uses logicle with W = 0 when a fluorescence channel has no negative values', () => {
    expect(defaultDisplayTransform(channelMeta({ name: 'FL1-A', range: 262144 }), new Float32Array([1, 5]))).toEqual({
      kind: 'logicle',
      t: 262144,
      w: 0,
      m: 4.5,
      a: 0,
    });
  });

  it('estimates W from the 5th percentile of the negatives (Parks et al. 2006)', () => {
    // Negatives −1…−101 (101 values) : R type 7 5th percentile = −101 + 0.05·100·1 = −96.
    // W = (4.5 − log10(262144/96))/2 = (4.5 − 3.436268)/2 = 0.531866.
    const values = new Float32Array(200);
    for (let i = 0; i < 101; i++) {
      values[i] = -(i + 1);
    }
    for (let i = 101; i < 200; i++) {
      values[i] = 1000 * i;
    }
    const spec = defaultDisplayTransform(channelMeta({ name: 'FL1-A', range: 262144 }), values);
    expect(spec.kind).toBe('logicle');
    expect((spec as { w: number }).w).toBeCloseTo((4.5 - Math.log10(262144 / 96)) / 2, 12);
    expect((spec as { w: number }).w).toBeCloseTo(0.531866, 6);
  });

  it('clamps W to M/2 for very wide negative spreads and uses the data max without a range', () => {
    const spec = defaultDisplayTransform(channelMeta({ name: 'FL2-A' }), new Float64Array([-5000, 100]));
    // T = 100 (data max), r = −5000: W = (4.5 − log10(0.02))/2 = 3.1 > M/2 → 2.25.
    expect(spec).toEqual({ kind: 'logicle', t: 100, w: 2.25, m: 4.5, a: 0 });
    expect(() => createTransform(spec)).not.toThrow();
  });

  it('uses log over the decades of a log amplifier', () => {
    const spec = defaultDisplayTransform(channelMeta({ name: 'FL1-H', range: 1024, logDecades: 4 }));
    expect(spec).toEqual({ kind: 'log', t: 10000, m: 4 });
  });
});
